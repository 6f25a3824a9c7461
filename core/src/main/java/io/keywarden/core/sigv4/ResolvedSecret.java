package io.keywarden.core.sigv4;

import java.util.Objects;

/** A secret access key found by a {@link SecretResolver}, with what to attach to the verified request. {@link #toString()} redacts the secret. */
public record ResolvedSecret<T>(String secretAccessKey, T attachment) {

    public ResolvedSecret {
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(attachment, "attachment");
        if (secretAccessKey.isEmpty()) {
            throw new IllegalArgumentException("secret access key must not be empty");
        }
    }

    public static <T> ResolvedSecret<T> of(String secretAccessKey, T attachment) {
        return new ResolvedSecret<>(secretAccessKey, attachment);
    }

    @Override
    public String toString() {
        return "ResolvedSecret[secretAccessKey=<redacted>, attachment=" + attachment + "]";
    }
}
