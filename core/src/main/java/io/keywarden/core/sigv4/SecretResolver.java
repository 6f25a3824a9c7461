package io.keywarden.core.sigv4;

import java.util.Optional;

/**
 * Looks up the secret of an access key for {@link SigV4Verifier}. Return empty for an unknown or inactive key
 * (the verifier then answers {@code InvalidClientTokenId}); the attachment (for example the key's owner) is
 * handed back in {@link VerifiedRequest#attachment()} when the signature verifies.
 *
 * @param <T> what the caller wants back with a verified request
 */
@FunctionalInterface
public interface SecretResolver<T> {

    /**
     * @param accessKeyId  the key id from the credential scope, never empty
     * @param sessionToken the session token the request carried, or {@code null}
     */
    Optional<ResolvedSecret<T>> resolve(String accessKeyId, String sessionToken);
}
