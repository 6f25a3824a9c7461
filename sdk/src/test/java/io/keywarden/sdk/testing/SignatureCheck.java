package io.keywarden.sdk.testing;

import io.keywarden.core.sigv4.Header;
import io.keywarden.core.sigv4.SigV4Signer;
import io.keywarden.core.sigv4.SignOptions;
import io.keywarden.core.sigv4.SignableRequest;
import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.core.sigv4.SigningResult;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks on the server's side that a recorded request carries a valid SigV4 header signature: it re-signs the
 * request as received (method, raw path, raw query, the signed headers, the body) with core's signer at the
 * request's {@code X-Amz-Date} and compares. Replace with core's {@code SigV4Verifier} once it exists.
 */
public final class SignatureCheck {
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})");
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
        Matcher m = AUTHORIZATION.matcher(authorization);
        if (!m.matches()) {
            throw new AssertionError("malformed Authorization header: " + authorization);
        }
        String amzDate = request.header("X-Amz-Date").orElseThrow(() -> new AssertionError("no X-Amz-Date header"));
        Instant time = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        if (!amzDate.startsWith(m.group(2))) {
            throw new AssertionError("scope date " + m.group(2) + " does not match X-Amz-Date " + amzDate);
        }
        List<String> signedHeaders = List.of(m.group(5).split(";"));
        Set<String> addedBySigner = Set.of("x-amz-date", "x-amz-security-token", "authorization");
        List<Header> headers = new ArrayList<>();
        for (Header header : request.headers()) {
            String lower = header.name().toLowerCase(Locale.ROOT);
            if (signedHeaders.contains(lower) && !addedBySigner.contains(lower)) {
                headers.add(header);
            }
        }
        SigningCredentials asReceived = SigningCredentials.of(m.group(1), credentials.secretAccessKey(),
                request.header("X-Amz-Security-Token").orElse(null));
        if (!m.group(1).equals(credentials.accessKeyId())) {
            throw new AssertionError("signed with key " + m.group(1) + ", expected " + credentials.accessKeyId());
        }
        SigningResult expected = SigV4Signer.create().sign(
                new SignableRequest(request.method(), request.rawPath(), request.rawQuery(), headers, request.body()),
                asReceived, m.group(3), m.group(4), time, SignOptions.defaults());
        if (!expected.authorization().equals(authorization)) {
            throw new AssertionError("signature does not match; expected " + expected.authorization()
                    + " but got " + authorization + "\ncanonical request:\n" + expected.canonicalRequest());
        }
        return new Verified(m.group(1), m.group(3), m.group(4), time, signedHeaders);
    }
}
