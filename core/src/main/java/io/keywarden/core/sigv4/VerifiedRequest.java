package io.keywarden.core.sigv4;

import java.time.Instant;
import java.util.Objects;

/**
 * A request whose SigV4 signature verified. {@link #toString()} hides the session token.
 *
 * @param accessKeyId  the key that signed it
 * @param scope        the credential scope it was signed for (any region and service are accepted)
 * @param signedAt     the request's signing time ({@code X-Amz-Date}, else {@code Date})
 * @param sessionToken the session token it carried, or {@code null}
 * @param form         header or query (presigned) signing
 * @param attachment   what the {@link SecretResolver} attached
 */
public record VerifiedRequest<T>(String accessKeyId, CredentialScope scope, Instant signedAt, String sessionToken,
                                 AuthForm form, T attachment) {

    public VerifiedRequest {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(signedAt, "signedAt");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(attachment, "attachment");
    }

    @Override
    public String toString() {
        return "VerifiedRequest[accessKeyId=" + accessKeyId + ", scope=" + scope + ", signedAt=" + signedAt
                + ", sessionToken=" + (sessionToken == null ? "none" : "<redacted>") + ", form=" + form
                + ", attachment=" + attachment + "]";
    }
}
