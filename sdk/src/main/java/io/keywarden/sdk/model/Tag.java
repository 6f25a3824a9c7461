package io.keywarden.sdk.model;

import java.util.Objects;

/**
 * A tag of a user or a role: a key (1-128 characters) and a value (0-256 characters, may be empty); checked by the
 * service. A user's tag whose key is one of its access key IDs is that key's description.
 *
 * @param key   the tag key, unique per user or role ignoring case
 * @param value the tag value
 */
public record Tag(String key, String value) {
    public Tag {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    public static Tag of(String key, String value) {
        return new Tag(key, value);
    }
}
