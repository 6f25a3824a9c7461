package io.keywarden.core.sigv4;

import java.util.Objects;

/**
 * The credentials a client signs with. {@link #toString()} never shows the secret or the session token.
 *
 * @param sessionToken the session token, or {@code null} when there is none (an empty token counts as none)
 */
public record SigningCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {

    public SigningCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        if (accessKeyId.isEmpty() || accessKeyId.indexOf('/') >= 0) {
            throw new IllegalArgumentException("access key id must be non-empty and must not contain '/'");
        }
        if (secretAccessKey.isEmpty()) {
            throw new IllegalArgumentException("secret access key must not be empty");
        }
        if (sessionToken != null && sessionToken.isEmpty()) {
            sessionToken = null;
        }
    }

    public static SigningCredentials of(String accessKeyId, String secretAccessKey) {
        return new SigningCredentials(accessKeyId, secretAccessKey, null);
    }

    public static SigningCredentials of(String accessKeyId, String secretAccessKey, String sessionToken) {
        return new SigningCredentials(accessKeyId, secretAccessKey, sessionToken);
    }

    @Override
    public String toString() {
        return "SigningCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=<redacted>, sessionToken="
                + (sessionToken == null ? "none" : "<redacted>") + "]";
    }
}
