package io.keywarden.sdk.internal;

import io.keywarden.core.sigv4.SigningCredentials;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Rewrites the credentials of one profile in the text of a shared credentials file and leaves every other byte
 * alone: other profiles, comments, blank lines, line endings, the order and spelling of properties, and a comment
 * after a replaced value. It reads the file as {@link ProfileFile} does (sections {@code [name]}, {@code key = value}
 * properties, {@code #}/{@code ;} comments, indented continuation lines ignored).
 *
 * <p>In the profile (every section of that name, since a repeated profile is merged): the values of
 * {@code aws_access_key_id} and {@code aws_secret_access_key} are replaced; {@code aws_session_token} is set to the new
 * token, or removed (with {@code aws_security_token}) when the new credentials have none, as a long-term key has
 * not. Missing properties are added after the last property of the profile's last section; a missing profile is
 * appended at the end of the file.
 */
public final class ProfileFileEditor {
    static final String ACCESS_KEY_ID = "aws_access_key_id";
    static final String SECRET_ACCESS_KEY = "aws_secret_access_key";
    static final String SESSION_TOKEN = "aws_session_token";
    static final String SECURITY_TOKEN = "aws_security_token";

    private ProfileFileEditor() {
    }

    /**
     * The text of {@code content} with {@code profile} holding {@code credentials}.
     *
     * @throws IllegalArgumentException when the profile name or a value cannot be written to the file format
     */
    public static String withCredentials(String content, String profile, SigningCredentials credentials) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(credentials, "credentials");
        checkProfileName(profile);
        checkValue(credentials.accessKeyId(), "access key id");
        checkValue(credentials.secretAccessKey(), "secret access key");
        if (credentials.sessionToken() != null) {
            checkValue(credentials.sessionToken(), "session token");
        }

        List<Line> lines = split(content);
        String newline = lines.stream().map(Line::terminator).filter(t -> !t.isEmpty()).findFirst().orElse("\n");
        boolean seenId = false;
        boolean seenSecret = false;
        boolean seenToken = false;
        int lastSectionEnd = -1; // index after which to insert missing properties
        String separator = null;
        String section = null;
        List<Line> out = new ArrayList<>(lines.size() + 4);
        for (Line line : lines) {
            String text = line.text();
            String stripped = text.strip();
            boolean indented = !text.isEmpty() && Character.isWhitespace(text.charAt(0));
            if (!indented && stripped.startsWith("[")) {
                int close = stripped.indexOf(']');
                section = close < 0 ? null : stripped.substring(1, close).strip();
                out.add(line);
                if (profile.equals(section)) {
                    lastSectionEnd = out.size() - 1;
                }
                continue;
            }
            if (!profile.equals(section)) {
                out.add(line);
                continue;
            }
            boolean property = !indented && !stripped.isEmpty() && !stripped.startsWith("#")
                    && !stripped.startsWith(";") && text.indexOf('=') > 0;
            if (!property) {
                out.add(line);
                continue;
            }
            int eq = text.indexOf('=');
            String key = text.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (separator == null) {
                separator = separatorOf(text, eq);
            }
            switch (key) {
                case ACCESS_KEY_ID -> {
                    out.add(replaceValue(line, eq, credentials.accessKeyId()));
                    seenId = true;
                }
                case SECRET_ACCESS_KEY -> {
                    out.add(replaceValue(line, eq, credentials.secretAccessKey()));
                    seenSecret = true;
                }
                case SESSION_TOKEN -> {
                    if (credentials.sessionToken() != null) {
                        out.add(replaceValue(line, eq, credentials.sessionToken()));
                        seenToken = true;
                    }
                }
                case SECURITY_TOKEN -> {
                    // the legacy name: dropped, the token (if any) is written as aws_session_token
                }
                default -> out.add(line);
            }
            lastSectionEnd = out.size() - 1;
        }

        List<String> missing = new ArrayList<>(3);
        String sep = separator == null ? " = " : separator;
        if (!seenId) {
            missing.add(ACCESS_KEY_ID + sep + credentials.accessKeyId());
        }
        if (!seenSecret) {
            missing.add(SECRET_ACCESS_KEY + sep + credentials.secretAccessKey());
        }
        if (!seenToken && credentials.sessionToken() != null) {
            missing.add(SESSION_TOKEN + sep + credentials.sessionToken());
        }
        if (lastSectionEnd < 0) {
            // no such profile: append it, after a blank line when the file has content
            if (!out.isEmpty()) {
                terminateLast(out, newline);
                if (!out.get(out.size() - 1).text().isBlank()) {
                    out.add(new Line("", newline));
                }
            }
            out.add(new Line("[" + profile + "]", newline));
            lastSectionEnd = out.size() - 1;
        }
        if (!missing.isEmpty()) {
            Line anchor = out.get(lastSectionEnd);
            if (anchor.terminator().isEmpty()) {
                out.set(lastSectionEnd, new Line(anchor.text(), newline));
            }
            List<Line> added = missing.stream().map(m -> new Line(m, newline)).toList();
            out.addAll(lastSectionEnd + 1, added);
        }
        StringBuilder text = new StringBuilder(content.length() + 128);
        for (Line line : out) {
            text.append(line.text()).append(line.terminator());
        }
        return text.toString();
    }

    private static void terminateLast(List<Line> out, String newline) {
        Line last = out.get(out.size() - 1);
        if (last.terminator().isEmpty()) {
            out.set(out.size() - 1, new Line(last.text(), newline));
        }
    }

    /** The line with the value after {@code =} replaced; the spacing around it and a trailing comment are kept. */
    private static Line replaceValue(Line line, int eq, String value) {
        String text = line.text();
        int start = eq + 1;
        while (start < text.length() && isBlank(text.charAt(start))) {
            start++;
        }
        int end = text.length();
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '#' || c == ';') && Character.isWhitespace(text.charAt(i - 1))) {
                end = i;
                break;
            }
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new Line(text.substring(0, start) + value + text.substring(end), line.terminator());
    }

    private static String separatorOf(String text, int eq) {
        int before = eq;
        while (before > 0 && isBlank(text.charAt(before - 1))) {
            before--;
        }
        int after = eq + 1;
        while (after < text.length() && isBlank(text.charAt(after))) {
            after++;
        }
        if (after >= text.length()) {
            return " = ";
        }
        return text.substring(before, after);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static void checkProfileName(String profile) {
        Objects.requireNonNull(profile, "profile");
        if (profile.isBlank() || !profile.equals(profile.strip()) || profile.chars().anyMatch(
                c -> c == '[' || c == ']' || c == '#' || c == ';' || Character.isISOControl(c))) {
            throw new IllegalArgumentException("profile name '" + profile + "' cannot be written to a credentials"
                    + " file (it must be non-blank, without surrounding spaces, brackets, '#', ';' or control characters)");
        }
    }

    private static void checkValue(String value, String what) {
        if (value.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c) || c == '#'
                || c == ';')) {
            throw new IllegalArgumentException("the " + what + " cannot be written to a credentials file"
                    + " (it contains whitespace, a control character, '#' or ';')");
        }
    }

    /** The lines of {@code content}, each with its own terminator ({@code \r\n}, {@code \n}, {@code \r} or none). */
    static List<Line> split(String content) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < content.length()) {
            char c = content.charAt(i);
            if (c == '\n' || c == '\r') {
                int end = i;
                if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
                    i++;
                }
                lines.add(new Line(content.substring(start, end), content.substring(end, i + 1)));
                start = i + 1;
            }
            i++;
        }
        if (start < content.length()) {
            lines.add(new Line(content.substring(start), ""));
        }
        return lines;
    }

    record Line(String text, String terminator) {
        @Override
        public String toString() {
            return "Line[" + text.length() + " chars]"; // may hold a secret
        }
    }
}
