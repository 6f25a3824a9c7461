package io.keywarden.sdk.auth;

import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.exception.CredentialsException;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Credentials that can be swapped while requests are in flight, e.g. by a key rotation: the key ID, secret and
 * token are replaced together in one atomic step, so no request is ever signed with a half-updated pair.
 * Requests already signed keep the credentials they were signed with.
 */
public final class MutableCredentialsProvider implements CredentialsProvider {
    private final AtomicReference<SigningCredentials> current;

    private MutableCredentialsProvider(SigningCredentials initial) {
        this.current = new AtomicReference<>(initial);
    }

    public static MutableCredentialsProvider create(SigningCredentials initial) {
        return new MutableCredentialsProvider(Objects.requireNonNull(initial, "initial"));
    }

    /** A provider with no credentials yet: {@link #resolveCredentials()} fails until {@link #set} is called. */
    public static MutableCredentialsProvider empty() {
        return new MutableCredentialsProvider(null);
    }

    /** Takes the current credentials of {@code source} as the initial ones. */
    public static MutableCredentialsProvider copyOf(CredentialsProvider source) {
        return create(source.resolveCredentials());
    }

    /** Replaces the credentials atomically and returns the previous ones ({@code null} if there were none). */
    public SigningCredentials set(SigningCredentials credentials) {
        return current.getAndSet(Objects.requireNonNull(credentials, "credentials"));
    }

    /**
     * Replaces the credentials only if they are still {@code expected} (compared by identity), so that two
     * concurrent swaps cannot undo each other. Returns whether the swap happened.
     */
    public boolean compareAndSet(SigningCredentials expected, SigningCredentials replacement) {
        return current.compareAndSet(expected, Objects.requireNonNull(replacement, "replacement"));
    }

    @Override
    public SigningCredentials resolveCredentials() {
        SigningCredentials credentials = current.get();
        if (credentials == null) {
            throw new CredentialsException("unable to load credentials: the mutable credentials provider has none set");
        }
        return credentials;
    }

    @Override
    public String toString() {
        SigningCredentials credentials = current.get();
        return "MutableCredentialsProvider[accessKeyId=" + (credentials == null ? "none" : credentials.accessKeyId())
                + "]";
    }
}
