package io.keywarden.core.keys;

import java.time.Instant;
import java.util.Objects;

/** When, for which service and in which region a key last authenticated a request. */
public record LastUsed(Instant date, String serviceName, String region) {
    public LastUsed {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(region, "region");
    }

    /** The later of two records (latest wins when records from several sources merge). */
    public static LastUsed latest(LastUsed a, LastUsed b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.date.isAfter(a.date) ? b : a;
    }
}
