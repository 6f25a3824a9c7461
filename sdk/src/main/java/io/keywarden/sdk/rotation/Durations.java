package io.keywarden.sdk.rotation;

import java.time.Duration;
import java.util.Locale;

/** Durations for people: {@code 0.25 s}, {@code 12.3 s}, {@code 4 min 05 s}. */
final class Durations {
    private Durations() {
    }

    static String format(Duration d) {
        if (d == null) {
            return "-";
        }
        long millis = d.toMillis();
        if (millis < 10_000) {
            return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = d.toSeconds();
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, (seconds % 3600) / 60);
    }
}
