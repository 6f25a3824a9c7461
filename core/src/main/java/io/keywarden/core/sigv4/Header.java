package io.keywarden.core.sigv4;

import java.util.Objects;

/**
 * One HTTP header as received or sent: the name keeps its case, the value is kept as is (untrimmed).
 * {@link #toString()} hides the value of {@code X-Amz-Security-Token}, which is a credential.
 */
public record Header(String name, String value) {

    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("header name must not be empty");
        }
    }

    public static Header of(String name, String value) {
        return new Header(name, value);
    }

    /** Whether this header's name equals {@code otherName}, ignoring the case of ASCII letters. */
    public boolean hasName(String otherName) {
        return CanonicalRequest.asciiEqualsIgnoreCase(name, otherName);
    }

    @Override
    public String toString() {
        return "Header[" + name + ": " + (hasName(SigV4Names.SECURITY_TOKEN) ? "<redacted>" : value) + "]";
    }
}
