package io.keywarden.sdk.exception;

/**
 * A failure on the client side: the server could not be reached, the request timed out, the client was closed,
 * no credentials could be found, or the server's answer could not be understood. The service may or may not have
 * processed the request (a timed-out request may have been applied).
 */
public class KeywardenClientException extends KeywardenSdkException {
    private static final long serialVersionUID = 1L;

    public KeywardenClientException(String message) {
        super(message);
    }

    public KeywardenClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
