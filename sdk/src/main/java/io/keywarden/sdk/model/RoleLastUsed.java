package io.keywarden.sdk.model;

import java.time.Instant;
import java.util.Optional;

/**
 * When a session of a role last made a request, and the region of its signature (GetRole's {@code RoleLastUsed}).
 *
 * @param lastUsedDate null when no session of the role has made a request yet
 * @param region       null likewise
 */
public record RoleLastUsed(Instant lastUsedDate, String region) {
    /** The date; empty when the role's sessions have not been used. */
    public Optional<Instant> lastUsedDateIfAny() {
        return Optional.ofNullable(lastUsedDate);
    }
}
