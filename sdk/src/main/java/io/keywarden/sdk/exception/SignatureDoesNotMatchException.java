package io.keywarden.sdk.exception;

import io.keywarden.core.error.ErrorCode;

/** {@code SignatureDoesNotMatch} (403): the secret does not match the key, or the request time is more than 15 minutes off the server's clock. */
public final class SignatureDoesNotMatchException extends KeywardenServiceException {
    private static final long serialVersionUID = 1L;

    public SignatureDoesNotMatchException(String errorMessage, int statusCode, String requestId) {
        super(ErrorCode.SIGNATURE_DOES_NOT_MATCH, errorMessage, statusCode, requestId);
    }
}
