package io.keywarden.core.keys;

import io.keywarden.core.error.KeywardenException;

/** The status of an access key; only Active keys authenticate. */
public enum KeyStatus {
    ACTIVE("Active"),
    INACTIVE("Inactive");

    private final String wireName;

    KeyStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Parses {@code Active} or {@code Inactive} exactly, as AWS does; anything else is a validation error. */
    public static KeyStatus parse(String value) {
        for (KeyStatus s : values()) {
            if (s.wireName.equals(value)) {
                return s;
            }
        }
        throw KeywardenException.validation("status", "Member must satisfy enum value set: [Active, Inactive]");
    }

    @Override
    public String toString() {
        return wireName;
    }
}
