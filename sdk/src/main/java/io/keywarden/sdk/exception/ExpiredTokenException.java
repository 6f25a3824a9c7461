package io.keywarden.sdk.exception;

import io.keywarden.core.error.ErrorCode;

/** {@code ExpiredToken} (403): the temporary credentials have expired. */
public final class ExpiredTokenException extends KeywardenServiceException {
    private static final long serialVersionUID = 1L;

    public ExpiredTokenException(String errorMessage, int statusCode, String requestId) {
        super(ErrorCode.EXPIRED_TOKEN, errorMessage, statusCode, requestId);
    }
}
