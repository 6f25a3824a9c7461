package io.keywarden.sdk.exception;

/**
 * The root of every exception the SDK throws: {@link KeywardenClientException} when the service could not be
 * reached or its answer not understood, {@link KeywardenServiceException} when the service answered with an error.
 * Unchecked; messages never contain a secret.
 */
public abstract class KeywardenSdkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected KeywardenSdkException(String message) {
        super(message);
    }

    protected KeywardenSdkException(String message, Throwable cause) {
        super(message, cause);
    }
}
