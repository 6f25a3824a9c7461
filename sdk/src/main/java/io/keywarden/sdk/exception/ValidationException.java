package io.keywarden.sdk.exception;

/**
 * The request was invalid: {@code ValidationError}, {@code InvalidInput}, {@code InvalidParameterValue} or
 * {@code MissingParameter} (all 400); {@link #code()} tells which. The message names the offending field.
 */
public final class ValidationException extends KeywardenServiceException {
    private static final long serialVersionUID = 1L;

    public ValidationException(String code, String errorMessage, int statusCode, String requestId) {
        super(code, errorMessage, statusCode, requestId);
    }
}
