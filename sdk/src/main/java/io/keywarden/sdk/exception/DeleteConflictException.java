package io.keywarden.sdk.exception;

import io.keywarden.core.error.ErrorCode;

/** {@code DeleteConflict} (409): the user still has keys or policies, or the key is still Active where the server requires it Inactive before deletion. */
public final class DeleteConflictException extends KeywardenServiceException {
    private static final long serialVersionUID = 1L;

    public DeleteConflictException(String errorMessage, int statusCode, String requestId) {
        super(ErrorCode.DELETE_CONFLICT, errorMessage, statusCode, requestId);
    }
}
