package io.keywarden.sdk.auth;

import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.exception.CredentialsException;

/**
 * Supplies the credentials each request is signed with. The client asks before every attempt, so a provider
 * whose answer changes (a reloaded profile file, a {@link MutableCredentialsProvider} after a rotation) takes
 * effect on the next request. Implementations must be thread-safe and should be cheap.
 */
@FunctionalInterface
public interface CredentialsProvider {

    /**
     * The current credentials; never {@code null}.
     *
     * @throws CredentialsException when there are none; the message says what is missing and where it was looked
     *                              for, never a secret
     */
    SigningCredentials resolveCredentials();
}
