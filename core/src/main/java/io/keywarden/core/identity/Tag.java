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
        requireKey(key);
        Objects.requireNonNull(value, "value");
        if (value.length() > 256) {
            throw KeywardenException.validation("tags.member.value", "Member must have length less than or equal to 256");
        }
        if (!CHARS.matcher(value).matches()) {
            throw KeywardenException.validation("tags.member.value",
                    "Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
        }
    }

    /** A tag key as TagUser, UntagUser and their kin take it: 1-128 characters of the tag set. */
    public static String requireKey(String key) {
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
        return key;
    }

    /** The case-folded key that uniqueness is decided on. */
    public String keyFold() {
        return fold(key);
    }

    public static String fold(String key) {
        return key.toLowerCase(Locale.ROOT);
    }

    /**
     * Tags a caller sets (CreateUser, CreateRole, TagUser, TagRole): as {@link #fromMaps}, and no key may start with
     * {@code aws:} (ignoring case), which AWS reserves for its own use ({@code InvalidInput}).
     */
    public static List<Tag> fromCaller(List<Map<String, String>> maps) {
        List<Tag> tags = fromMaps(maps);
        for (Tag t : tags) {
            if (t.key().regionMatches(true, 0, "aws:", 0, 4)) {
                throw KeywardenException.of(ErrorCode.INVALID_INPUT,
                        "User-defined tag keys can't start with 'aws:'. This prefix is reserved for AWS tags.");
            }
        }
        return tags;
    }

    /** The tag keys UntagUser and UntagRole take ({@code TagKeys.member.N}): 1 to 50 well-formed keys. */
    public static List<String> keys(List<String> keys) {
        if (keys == null || keys.isEmpty()) {
            throw KeywardenException.validation("tagKeys", "Member must have length greater than or equal to 1");
        }
        if (keys.size() > MAX_TAGS) {
            throw KeywardenException.validation("tagKeys", "Member must have length less than or equal to " + MAX_TAGS);
        }
        return keys.stream().map(Tag::requireKey).toList();
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
