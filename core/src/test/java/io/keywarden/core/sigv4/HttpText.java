package io.keywarden.core.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses the raw HTTP/1.1 text of the SigV4 test suite: {@code METHOD SP target SP HTTP/1.1}, then
 * {@code Name:value} lines (a line starting with whitespace continues the previous value, kept with its
 * line break), then an empty line and the body bytes.
 */
final class HttpText {
    private static final String VERSION_SUFFIX = " HTTP/1.1";

    private HttpText() {
    }

    static SignableRequest parse(byte[] text) {
        int separator = indexOf(text, new byte[] {'\n', '\n'});
        byte[] head = separator < 0 ? text : Arrays.copyOf(text, separator);
        byte[] body = separator < 0 ? new byte[0] : Arrays.copyOfRange(text, separator + 2, text.length);

        String headText = new String(head, StandardCharsets.UTF_8);
        if (headText.endsWith("\n")) {
            headText = headText.substring(0, headText.length() - 1);
        }
        String[] lines = headText.split("\n", -1);
        String requestLine = lines[0];
        if (!requestLine.endsWith(VERSION_SUFFIX)) {
            throw new IllegalArgumentException("request line does not end in HTTP/1.1: " + requestLine);
        }
        int space = requestLine.indexOf(' ');
        String method = requestLine.substring(0, space);
        String target = requestLine.substring(space + 1, requestLine.length() - VERSION_SUFFIX.length());
        int question = target.indexOf('?');
        String rawPath = question < 0 ? target : target.substring(0, question);
        String rawQuery = question < 0 ? "" : target.substring(question + 1);

        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith(" ") || line.startsWith("\t")) {
                String[] previous = headers.get(headers.size() - 1);
                previous[1] = previous[1] + "\n" + line;
            } else {
                int colon = line.indexOf(':');
                headers.add(new String[] {line.substring(0, colon), line.substring(colon + 1)});
            }
        }
        return new SignableRequest(method, rawPath, rawQuery,
                headers.stream().map(h -> new Header(h[0], h[1])).toList(), body);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
