package io.keywarden.sdk.testing;

import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.sigv4.ResolvedSecret;
import io.keywarden.core.sigv4.SigV4Verifier;
import io.keywarden.core.sigv4.SignableRequest;
import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.core.sigv4.SigningKeyCache;
import io.keywarden.core.sigv4.VerifiedRequest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks on the server's side, with core's {@link SigV4Verifier} (what the server runs), that a recorded request
 * is validly SigV4-signed by the expected credentials, as it arrived: method, raw path, raw query, headers, body.
 * The verifier's clock is set to the request's own {@code X-Amz-Date}, so tests may sign at any fixed time.
 */
public final class SignatureCheck {
    private static final Pattern SIGNED_HEADERS = Pattern.compile("SignedHeaders=([^,]+)");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);

    /** What a verified signature says. */
    public record Verified(String accessKeyId, String region, String service, Instant time, List<String> signedHeaders) {
    }

    private SignatureCheck() {
    }

    /**
     * @throws AssertionError when the request is not signed, or not signed by {@code credentials} as received
     */
    public static Verified verify(StubServer.Recorded request, SigningCredentials credentials) {
        String authorization = request.header("Authorization")
                .orElseThrow(() -> new AssertionError("no Authorization header"));
        String amzDate = request.header("X-Amz-Date").orElseThrow(() -> new AssertionError("no X-Amz-Date header"));
        Instant time = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        Matcher signed = SIGNED_HEADERS.matcher(authorization);
        if (!signed.find()) {
            throw new AssertionError("no SignedHeaders in " + authorization);
        }
        SigV4Verifier verifier = SigV4Verifier.create(Clock.fixed(time, ZoneOffset.UTC), SigningKeyCache.create());
        VerifiedRequest<String> verified;
        try {
            verified = verifier.verify(
                    new SignableRequest(request.method(), request.rawPath(), request.rawQuery(), request.headers(),
                            request.body()),
                    (keyId, token) -> keyId.equals(credentials.accessKeyId())
                            && Objects.equals(token, credentials.sessionToken())
                            ? Optional.of(ResolvedSecret.of(credentials.secretAccessKey(), keyId))
                            : Optional.empty());
        } catch (KeywardenException e) {
            throw new AssertionError("the server would refuse " + request.method() + " " + request.rawPath()
                    + ": " + e.errorCode().code() + " " + e.getMessage(), e);
        }
        return new Verified(verified.accessKeyId(), verified.scope().region(), verified.scope().service(),
                verified.signedAt(), List.of(signed.group(1).split(";")));
    }
}
