package io.keywarden.sdk.internal;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of path segments and query components as SigV4 expects it: every byte of the UTF-8 form
 * except the unreserved characters {@code A-Z a-z 0-9 - _ . ~} becomes {@code %XX} (upper-case hex), so the
 * request on the wire is the one that was signed.
 */
public final class UriEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {
    }

    /**
     * One path segment. A segment that is only dots ({@code .}, {@code ..}: valid IAM user names) has its dots
     * encoded too, so no one on the way normalises it away as a relative segment.
     */
    public static String pathSegment(String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a path segment must not be empty");
        }
        if (value.chars().allMatch(c -> c == '.')) {
            return "%2E".repeat(value.length());
        }
        return encode(value);
    }

    /** A query parameter name or value. */
    public static String queryComponent(String value) {
        return encode(value);
    }

    /** {@code /a/b/c} from raw (not yet encoded) segments. */
    public static String path(String... segments) {
        StringBuilder out = new StringBuilder();
        for (String segment : segments) {
            out.append('/').append(pathSegment(segment));
        }
        return out.toString();
    }

    static String encode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >>> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }
}
