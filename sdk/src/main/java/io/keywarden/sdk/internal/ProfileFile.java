package io.keywarden.sdk.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed AWS shared credentials file ({@code ~/.aws/credentials}): INI sections {@code [name]} holding
 * {@code key = value} properties. Comment lines start with {@code #} or {@code ;}; on property and section lines a
 * {@code #} or {@code ;} preceded by whitespace starts a comment. Property names are compared case-insensitively;
 * indented continuation lines (nested properties) and properties outside any section are ignored; a profile that
 * appears twice has its properties merged, the later value winning, as the AWS SDKs do.
 */
public final class ProfileFile {
    private final Map<String, Map<String, String>> profiles;

    private ProfileFile(Map<String, Map<String, String>> profiles) {
        this.profiles = profiles;
    }

    public static ProfileFile parse(String content) {
        Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String rawLine : content.split("\r\n|\r|\n", -1)) {
            if (rawLine.isBlank()) {
                continue;
            }
            boolean indented = Character.isWhitespace(rawLine.charAt(0));
            String line = rawLine.strip();
            if (line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                int close = line.indexOf(']');
                String name = close < 0 ? null : line.substring(1, close).strip();
                if (name == null || name.isEmpty()) {
                    current = null; // a broken section header: ignore the properties under it
                    continue;
                }
                current = profiles.computeIfAbsent(name, n -> new LinkedHashMap<>());
                continue;
            }
            if (indented || current == null) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = stripComment(line.substring(eq + 1)).strip();
            current.put(key, value);
        }
        Map<String, Map<String, String>> frozen = new LinkedHashMap<>();
        profiles.forEach((name, properties) -> frozen.put(name, Collections.unmodifiableMap(properties)));
        return new ProfileFile(Collections.unmodifiableMap(frozen));
    }

    private static String stripComment(String value) {
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c == '#' || c == ';') && Character.isWhitespace(value.charAt(i - 1))) {
                return value.substring(0, i);
            }
        }
        return value;
    }

    public Optional<Map<String, String>> profile(String name) {
        return Optional.ofNullable(profiles.get(name));
    }

    public java.util.Set<String> profileNames() {
        return profiles.keySet();
    }

    @Override
    public String toString() {
        return "ProfileFile" + profiles.keySet();
    }
}
