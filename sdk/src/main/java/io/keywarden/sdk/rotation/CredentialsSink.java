package io.keywarden.sdk.rotation;

import io.keywarden.core.sigv4.SigningCredentials;

import java.util.Optional;

/**
 * Where a rotated key is persisted for the applications that use it: a profile of a shared credentials file
 * ({@link ProfileFileSink}), or anything a callback can reach ({@link CallbackSink}: a secret store, a Kubernetes
 * secret, a configuration service).
 *
 * <p>{@link KeyRotator} calls {@link #store} with the new key when it switches to it, and again with the old key if it
 * rolls back. After a crash it calls {@link #load} to learn whether the new key reached the sink: a sink that can
 * tell lets a second run carry on where the first stopped.
 */
public interface CredentialsSink {

    /**
     * Persists {@code credentials} durably, replacing what the sink held; when this returns, the applications that
     * read the sink will find them. Must be safe to repeat with the same credentials.
     *
     * @throws RuntimeException when they could not be persisted (the rotator then does not switch)
     */
    void store(SigningCredentials credentials);

    /**
     * The credentials the sink holds now; empty when it holds none or cannot tell. The default cannot tell.
     */
    default Optional<SigningCredentials> load() {
        return Optional.empty();
    }
}
