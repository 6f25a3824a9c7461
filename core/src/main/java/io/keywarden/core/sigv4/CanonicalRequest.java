package io.keywarden.core.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one implementation of SigV4 canonicalisation, shared by {@link SigV4Signer} and {@link SigV4Verifier}:
 * canonical URI, canonical query string, canonical headers and the canonical request itself.
 *
 * <p>Everything here works on the request exactly as it is on the wire. The path is normalised (optionally,
 * with botocore's rules) and then URI-encoded once more: for every service except S3 the wire path is already
 * encoded, so this is AWS's "double encoding". Query names and values are percent-decoded and re-encoded,
 * so that {@code %7E} and {@code ~} canonicalise alike; {@code +} is a literal plus (clients encode a space
 * as {@code %20}).
 */
final class CanonicalRequest {

    /** Headers botocore never signs (lower case); {@code proxy-*} is handled separately. */
    private static final Set<String> UNSIGNED_HEADERS = Set.of(
            "authorization", "connection", "expect", "keep-alive", "te", "trailer", "transfer-encoding",
            "upgrade", "user-agent", "x-amzn-trace-id");

    private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();

    private static final Comparator<QueryParam> QUERY_ORDER =
            Comparator.comparing(QueryParam::name).thenComparing(QueryParam::value);

    private CanonicalRequest() {
    }

    /**
     * One query parameter.
     *
     * @param name     the canonical (re-encoded) name
     * @param value    the canonical (re-encoded) value
     * @param rawValue the value as on the wire
     */
    record QueryParam(String name, String value, String rawValue) {
        /** The value percent-decoded as UTF-8. */
        String decodedValue() {
            return decode(rawValue);
        }
    }

    // ---------------------------------------------------------------- the canonical request

    static String build(String method, String canonicalUri, String canonicalQuery, List<String> signedNames,
                        String signedHeadersLine, List<Header> headers, String payloadHash) {
        StringBuilder out = new StringBuilder(512);
        out.append(method).append('\n')
                .append(canonicalUri).append('\n')
                .append(canonicalQuery).append('\n');
        appendCanonicalHeaders(out, signedNames, headers);
        out.append('\n').append(signedHeadersLine).append('\n').append(payloadHash);
        return out.toString();
    }

    // ---------------------------------------------------------------- headers

    /** Whether botocore would sign a header with this lower-case name. */
    static boolean isSignable(String lowerCaseName) {
        return !UNSIGNED_HEADERS.contains(lowerCaseName) && !lowerCaseName.startsWith("proxy-");
    }

    /** The sorted, distinct, lower-case names of the signable headers among {@code headers}. */
    static List<String> signableHeaderNames(List<Header> headers) {
        TreeSet<String> names = new TreeSet<>();
        for (Header header : headers) {
            String name = lowerCase(header.name());
            if (isSignable(name)) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    /**
     * For each signed name, {@code name:value\n}: the values of every header with that name (ASCII
     * case-insensitive) in received order, each trimmed with inner whitespace collapsed, joined with {@code ,}.
     * A signed name with no header gets an empty value.
     */
    static void appendCanonicalHeaders(StringBuilder out, List<String> signedNames, List<Header> headers) {
        for (String name : signedNames) {
            out.append(name).append(':');
            boolean first = true;
            for (Header header : headers) {
                if (asciiEqualsIgnoreCase(header.name(), name)) {
                    if (!first) {
                        out.append(',');
                    }
                    appendTrimmedValue(out, header.value());
                    first = false;
                }
            }
            out.append('\n');
        }
    }

    /** Appends {@code value} without leading or trailing whitespace and with each inner run of it as one space. */
    static void appendTrimmedValue(StringBuilder out, String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isWhitespace(value.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(value.charAt(end - 1))) {
            end--;
        }
        if (isClean(value, start, end)) {
            out.append(value, start, end);
            return;
        }
        boolean inSpace = false;
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            if (isWhitespace(c)) {
                if (!inSpace) {
                    out.append(' ');
                    inSpace = true;
                }
            } else {
                out.append(c);
                inSpace = false;
            }
        }
    }

    /** No whitespace but single spaces between other characters: nothing to collapse. */
    private static boolean isClean(String value, int start, int end) {
        char previous = 'x';
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            if (c <= ' ' && (c != ' ' || previous == ' ') && isWhitespace(c)) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
    }

    static String lowerCase(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] chars = s.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    char d = chars[j];
                    if (d >= 'A' && d <= 'Z') {
                        chars[j] = (char) (d + ('a' - 'A'));
                    }
                }
                return new String(chars);
            }
        }
        return s;
    }

    /** Case-insensitive for ASCII letters only, as HTTP header names are compared. */
    static boolean asciiEqualsIgnoreCase(String a, String b) {
        int n = a.length();
        if (n != b.length()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (x >= 'A' && x <= 'Z') {
                    x = (char) (x + ('a' - 'A'));
                }
                if (y >= 'A' && y <= 'Z') {
                    y = (char) (y + ('a' - 'A'));
                }
                if (x != y) {
                    return false;
                }
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- URI

    /** The canonical URI of a wire path: optionally normalised, then URI-encoded with {@code /} kept. */
    static String canonicalUri(String rawPath, boolean normalize) {
        String path = rawPath.isEmpty() ? "/" : rawPath;
        if (normalize) {
            path = normalizePath(path);
        }
        String encoded = encode(path, true);
        return encoded.isEmpty() ? "/" : encoded;
    }

    /**
     * botocore's {@code remove_dot_segments}: drops empty and {@code .} segments, lets {@code ..} remove the
     * previous one, keeps a leading {@code /}, and keeps a trailing {@code /} unless nothing is left.
     */
    static String normalizePath(String path) {
        if (path.indexOf("//") < 0 && path.indexOf("/.") < 0 && !path.startsWith(".")) {
            return path;
        }
        List<String> segments = new ArrayList<>();
        int n = path.length();
        int from = 0;
        while (from <= n) {
            int slash = path.indexOf('/', from);
            int to = slash < 0 ? n : slash;
            String segment = path.substring(from, to);
            if (segment.equals("..")) {
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
            from = to + 1;
        }
        StringBuilder out = new StringBuilder(n);
        if (path.startsWith("/")) {
            out.append('/');
        }
        out.append(String.join("/", segments));
        if (path.endsWith("/") && !segments.isEmpty()) {
            out.append('/');
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- query

    static List<QueryParam> parseQuery(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return List.of();
        }
        List<QueryParam> params = new ArrayList<>();
        int n = rawQuery.length();
        int from = 0;
        while (from <= n) {
            int amp = rawQuery.indexOf('&', from);
            int to = amp < 0 ? n : amp;
            if (to > from) {
                int eq = rawQuery.indexOf('=', from);
                String rawName;
                String rawValue;
                if (eq < 0 || eq > to) {
                    rawName = rawQuery.substring(from, to);
                    rawValue = "";
                } else {
                    rawName = rawQuery.substring(from, eq);
                    rawValue = rawQuery.substring(eq + 1, to);
                }
                params.add(new QueryParam(canonicalComponent(rawName), canonicalComponent(rawValue), rawValue));
            }
            from = to + 1;
        }
        return params;
    }

    /** Sorted by name then value, {@code name=value} joined with {@code &}; parameters named {@code excludedName} are left out. */
    static String canonicalQuery(List<QueryParam> params, String excludedName) {
        if (params.isEmpty()) {
            return "";
        }
        QueryParam[] sorted = new QueryParam[params.size()];
        int count = 0;
        for (QueryParam param : params) {
            if (excludedName == null || !param.name().equals(excludedName)) {
                sorted[count++] = param;
            }
        }
        if (count > 1) {
            Arrays.sort(sorted, 0, count, QUERY_ORDER);
        }
        StringBuilder out = new StringBuilder(64 * count);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append('&');
            }
            out.append(sorted[i].name()).append('=').append(sorted[i].value());
        }
        return out.toString();
    }

    /** A query name or value as it is canonicalised: percent-decoded, then encoded with the RFC 3986 unreserved set. */
    static String canonicalComponent(String raw) {
        if (isAllUnreserved(raw, false)) {
            return raw;
        }
        return encodeBytes(decodeToBytes(raw));
    }

    // ---------------------------------------------------------------- percent-encoding

    static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }

    private static boolean isAllUnreserved(String s, boolean keepSlash) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isUnreserved(c) && !(keepSlash && c == '/')) {
                return false;
            }
        }
        return true;
    }

    /** URI-encodes {@code s} (its UTF-8 bytes): unreserved characters stay, everything else becomes {@code %XX}. */
    static String encode(String s, boolean keepSlash) {
        if (isAllUnreserved(s, keepSlash)) {
            return s;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isUnreserved(c) || (keepSlash && c == '/')) {
                out.append((char) c);
            } else {
                appendEscaped(out, c);
            }
        }
        return out.toString();
    }

    private static String encodeBytes(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                appendEscaped(out, c);
            }
        }
        return out.toString();
    }

    private static void appendEscaped(StringBuilder out, int c) {
        out.append('%').append(UPPER_HEX[c >> 4]).append(UPPER_HEX[c & 0xF]);
    }

    /** Percent-decodes {@code s} as UTF-8; a {@code %} not followed by two hex digits is kept literally. */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        return new String(decodeToBytes(s), StandardCharsets.UTF_8);
    }

    private static byte[] decodeToBytes(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[utf8.length];
        int length = 0;
        for (int i = 0; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b == '%' && i + 2 < utf8.length && hexValue(utf8[i + 1]) >= 0 && hexValue(utf8[i + 2]) >= 0) {
                out[length++] = (byte) ((hexValue(utf8[i + 1]) << 4) | hexValue(utf8[i + 2]));
                i += 2;
            } else {
                out[length++] = b;
            }
        }
        return length == out.length ? out : Arrays.copyOf(out, length);
    }

    private static int hexValue(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        return -1;
    }
}
