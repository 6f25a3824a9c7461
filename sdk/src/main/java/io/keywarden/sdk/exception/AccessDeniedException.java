package io.keywarden.sdk.exception;

import io.keywarden.core.error.ErrorCode;

/** {@code AccessDenied} (403): the caller is authenticated but not allowed, or the access key is unknown (GetAccessKeyLastUsed, as AWS). */
public final class AccessDeniedException extends KeywardenServiceException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String errorMessage, int statusCode, String requestId) {
        super(ErrorCode.ACCESS_DENIED, errorMessage, statusCode, requestId);
    }
}
