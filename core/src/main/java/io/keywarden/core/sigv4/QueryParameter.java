package io.keywarden.core.sigv4;

import java.util.Objects;

/**
 * One query parameter added by presigning, with its value not yet encoded. {@link #encoded()} is the
 * {@code name=value} form to append to a URL's query. {@link #toString()} hides a session token.
 */
public record QueryParameter(String name, String value) {

    public QueryParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    public static QueryParameter of(String name, String value) {
        return new QueryParameter(name, value);
    }

    /** {@code name=value}, both URI-encoded as SigV4 encodes them (RFC 3986 unreserved characters stay). */
    public String encoded() {
        return CanonicalRequest.encode(name, false) + "=" + CanonicalRequest.encode(value, false);
    }

    @Override
    public String toString() {
        return "QueryParameter[" + name + "=" + (name.equals(SigV4Names.Q_SECURITY_TOKEN) ? "<redacted>" : value) + "]";
    }
}
