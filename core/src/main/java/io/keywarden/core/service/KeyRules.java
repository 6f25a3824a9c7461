package io.keywarden.core.service;

/**
 * Server-wide key rules.
 *
 * @param maxKeysPerUser               at most this many keys (Active and Inactive) per user, default 2
 * @param requireInactiveBeforeDelete  when true, deleting an Active key fails with DeleteConflict (as the console)
 */
public record KeyRules(int maxKeysPerUser, boolean requireInactiveBeforeDelete) {
    public static final KeyRules DEFAULT = new KeyRules(2, false);

    public KeyRules {
        if (maxKeysPerUser < 1 || maxKeysPerUser > 10) {
            throw new IllegalArgumentException("maxKeysPerUser must be between 1 and 10, got " + maxKeysPerUser);
        }
    }
}
