package io.keywarden.core.error;

import java.util.Objects;

/**
 * A failure that has a place in the error vocabulary. Messages follow AWS's wording where AWS has one
 * and never contain a secret.
 */
public class KeywardenException extends RuntimeException {
    private final ErrorCode errorCode;

    public KeywardenException(ErrorCode errorCode, String message) {
        super(message, null, false, false);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    public KeywardenException(ErrorCode errorCode, String message, Throwable cause) {
        super(message, cause, false, false);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    /** The HTTP status of this failure: its error code's, unless a kind of failure says otherwise. */
    public int httpStatus() {
        return errorCode.httpStatus();
    }

    public static KeywardenException of(ErrorCode code, String message) {
        return new KeywardenException(code, message);
    }

    /** AWS's validation message form: {@code 1 validation error detected: Value at 'field' failed to satisfy constraint: ...}. */
    public static KeywardenException validation(String field, String constraint) {
        return new KeywardenException(ErrorCode.VALIDATION_ERROR,
                "1 validation error detected: Value at '" + field + "' failed to satisfy constraint: " + constraint);
    }

    public static KeywardenException noSuchUser(String userName) {
        return new KeywardenException(ErrorCode.NO_SUCH_ENTITY, "The user with name " + userName + " cannot be found.");
    }

    public static KeywardenException noSuchAccessKey(String accessKeyId) {
        return new KeywardenException(ErrorCode.NO_SUCH_ENTITY,
                "The Access Key with id " + accessKeyId + " cannot be found.");
    }
}
