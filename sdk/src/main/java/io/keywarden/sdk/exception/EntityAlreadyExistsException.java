package io.keywarden.sdk.exception;

import io.keywarden.core.error.ErrorCode;

/** {@code EntityAlreadyExists} (409): a user of that name (compared case-insensitively) already exists. */
public final class EntityAlreadyExistsException extends KeywardenServiceException {
    private static final long serialVersionUID = 1L;

    public EntityAlreadyExistsException(String errorMessage, int statusCode, String requestId) {
        super(ErrorCode.ENTITY_ALREADY_EXISTS, errorMessage, statusCode, requestId);
    }
}
