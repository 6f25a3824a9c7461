package io.keywarden.sdk.exception;

import io.keywarden.core.error.ErrorCode;

/** {@code InvalidClientTokenId} (403): the signing access key is unknown, Inactive or deleted. */
public final class InvalidClientTokenIdException extends KeywardenServiceException {
    private static final long serialVersionUID = 1L;

    public InvalidClientTokenIdException(String errorMessage, int statusCode, String requestId) {
        super(ErrorCode.INVALID_CLIENT_TOKEN_ID, errorMessage, statusCode, requestId);
    }
}
