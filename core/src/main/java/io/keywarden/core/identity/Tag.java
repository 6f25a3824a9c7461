package io.keywarden.core.identity;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An IAM tag: a key of 1-128 and a value of 0-256 characters of {@code [\p{L}\p{Z}\p{N}_.:/=+\-@]} (AWS's limits).
 * An entity has at most 50 tags, with keys that differ ignoring case.
 */
public record Tag(String key, String value) {
    public static final int MAX_TAGS = 50;
    private static final Pattern CHARS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    public Tag {
        if (key == null || key.isEmpty()) {
            throw KeywardenException.validation("tags.member.key", "Member must have length greater than or equal to 1");
        }
        if (key.length() > 128) {
            throw KeywardenException.validation("tags.member.key", "Member must have length less than or equal to 128");
        }
        if (!CHARS.matcher(key).matches()) {
            throw KeywardenException.validation("tags.member.key",
                    "Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");
        }
        Objects.requireNonNull(value, "value");
        if (value.length() > 256) {
            throw KeywardenException.validation("tags.member.value", "Member must have length less than or equal to 256");
        }
        if (!CHARS.matcher(value).matches()) {
            throw KeywardenException.validation("tags.member.value",
                    "Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
        }
    }

    /**
     * Tags as both faces give them ({@code Key}/{@code Value} or {@code key}/{@code value} maps), checked: at most 50,
     * no key twice ignoring case; a missing value is {@code ""}, a missing key is refused.
     */
    public static List<Tag> fromMaps(List<Map<String, String>> maps) {
        if (maps == null || maps.isEmpty()) {
            return List.of();
        }
        if (maps.size() > MAX_TAGS) {
            throw KeywardenException.validation("tags", "Member must have length less than or equal to " + MAX_TAGS);
        }
        List<Tag> tags = new ArrayList<>(maps.size());
        Set<String> keys = new HashSet<>();
        for (Map<String, String> m : maps) {
            String key = m.containsKey("Key") ? m.get("Key") : m.get("key");
            String value = m.containsKey("Value") ? m.get("Value") : m.get("value");
            Tag tag = new Tag(key, value == null ? "" : value);
            if (!keys.add(tag.key().toLowerCase(Locale.ROOT))) {
                throw KeywardenException.of(ErrorCode.INVALID_INPUT,
                        "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
            }
            tags.add(tag);
        }
        return List.copyOf(tags);
    }
}
