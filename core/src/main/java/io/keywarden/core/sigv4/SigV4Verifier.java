package io.keywarden.core.sigv4;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.sigv4.CanonicalRequest.QueryParam;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies AWS Signature Version 4 on the server side, in the {@code Authorization} header or in the query
 * string (presigned URLs), with the same canonicalisation as {@link SigV4Signer} and always with path
 * normalisation (every service except S3 normalises).
 *
 * <p>Every failure is a {@link KeywardenException} with a 4xx {@link ErrorCode}, in AWS's wording where AWS has one:
 * <ul>
 *   <li>no signature at all: {@code MissingAuthenticationToken};</li>
 *   <li>a credential scope for a service, region or host this endpoint does not serve ({@link EndpointBinding}):
 *       {@code SignatureDoesNotMatch} ({@code IncompleteSignature} for a malformed region or service);</li>
 *   <li>a malformed {@code Authorization} header or presigned query (missing or repeated parts, another
 *       algorithm, a credential that is not {@code keyid/date/region/service/aws4_request}, no signed
 *       {@code host}, no or a malformed date, both forms at once): {@code IncompleteSignature};</li>
 *   <li>an unknown key: {@code InvalidClientTokenId};</li>
 *   <li>a signing time more than 15 minutes off the clock, an expired presigned URL, a scope date that is not
 *       the request's date, a body that does not match {@code x-amz-content-sha256}, or a wrong signature:
 *       {@code SignatureDoesNotMatch}.</li>
 * </ul>
 * Cheap checks run before the secret is resolved, so malformed or stale requests never reach the key store.
 * No message ever holds a secret, a signing key or the expected signature. Signatures are compared in constant
 * time. Thread-safe.
 */
public final class SigV4Verifier {

    static final String MISSING_AUTHENTICATION_TOKEN = "Request is missing Authentication Token";
    public static final String INVALID_CLIENT_TOKEN_ID = "The security token included in the request is invalid.";
    static final String SIGNATURE_DOES_NOT_MATCH = "The request signature we calculated does not match the "
            + "signature you provided. Check your AWS Secret Access Key and signing method. Consult the service "
            + "documentation for details.";
    static final String BOTH_FORMS = "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, "
            + "Signature query parameter or the Authorization header should be specified";

    private static final int MAX_QUOTED = 100;

    private final Clock clock;
    private final SigningKeyCache cache;
    private final EndpointBinding binding;

