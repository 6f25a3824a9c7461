package io.keywarden.core.sigv4;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Signs requests with AWS Signature Version 4, in the {@code Authorization} header ({@link #sign}) or in the
 * query string ({@link #presign}). The signing time is always an input. Thread-safe and stateless.
 *
 * <p>The signed headers are all the request's headers (which must include {@code Host}) plus the ones the
 * signer adds, except those botocore never signs: {@code authorization}, {@code connection}, {@code expect},
 * {@code keep-alive}, {@code proxy-*}, {@code te}, {@code trailer}, {@code transfer-encoding},
 * {@code upgrade}, {@code user-agent} and {@code x-amzn-trace-id}. Headers the signer adds replace any
 * header of the same name already on the request.
 *
 * <p>The payload hash is the value of an {@code x-amz-content-sha256} header already on the request
 * (e.g. {@code UNSIGNED-PAYLOAD}), otherwise the hex SHA-256 of the body, exactly as {@link SigV4Verifier}
 * computes it.
 *
 * <p>Invalid arguments (no {@code Host} header, an expiry outside 1 s to 7 days, a bad region or service)
 * throw {@link IllegalArgumentException}: they are programming errors on the signing side.
 */
public final class SigV4Signer {

    private static final SigV4Signer INSTANCE = new SigV4Signer();

    private static final Set<String> PRESIGN_PARAMETERS = Set.of(
            SigV4Names.Q_ALGORITHM, SigV4Names.Q_CREDENTIAL, SigV4Names.Q_DATE, SigV4Names.Q_EXPIRES,
            SigV4Names.Q_SIGNED_HEADERS, SigV4Names.Q_SIGNATURE, SigV4Names.Q_SECURITY_TOKEN);

    private SigV4Signer() {
    }

    public static SigV4Signer create() {
        return INSTANCE;
    }

    /** Signs {@code request} in the {@code Authorization} header. */
    public SigningResult sign(SignableRequest request, SigningCredentials credentials, String region, String service,
                              Instant time, SignOptions options) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(options, "options");
        CredentialScope scope = CredentialScope.of(time, region, service);
        String amzDate = AmzDate.format(time);
        String token = credentials.sessionToken();

        Set<String> replaced = new HashSet<>();
        replaced.add("authorization");
        replaced.add("x-amz-date");
        if (token != null) {
            replaced.add("x-amz-security-token");
        }
        if (options.addContentSha256Header()) {
            replaced.add(SigV4Names.CONTENT_SHA256);
        }
        SignableRequest base = request.withoutHeaders(replaced);

        String payloadHash = options.addContentSha256Header()
                ? SigV4Crypto.sha256Hex(base.bodyBytes())
                : payloadHash(base);
        Header dateHeader = new Header(SigV4Names.X_AMZ_DATE, amzDate);
        Header tokenHeader = token == null ? null : new Header(SigV4Names.SECURITY_TOKEN, token);
        Header contentHeader = options.addContentSha256Header() ? new Header(SigV4Names.CONTENT_SHA256, payloadHash) : null;

        List<Header> toSign = new ArrayList<>(base.headers());
        toSign.add(dateHeader);
        if (tokenHeader != null && !options.omitSessionToken()) {
            toSign.add(tokenHeader);
        }
        if (contentHeader != null) {
            toSign.add(contentHeader);
        }
        List<String> signedNames = CanonicalRequest.signableHeaderNames(toSign);
        requireHost(signedNames);
        String signedHeaders = String.join(";", signedNames);

        String canonicalRequest = CanonicalRequest.build(base.method(),
                CanonicalRequest.canonicalUri(base.rawPath(), options.normalizePath()),
                CanonicalRequest.canonicalQuery(CanonicalRequest.parseQuery(base.rawQuery()), null),
                signedNames, signedHeaders, toSign, payloadHash);
        String stringToSign = StringToSign.build(amzDate, scope, canonicalRequest);
        String signature = SigV4Crypto.signature(SigV4Crypto.deriveSigningKey(credentials.secretAccessKey(), scope),
                stringToSign);

        List<Header> headersToAdd = new ArrayList<>(4);
        headersToAdd.add(dateHeader);
        if (tokenHeader != null) {
            headersToAdd.add(tokenHeader);
        }
        if (contentHeader != null) {
            headersToAdd.add(contentHeader);
        }
        headersToAdd.add(new Header(SigV4Names.AUTHORIZATION, SigV4Names.ALGORITHM
                + " Credential=" + credentials.accessKeyId() + "/" + scope
                + ", SignedHeaders=" + signedHeaders
                + ", Signature=" + signature));
        return new SigningResult(canonicalRequest, stringToSign, signature, headersToAdd,
                base.withAddedHeaders(headersToAdd));
    }

    /**
     * Signs {@code request} in its query string (a presigned URL) valid for {@code expires} (1 second to 7 days,
     * whole seconds). {@link SignOptions#addContentSha256Header()} does not apply here. Any {@code X-Amz-*}
     * presigning parameters already in the query and any {@code Authorization} header are replaced.
     */
    public PresignResult presign(SignableRequest request, SigningCredentials credentials, String region,
                                 String service, Instant time, Duration expires, SignOptions options) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(options, "options");
        long expiresSeconds = expires.getSeconds();
        if (expires.getNano() != 0 || expiresSeconds < 1 || expiresSeconds > SigV4Names.MAX_PRESIGN_SECONDS) {
            throw new IllegalArgumentException("expires must be whole seconds from 1 to "
                    + SigV4Names.MAX_PRESIGN_SECONDS + ", got " + expires);
        }
        CredentialScope scope = CredentialScope.of(time, region, service);
        String amzDate = AmzDate.format(time);
        String token = credentials.sessionToken();

        SignableRequest base = request.withoutHeaders(Set.of("authorization"));
        String baseQuery = withoutPresignParameters(base.rawQuery());
        List<String> signedNames = CanonicalRequest.signableHeaderNames(base.headers());
        requireHost(signedNames);
        String signedHeaders = String.join(";", signedNames);

        List<QueryParameter> parameters = new ArrayList<>(8);
        parameters.add(new QueryParameter(SigV4Names.Q_ALGORITHM, SigV4Names.ALGORITHM));
        parameters.add(new QueryParameter(SigV4Names.Q_CREDENTIAL, credentials.accessKeyId() + "/" + scope));
        parameters.add(new QueryParameter(SigV4Names.Q_DATE, amzDate));
        parameters.add(new QueryParameter(SigV4Names.Q_SIGNED_HEADERS, signedHeaders));
        parameters.add(new QueryParameter(SigV4Names.Q_EXPIRES, Long.toString(expiresSeconds)));
        if (token != null && !options.omitSessionToken()) {
            parameters.add(new QueryParameter(SigV4Names.Q_SECURITY_TOKEN, token));
        }

        String canonicalRequest = CanonicalRequest.build(base.method(),
                CanonicalRequest.canonicalUri(base.rawPath(), options.normalizePath()),
                CanonicalRequest.canonicalQuery(CanonicalRequest.parseQuery(appendQuery(baseQuery, parameters)), null),
                signedNames, signedHeaders, base.headers(), payloadHash(base));
        String stringToSign = StringToSign.build(amzDate, scope, canonicalRequest);
        String signature = SigV4Crypto.signature(SigV4Crypto.deriveSigningKey(credentials.secretAccessKey(), scope),
                stringToSign);

        if (token != null && options.omitSessionToken()) {
            parameters.add(new QueryParameter(SigV4Names.Q_SECURITY_TOKEN, token));
        }
        parameters.add(new QueryParameter(SigV4Names.Q_SIGNATURE, signature));
        return new PresignResult(canonicalRequest, stringToSign, signature, parameters,
                base.withRawQuery(appendQuery(baseQuery, parameters)));
    }

    /** The {@code x-amz-content-sha256} header's value when present, otherwise the hex SHA-256 of the body. */
    static String payloadHash(SignableRequest request) {
        for (Header header : request.headers()) {
            if (header.hasName(SigV4Names.CONTENT_SHA256)) {
                return header.value().trim();
            }
        }
        return SigV4Crypto.sha256Hex(request.bodyBytes());
    }

    private static void requireHost(List<String> signedNames) {
        if (!signedNames.contains(SigV4Names.HOST)) {
            throw new IllegalArgumentException("the request must have a Host header to be signed");
        }
    }

    private static String appendQuery(String rawQuery, List<QueryParameter> parameters) {
        StringBuilder out = new StringBuilder(rawQuery.length() + 256).append(rawQuery);
        for (QueryParameter parameter : parameters) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(parameter.encoded());
        }
        return out.toString();
    }

    private static String withoutPresignParameters(String rawQuery) {
        if (!rawQuery.contains("X-Amz-")) {
            return rawQuery;
        }
        StringBuilder out = new StringBuilder(rawQuery.length());
        for (String piece : rawQuery.split("&", -1)) {
            if (piece.isEmpty()) {
                continue;
            }
            int eq = piece.indexOf('=');
            String name = CanonicalRequest.canonicalComponent(eq < 0 ? piece : piece.substring(0, eq));
            if (!PRESIGN_PARAMETERS.contains(name)) {
                if (out.length() > 0) {
                    out.append('&');
                }
                out.append(piece);
            }
        }
        return out.toString();
    }
}
