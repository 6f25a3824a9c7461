package io.keywarden.core.session;

import io.keywarden.core.audit.Sensitive;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A session token as handed to a client (base64 text). It is a credential: {@link Sensitive} (hidden in the audit
 * trail), never shown by {@link #toString()}.
 */
public final class SessionToken implements Sensitive {
    private final String value;

    private SessionToken(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static SessionToken of(String value) {
        return new SessionToken(value);
    }

    /** The token itself; call only where it must be sent (the answer that issues it, a client signing with it). */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionToken other && MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII),
                other.value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return value.length();
    }

    @Override
    public String toString() {
        return "SessionToken[redacted]";
    }
}
