package io.keywarden.sdk.exception;

import io.keywarden.core.error.ErrorCode;

/** {@code LimitExceeded} (409): e.g. the user already has the maximum number of access keys (2 by default). */
public final class LimitExceededException extends KeywardenServiceException {
    private static final long serialVersionUID = 1L;

    public LimitExceededException(String errorMessage, int statusCode, String requestId) {
        super(ErrorCode.LIMIT_EXCEEDED, errorMessage, statusCode, requestId);
    }
}
