package io.keywarden.core.identity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * IAM's {@code RoleLastUsed}: when a session of the role last made a request, and the region of that request's
 * signature. The date counts milliseconds, as every date Keywarden stores.
 */
public record RoleLastUsed(Instant lastUsedDate, String region) {
    public RoleLastUsed {
        lastUsedDate = Objects.requireNonNull(lastUsedDate, "lastUsedDate").truncatedTo(ChronoUnit.MILLIS);
        Objects.requireNonNull(region, "region");
    }

    /** The later of two (latest wins when uses from several requests or nodes merge). */
    public static RoleLastUsed latest(RoleLastUsed a, RoleLastUsed b) {
        return b.lastUsedDate.isAfter(a.lastUsedDate) ? b : a;
    }
}
