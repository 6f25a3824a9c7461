package io.keywarden.sdk.auth;

import io.keywarden.core.sigv4.SigningCredentials;

import java.util.Objects;

/** Always the same credentials. */
public final class StaticCredentialsProvider implements CredentialsProvider {
    private final SigningCredentials credentials;

    private StaticCredentialsProvider(SigningCredentials credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    public static StaticCredentialsProvider create(SigningCredentials credentials) {
        return new StaticCredentialsProvider(credentials);
    }

    public static StaticCredentialsProvider create(String accessKeyId, String secretAccessKey) {
        return new StaticCredentialsProvider(SigningCredentials.of(accessKeyId, secretAccessKey));
    }

    @Override
    public SigningCredentials resolveCredentials() {
        return credentials;
    }

    @Override
    public String toString() {
        return "StaticCredentialsProvider[accessKeyId=" + credentials.accessKeyId() + "]";
    }
}
