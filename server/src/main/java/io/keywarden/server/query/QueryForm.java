package io.keywarden.server.query;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Decodes the parameters of a Query-protocol request the way AWS reads them: {@code application/x-www-form-urlencoded}
 * pairs joined by {@code &}, {@code +} meaning a space, {@code %XX} escapes of UTF-8 bytes, a name without {@code =}
 * standing for an empty value (an empty list is sent as {@code Name=}). Lists stay flat here
 * ({@code Name.member.1=...}); {@link QueryParams} reads them.
 *
 * <p>A name given twice is refused rather than resolved one way or the other, so that no two readers of the same request
 * can disagree about what it asked for. Malformed escapes and bytes that are not UTF-8 are
 * {@code MalformedQueryString}. The SigV4 parameters of a presigned URL ({@code X-Amz-Signature}, ...) are not
 * parameters of the action and are left out.
 */
public final class QueryForm {
    /** The presigned-URL authentication parameters (SigV4 query form). */
    static final Set<String> SIGNING_PARAMETERS = Set.of("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date",
            "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Signature", "X-Amz-Security-Token");
    /** At most this many parameters per request (a 1 MB body could otherwise hold half a million). */
    static final int MAX_PARAMETERS = 1000;
    private static final int MAX_ECHO = 64;

    private QueryForm() {
    }

    /**
     * The parameters of a request: those of the raw query string, then those of the form body.
     *
     * @param rawQuery the query string as received (still encoded), or null
     * @param body     the raw body bytes (a form), or null for none
     * @throws KeywardenException {@code MalformedQueryString} or {@code ValidationError} for input that cannot be read
     */
    public static Map<String, String> decode(String rawQuery, byte[] body) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery != null) {
            parseInto(rawQuery.getBytes(StandardCharsets.ISO_8859_1), out);
        }
        if (body != null) {
            parseInto(body, out);
        }
        return Collections.unmodifiableMap(out);
    }

    private static void parseInto(byte[] raw, Map<String, String> out) {
        int start = 0;
        while (start <= raw.length) {
            int end = indexOf(raw, (byte) '&', start);
            if (end > start) {
                int eq = indexOf(raw, (byte) '=', start, end);
                String name = decodeComponent(raw, start, eq < 0 ? end : eq);
                String value = eq < 0 ? "" : decodeComponent(raw, eq + 1, end);
                add(out, name, value);
            }
            start = end + 1;
        }
    }

    private static void add(Map<String, String> out, String name, String value) {
        if (name.isEmpty()) {
            throw malformed("a parameter has no name");
        }
        if (SIGNING_PARAMETERS.contains(name)) {
            return;
        }
        if (out.putIfAbsent(name, value) != null) {
            throw KeywardenException.of(ErrorCode.VALIDATION_ERROR,
                    "parameter '" + echo(name) + "' is given more than once");
        }
        if (out.size() > MAX_PARAMETERS) {
            throw KeywardenException.of(ErrorCode.VALIDATION_ERROR,
                    "a request may have at most " + MAX_PARAMETERS + " parameters");
        }
    }

    /** {@code +} is a space and {@code %XX} a byte; the bytes must be UTF-8. */
    static String decodeComponent(byte[] raw, int from, int to) {
        boolean plain = true;
        for (int i = from; i < to && plain; i++) {
            byte b = raw[i];
            plain = b != '%' && b != '+' && b >= 0x20 && b < 0x7F;
        }
        if (plain) {
            return new String(raw, from, to - from, StandardCharsets.US_ASCII);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = raw[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                int hi = i + 2 < to ? hex(raw[i + 1]) : -1;
                int lo = i + 2 < to ? hex(raw[i + 2]) : -1;
                if (hi < 0 || lo < 0) {
                    throw malformed("'%' must be followed by two hexadecimal digits");
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed("a parameter is not valid UTF-8");
        }
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    private static int indexOf(byte[] raw, byte wanted, int from) {
        int i = indexOf(raw, wanted, from, raw.length);
        return i < 0 ? raw.length : i;
    }

    private static int indexOf(byte[] raw, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (raw[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static KeywardenException malformed(String what) {
        return KeywardenException.of(ErrorCode.MALFORMED_QUERY_STRING, "the query string is malformed: " + what);
    }

    private static String echo(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_ECHO) + 3);
        for (int i = 0; i < s.length() && i < MAX_ECHO; i++) {
            char c = s.charAt(i);
            out.append(c < ' ' || c == 0x7F ? '?' : c);
        }
        return s.length() > MAX_ECHO ? out.append("...").toString() : out.toString();
    }
}
