package io.keywarden.core.sigv4;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An HTTP request as SigV4 sees it, exactly as it is (or will be) on the wire.
 *
 * @param method   the HTTP method, e.g. {@code GET}
 * @param rawPath  the path as received, still percent-encoded (it may also hold raw UTF-8); empty means {@code /}
 * @param rawQuery the query as received, still percent-encoded, without the {@code ?}; empty when there is none
 * @param headers  the headers in received order with their names as received; repeated names are allowed
 * @param body     the raw body bytes; empty when there is none
 */
public record SignableRequest(String method, String rawPath, String rawQuery, List<Header> headers, byte[] body) {

    private static final byte[] NO_BODY = new byte[0];

    public SignableRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        Objects.requireNonNull(rawQuery, "rawQuery");
        headers = List.copyOf(Objects.requireNonNull(headers, "headers"));
        body = Objects.requireNonNull(body, "body").length == 0 ? NO_BODY : body.clone();
    }

    /** A request without a body. */
    public static SignableRequest of(String method, String rawPath, String rawQuery, List<Header> headers) {
        return new SignableRequest(method, rawPath, rawQuery, headers, NO_BODY);
    }

    public static SignableRequest of(String method, String rawPath, String rawQuery, List<Header> headers, byte[] body) {
        return new SignableRequest(method, rawPath, rawQuery, headers, body);
    }

    /** A copy of the body. */
    @Override
    public byte[] body() {
        return body.length == 0 ? NO_BODY : body.clone();
    }

    /** The value of the first header named {@code name}, compared case-insensitively. */
    public Optional<String> firstHeader(String name) {
        for (Header header : headers) {
            if (header.hasName(name)) {
                return Optional.of(header.value());
            }
        }
        return Optional.empty();
    }

    /** The body without copying; callers must not modify it. */
    byte[] bodyBytes() {
        return body;
    }

    /** How many headers are named {@code name} (case-insensitive). */
    int countHeaders(String name) {
        int count = 0;
        for (Header header : headers) {
            if (header.hasName(name)) {
                count++;
            }
        }
        return count;
    }

    /** This request without any header whose lower-cased name is in {@code lowerCaseNames}. */
    SignableRequest withoutHeaders(Set<String> lowerCaseNames) {
        List<Header> kept = new ArrayList<>(headers.size());
        for (Header header : headers) {
            if (!lowerCaseNames.contains(CanonicalRequest.lowerCase(header.name()))) {
                kept.add(header);
            }
        }
        return kept.size() == headers.size() ? this : new SignableRequest(method, rawPath, rawQuery, kept, body);
    }

    SignableRequest withAddedHeaders(List<Header> added) {
        List<Header> all = new ArrayList<>(headers.size() + added.size());
        all.addAll(headers);
        all.addAll(added);
        return new SignableRequest(method, rawPath, rawQuery, all, body);
    }

    SignableRequest withRawQuery(String newRawQuery) {
        return new SignableRequest(method, rawPath, newRawQuery, headers, body);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignableRequest that
                && method.equals(that.method)
                && rawPath.equals(that.rawPath)
                && rawQuery.equals(that.rawQuery)
                && headers.equals(that.headers)
                && java.util.Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, rawPath, rawQuery, headers, java.util.Arrays.hashCode(body));
    }

    /** Method, path and header names only: query strings and header values may carry credentials. */
    @Override
    public String toString() {
        StringBuilder names = new StringBuilder();
        for (Header header : headers) {
            if (names.length() > 0) {
                names.append(", ");
            }
            names.append(header.name());
        }
        return "SignableRequest[" + method + " " + rawPath + (rawQuery.isEmpty() ? "" : "?<query>")
                + ", headers=[" + names + "], body=" + body.length + " bytes]";
    }
}