    private SigV4Verifier(Clock clock, SigningKeyCache cache, EndpointBinding binding) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.binding = Objects.requireNonNull(binding, "binding");
    }

    /** A verifier that accepts any well-formed region and service and any host ({@link EndpointBinding#any}). */
    public static SigV4Verifier create(Clock clock, SigningKeyCache cache) {
        return new SigV4Verifier(clock, cache, EndpointBinding.any());
    }

    /**
     * A verifier that accepts only signatures bound to this endpoint as {@code binding} says (services, regions,
     * hosts), checked in {@link #claim}: before any key is looked up, and so before any signing key is cached.
     */
    public static SigV4Verifier create(Clock clock, SigningKeyCache cache, EndpointBinding binding) {
        return new SigV4Verifier(clock, cache, binding);
    }

    /** What the request claims: parsed from the Authorization header or the presigned query. */
    private record Claim(AuthForm form, String accessKeyId, String scopeDate, String region, String service,
                         List<String> signedNames, String signedHeadersLine, String signature, String amzDate,
                         String sessionToken, long expiresSeconds) {
    }

    /**
     * Verifies {@code request}'s signature and returns who signed it: {@link #claim} then {@link #verify(Claimed,
     * Optional)} with the resolver's answer.
     *
     * @throws KeywardenException with a 4xx code when the request is not signed, not well signed or not signed by
     *                            a key the resolver knows
     */
    public <T> VerifiedRequest<T> verify(SignableRequest request, SecretResolver<T> resolver) {
        Objects.requireNonNull(resolver, "resolver");
        Claimed claimed = claim(request);
        return verify(claimed, resolver.resolve(claimed.accessKeyId(), claimed.sessionToken()));
    }

    /**
     * The first half of verification, which needs no key store: parses what the request claims (key ID, scope,
     * date, signed headers, signature) and makes the cheap checks (date format, scope date, clock skew, payload
     * hash). The caller then looks the claimed key up however suits it (from memory, or asynchronously) and finishes
     * with {@link #verify(Claimed, Optional)}.
     *
     * @throws KeywardenException with a 4xx code when the request is not signed or not well signed
     */
    public Claimed claim(SignableRequest request) {
        Objects.requireNonNull(request, "request");
        List<QueryParam> query = CanonicalRequest.parseQuery(request.rawQuery());
        AuthHeaders headers = AuthHeaders.of(request);
        String authorization = headers.single(AuthHeaders.AUTHORIZATION);
        boolean headerForm = authorization != null && !authorization.isBlank();
        boolean queryForm = hasQuerySignature(query);
        if (headerForm && queryForm) {
            throw incomplete(BOTH_FORMS);
        }
        if (!headerForm && !queryForm) {
            throw new KeywardenException(ErrorCode.MISSING_AUTHENTICATION_TOKEN, MISSING_AUTHENTICATION_TOKEN);
        }
        Claim claim = headerForm ? fromAuthorizationHeader(headers, authorization, query) : fromQuery(query);
        // bound to this endpoint: a scope for another service, region or host goes no further (no key look-up, no
        // signing key derived or cached under strings the caller chose)
        binding.check(claim.region(), claim.service(),
                binding.hosts().isEmpty() ? null : headers.single(AuthHeaders.HOST));

        Instant signedAt = AmzDate.parse(claim.amzDate());
        if (signedAt == null) {
            throw incomplete("Date must be in ISO-8601 'basic format'. Got '" + quote(claim.amzDate())
                    + "'. See http://en.wikipedia.org/wiki/ISO_8601");
        }
        String requestDate = claim.amzDate().substring(0, 8);
        if (!claim.scopeDate().equals(requestDate)) {
            throw signatureMismatch("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date "
                    + "from HTTP: '" + quote(claim.scopeDate()) + "' != '" + requestDate + "', from '"
                    + claim.amzDate() + "'.");
        }
        checkTime(claim, signedAt);
        String payloadHash = payloadHash(request, headers);
        if (claim.accessKeyId().isEmpty()) {
            throw new KeywardenException(ErrorCode.INVALID_CLIENT_TOKEN_ID, INVALID_CLIENT_TOKEN_ID);
        }
        CredentialScope scope = new CredentialScope(claim.scopeDate(), claim.region(), claim.service());
        return new Claimed(request, query, claim, scope, signedAt, payloadHash);
    }

    /**
     * The second half: checks the signature with the claimed key's secret ({@code resolved}; empty for an unknown or
     * inactive key, which is {@code InvalidClientTokenId}). Constant-time comparison; the derived signing key is
     * cached only once a signature made with it verified.
     */
    public <T> VerifiedRequest<T> verify(Claimed claimed, Optional<ResolvedSecret<T>> resolved) {
        Objects.requireNonNull(claimed, "claimed");
        if (resolved == null || resolved.isEmpty()) {
            throw new KeywardenException(ErrorCode.INVALID_CLIENT_TOKEN_ID, INVALID_CLIENT_TOKEN_ID);
        }
        ResolvedSecret<T> secret = resolved.get();
        Claim claim = claimed.claim;
        CredentialScope scope = claimed.scope;
        SignableRequest request = claimed.request;

        SigningKeyCache.Key cacheKey = SigningKeyCache.keyFor(claim.accessKeyId(), secret.secretAccessKey(), scope);
        SecretKeySpec signingKey = cache.get(cacheKey);
        boolean derived = signingKey == null;
        if (derived) {
            signingKey = SigV4Crypto.deriveSigningKey(secret.secretAccessKey(), scope);
        }

        String canonicalRequest = CanonicalRequest.build(request.method(),
                CanonicalRequest.canonicalUri(request.rawPath(), true),
                CanonicalRequest.canonicalQuery(claimed.query,
                        claim.form() == AuthForm.QUERY ? SigV4Names.Q_SIGNATURE : null),
                claim.signedNames(), claim.signedHeadersLine(), request.headers(), claimed.payloadHash);
        if (!SigV4Crypto.signatureMatches(signingKey, StringToSign.build(claim.amzDate(), scope, canonicalRequest),
                claim.signature())) {
            throw signatureMismatch(SIGNATURE_DOES_NOT_MATCH);
        }
        if (derived) {
            cache.put(cacheKey, signingKey);
        }
        return new VerifiedRequest<>(claim.accessKeyId(), scope, claimed.signedAt, claim.sessionToken(), claim.form(),
                secret.attachment());
    }

    /** A request whose claims are parsed and pass the cheap checks; its signature is not verified yet. */
    public static final class Claimed {
        private final SignableRequest request;
        private final List<QueryParam> query;
        private final Claim claim;
        private final CredentialScope scope;
        private final Instant signedAt;
        private final String payloadHash;

        private Claimed(SignableRequest request, List<QueryParam> query, Claim claim, CredentialScope scope,
                        Instant signedAt, String payloadHash) {
            this.request = request;
            this.query = query;
            this.claim = claim;
            this.scope = scope;
            this.signedAt = signedAt;
            this.payloadHash = payloadHash;
        }

        /** The key ID of the credential scope, never empty (unchecked beyond that: look it up only once its shape is). */
        public String accessKeyId() {
            return claim.accessKeyId();
        }

        /** {@code X-Amz-Security-Token}, or null. */
        public String sessionToken() {
            return claim.sessionToken();
        }

        public CredentialScope scope() {
            return scope;
        }
    }

    // ---------------------------------------------------------------- the header form

    private static Claim fromAuthorizationHeader(AuthHeaders headers, String authorization, List<QueryParam> query) {
        String value = authorization.trim();
        int space = 0;
        while (space < value.length() && value.charAt(space) > ' ') {
            space++;
        }
        String algorithm = value.substring(0, space);
        if (!algorithm.equals(SigV4Names.ALGORITHM)) {
            throw incomplete("unsupported signing algorithm '" + quote(algorithm) + "' in Authorization header; "
                    + "only " + SigV4Names.ALGORITHM + " is accepted");
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        int length = value.length();
        int from = space;
        while (from < length) {
            int comma = value.indexOf(',', from);
            int to = comma < 0 ? length : comma;
            String part = value.substring(from, to).trim();
            from = to + 1;
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw incomplete("'" + quote(part) + "' not a valid key=value pair (missing equal-sign) in "
                        + "Authorization header");
            }
            String key = part.substring(0, eq).trim();
            String partValue = part.substring(eq + 1).trim();
            switch (key) {
                case "Credential" -> credential = once(credential, key, partValue);
                case "SignedHeaders" -> signedHeaders = once(signedHeaders, key, partValue);
                case "Signature" -> signature = once(signature, key, partValue);
                default -> throw incomplete("unknown part '" + quote(key) + "' in Authorization header");
            }
        }
        StringBuilder missing = new StringBuilder();
        requirePart(missing, credential, "Credential");
        requirePart(missing, signature, "Signature");
        requirePart(missing, signedHeaders, "SignedHeaders");
        String amzDate = requestDate(headers, query);
        if (amzDate == null) {
            if (missing.length() > 0) {
                missing.append(' ');
            }
            missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        if (missing.length() > 0) {
            throw incomplete(missing.toString());
        }
        String[] scope = credentialParts(credential);
        List<String> signedNames = signedHeaderNames(signedHeaders);
        String token = headers.single(AuthHeaders.SECURITY_TOKEN);
        return new Claim(AuthForm.HEADER, scope[0], scope[1], scope[2], scope[3], signedNames, signedHeaders,
                signature, amzDate, emptyToNull(token), 0);
    }

    private static String once(String previous, String key, String value) {
        if (previous != null) {
            throw incomplete("Authorization header has more than one '" + key + "' parameter");
        }
        return value;
    }

    private static void requirePart(StringBuilder missing, String value, String name) {
        if (value == null || value.isEmpty()) {
            if (missing.length() > 0) {
                missing.append(' ');
            }
            missing.append("Authorization header requires '").append(name).append("' parameter.");
        }
    }

    /** {@code X-Amz-Date} (header, then query) in basic format, else the {@code Date} header converted; null if none. */
    private static String requestDate(AuthHeaders headers, List<QueryParam> query) {
        String amzDate = headers.single(AuthHeaders.X_AMZ_DATE);
        if (amzDate != null) {
            return amzDate.trim();
        }
        String queryDate = singleParam(query, SigV4Names.Q_DATE);
        if (queryDate != null) {
            return queryDate;
        }
        String httpDate = headers.single(AuthHeaders.DATE);
        if (httpDate == null) {
            return null;
        }
        Instant parsed = AmzDate.parseHttpDate(httpDate);
        if (parsed == null) {
            throw incomplete("the Date header must be an RFC 1123 date such as 'Sun, 30 Aug 2015 12:36:00 GMT', got '"
                    + quote(httpDate) + "'");
        }
        try {
            return AmzDate.format(parsed);
        } catch (IllegalArgumentException e) {
            throw incomplete("the Date header is out of range: '" + quote(httpDate) + "'");
        }
    }

    // ---------------------------------------------------------------- the query (presigned) form

    private static boolean hasQuerySignature(List<QueryParam> query) {
        for (QueryParam param : query) {
            String name = param.name();
            if (name.equals(SigV4Names.Q_ALGORITHM) || name.equals(SigV4Names.Q_CREDENTIAL)
                    || name.equals(SigV4Names.Q_SIGNATURE) || name.equals(SigV4Names.Q_SIGNED_HEADERS)) {
                return true;
            }
        }
        return false;
    }

    private static Claim fromQuery(List<QueryParam> query) {
        String algorithm = singleParam(query, SigV4Names.Q_ALGORITHM);
        String credential = singleParam(query, SigV4Names.Q_CREDENTIAL);
        String signature = singleParam(query, SigV4Names.Q_SIGNATURE);
        String amzDate = singleParam(query, SigV4Names.Q_DATE);
        String signedHeaders = singleParam(query, SigV4Names.Q_SIGNED_HEADERS);
        String expires = singleParam(query, SigV4Names.Q_EXPIRES);
        String token = singleParam(query, SigV4Names.Q_SECURITY_TOKEN);
        List<String> missing = new ArrayList<>();
        addIfMissing(missing, algorithm, SigV4Names.Q_ALGORITHM);
        addIfMissing(missing, credential, SigV4Names.Q_CREDENTIAL);
        addIfMissing(missing, signature, SigV4Names.Q_SIGNATURE);
        addIfMissing(missing, amzDate, SigV4Names.Q_DATE);
        addIfMissing(missing, signedHeaders, SigV4Names.Q_SIGNED_HEADERS);
        addIfMissing(missing, expires, SigV4Names.Q_EXPIRES);
        if (!missing.isEmpty()) {
            throw incomplete("Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, "
                    + "X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters; missing: "
                    + String.join(", ", missing));
        }
        if (!algorithm.equals(SigV4Names.ALGORITHM)) {
            throw incomplete("X-Amz-Algorithm only supports \"" + SigV4Names.ALGORITHM + "\", got '"
                    + quote(algorithm) + "'");
        }
        long expiresSeconds = parseExpires(expires);
        String[] scope = credentialParts(credential);
        List<String> signedNames = signedHeaderNames(signedHeaders);
        return new Claim(AuthForm.QUERY, scope[0], scope[1], scope[2], scope[3], signedNames, signedHeaders,
                signature, amzDate, emptyToNull(token), expiresSeconds);
    }

    private static void addIfMissing(List<String> missing, String value, String name) {
        if (value == null || value.isEmpty()) {
            missing.add(name);
        }
    }

    private static long parseExpires(String expires) {
        if (expires.length() > 18) {
            throw incomplete("X-Amz-Expires must be between 1 and " + SigV4Names.MAX_PRESIGN_SECONDS
                    + " seconds, got '" + quote(expires) + "'");
        }
        long seconds = 0;
        for (int i = 0; i < expires.length(); i++) {
            char c = expires.charAt(i);
            if (c < '0' || c > '9') {
                throw incomplete("X-Amz-Expires should be a number, got '" + quote(expires) + "'");
            }
            seconds = seconds * 10 + (c - '0');
        }
        if (seconds < 1 || seconds > SigV4Names.MAX_PRESIGN_SECONDS) {
            throw incomplete("X-Amz-Expires must be between 1 and " + SigV4Names.MAX_PRESIGN_SECONDS
                    + " seconds, got '" + quote(expires) + "'");
        }
        return seconds;
    }

    // ---------------------------------------------------------------- shared parsing

    /** {@code keyid/date/region/service/aws4_request} as {@code [keyid, date, region, service]}. */
    private static String[] credentialParts(String credential) {
        String[] parts = new String[5];
        int count = 0;
        int from = 0;
        while (true) {
            int slash = credential.indexOf('/', from);
            if (count == 5) {
                count++;
                break;
            }
            parts[count++] = slash < 0 ? credential.substring(from) : credential.substring(from, slash);
            if (slash < 0) {
                break;
            }
            from = slash + 1;
        }
        if (count != 5) {
            throw incomplete("Credential must have exactly 5 slash-delimited elements, e.g. "
                    + "keyid/date/region/service/term, got '" + quote(credential) + "'");
        }
        if (!parts[4].equals(SigV4Names.TERMINATOR)) {
            throw incomplete("Credential should be scoped with a valid terminator: 'aws4_request', not '"
                    + quote(parts[4]) + "'.");
        }
        if (parts[2].isEmpty()) {
            throw incomplete("Credential should be scoped to a valid Region, not ''.");
        }
        if (parts[3].isEmpty()) {
            throw incomplete("Credential should be scoped to a valid service, not ''.");
        }
        return new String[] {parts[0], parts[1], parts[2], parts[3]};
    }

    private static List<String> signedHeaderNames(String signedHeaders) {
        List<String> names = new ArrayList<>(8);
        boolean host = false;
        int length = signedHeaders.length();
        int from = 0;
        while (from <= length) {
            int semicolon = signedHeaders.indexOf(';', from);
            int to = semicolon < 0 ? length : semicolon;
            String name = signedHeaders.substring(from, to);
            if (name.isEmpty()) {
                throw incomplete("SignedHeaders must list header names separated by ';', got '"
                        + quote(signedHeaders) + "'");
            }
            host |= CanonicalRequest.asciiEqualsIgnoreCase(name, SigV4Names.HOST);
            names.add(name);
            from = to + 1;
        }
        if (!host) {
            throw incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        return names;
    }

    /**
     * The headers the verifier itself reads, found in one pass over the request: the value of each and how
     * often it occurs. A header that occurs more than once is refused, but only when it is used.
     */
    private static final class AuthHeaders {
        static final int AUTHORIZATION = 0;
        static final int X_AMZ_DATE = 1;
        static final int DATE = 2;
        static final int SECURITY_TOKEN = 3;
        static final int CONTENT_SHA256 = 4;
        static final int HOST = 5;
        private static final String[] NAMES = {SigV4Names.AUTHORIZATION, SigV4Names.X_AMZ_DATE, SigV4Names.DATE,
                SigV4Names.SECURITY_TOKEN, SigV4Names.CONTENT_SHA256, SigV4Names.HOST};

        private final String[] values = new String[NAMES.length];
        private final int[] counts = new int[NAMES.length];

        static AuthHeaders of(SignableRequest request) {
            AuthHeaders found = new AuthHeaders();
            for (Header header : request.headers()) {
                String name = header.name();
                int index = switch (name.length()) {
                    case 13 -> CanonicalRequest.asciiEqualsIgnoreCase(name, SigV4Names.AUTHORIZATION) ? AUTHORIZATION : -1;
                    case 10 -> CanonicalRequest.asciiEqualsIgnoreCase(name, SigV4Names.X_AMZ_DATE) ? X_AMZ_DATE : -1;
                    case 4 -> CanonicalRequest.asciiEqualsIgnoreCase(name, SigV4Names.DATE) ? DATE
                            : CanonicalRequest.asciiEqualsIgnoreCase(name, SigV4Names.HOST) ? HOST : -1;
                    case 20 -> CanonicalRequest.asciiEqualsIgnoreCase(name, SigV4Names.SECURITY_TOKEN) ? SECURITY_TOKEN
                            : CanonicalRequest.asciiEqualsIgnoreCase(name, SigV4Names.CONTENT_SHA256) ? CONTENT_SHA256
                            : -1;
                    default -> -1;
                };
                if (index >= 0 && found.counts[index]++ == 0) {
                    found.values[index] = header.value();
                }
            }
            return found;
        }

        /** The header's single value, or null; more than one is refused. */
        String single(int index) {
            if (counts[index] > 1) {
                throw incomplete("the request has more than one '" + NAMES[index] + "' header");
            }
            return values[index];
        }
    }

    /** The decoded single value of query parameter {@code name}, or null; more than one is refused. */
    private static String singleParam(List<QueryParam> query, String name) {
        QueryParam found = null;
        for (QueryParam param : query) {
            if (param.name().equals(name)) {
                if (found != null) {
                    throw incomplete("the query has more than one '" + name + "' parameter");
                }
                found = param;
            }
        }
        return found == null ? null : found.decodedValue();
    }

    private static String emptyToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    // ---------------------------------------------------------------- time and payload

    private void checkTime(Claim claim, Instant signedAt) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant latest = now.plus(SigV4Names.MAX_CLOCK_SKEW);
        if (signedAt.isAfter(latest)) {
            throw signatureMismatch("Signature not yet current: " + claim.amzDate() + " is still later than "
                    + AmzDate.format(latest) + " (" + AmzDate.format(now) + " + 15 min.)");
        }
        if (claim.form() == AuthForm.HEADER) {
            Instant earliest = now.minus(SigV4Names.MAX_CLOCK_SKEW);
            if (signedAt.isBefore(earliest)) {
                throw signatureMismatch("Signature expired: " + claim.amzDate() + " is now earlier than "
                        + AmzDate.format(earliest) + " (" + AmzDate.format(now) + " - 15 min.)");
            }
        } else {
            Instant earliest = now.minusSeconds(claim.expiresSeconds());
            if (signedAt.isBefore(earliest)) {
                throw signatureMismatch("Signature expired: " + claim.amzDate() + " is now earlier than "
                        + AmzDate.format(earliest) + " (" + AmzDate.format(now) + " - " + claim.expiresSeconds()
                        + " sec.)");
            }
        }
    }

    /**
     * The {@code x-amz-content-sha256} header's value when present (it must be the body's hash, or
     * {@code UNSIGNED-PAYLOAD} for an empty body), otherwise the hex SHA-256 of the body.
     */
    private static String payloadHash(SignableRequest request, AuthHeaders headers) {
        String declared = headers.single(AuthHeaders.CONTENT_SHA256);
        byte[] body = request.bodyBytes();
        if (declared == null) {
            return SigV4Crypto.sha256Hex(body);
        }
        declared = declared.trim();
        if (declared.equals(SigV4Names.UNSIGNED_PAYLOAD)) {
            if (body.length > 0) {
                throw signatureMismatch("x-amz-content-sha256 'UNSIGNED-PAYLOAD' is not accepted for a request "
                        + "with a body");
            }
            return declared;
        }
        if (!declared.equalsIgnoreCase(SigV4Crypto.sha256Hex(body))) {
            throw signatureMismatch("The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
        return declared;
    }

    // ---------------------------------------------------------------- errors

    private static KeywardenException incomplete(String message) {
        return new KeywardenException(ErrorCode.INCOMPLETE_SIGNATURE, message);
    }

    private static KeywardenException signatureMismatch(String message) {
        return new KeywardenException(ErrorCode.SIGNATURE_DOES_NOT_MATCH, message);
    }

    /** User input for a message: at most {@value #MAX_QUOTED} characters, control characters replaced. */
    static String quote(String input) {
        String cut = input.length() > MAX_QUOTED ? input.substring(0, MAX_QUOTED) + "..." : input;
        StringBuilder out = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            out.append(c < ' ' || c == 0x7F ? '?' : c);
        }
        return out.toString();
    }
}
