package io.keywarden.sdk.exception;

import io.keywarden.core.error.ErrorCode;

/** {@code NoSuchEntity} (404): the user or access key does not exist. */
public final class NoSuchEntityException extends KeywardenServiceException {
    private static final long serialVersionUID = 1L;

    public NoSuchEntityException(String errorMessage, int statusCode, String requestId) {
        super(ErrorCode.NO_SUCH_ENTITY, errorMessage, statusCode, requestId);
    }
}
