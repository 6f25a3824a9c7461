package io.keywarden.sdk.exception;

import io.keywarden.core.error.ErrorCode;

/** {@code Throttling} (400): the caller sends too many requests; the client retries these itself before giving up. */
public final class ThrottlingException extends KeywardenServiceException {
    private static final long serialVersionUID = 1L;

    public ThrottlingException(String errorMessage, int statusCode, String requestId) {
        super(ErrorCode.THROTTLING, errorMessage, statusCode, requestId);
    }
}
