package io.keywarden.sdk.exception;

/**
 * No credentials could be resolved: the message names what is missing and where it was looked for (a variable,
 * a file, a profile, a property), never a secret.
 */
public final class CredentialsException extends KeywardenClientException {
    private static final long serialVersionUID = 1L;

    public CredentialsException(String message) {
        super(message);
    }

    public CredentialsException(String message, Throwable cause) {
        super(message, cause);
    }
}
