package io.keywarden.server.metrics;

import io.keywarden.server.persistence.JdbcKeyHygiene.KeyFacts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeyHygieneMetricsTest {
    private static final Instant NOW = Instant.parse("2026-12-05T00:00:00Z");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final KeyHygieneMetrics metrics = new KeyHygieneMetrics(null, Clock.systemUTC(), registry);

    private static KeyFacts key(boolean active, boolean root, long ageDays, Long lastUsedDaysAgo) {
        return new KeyFacts(active, root, NOW.minus(Duration.ofDays(ageDays)),
                lastUsedDaysAgo == null ? null : NOW.minus(Duration.ofDays(lastUsedDaysAgo)));
    }

    private double gauge(String name, String le) {
        return le == null ? registry.get(name).gauge().value() : registry.get(name).tag("le", le).gauge().value();
    }

    @Test
    void gaugesCountActiveKeysByAgeUseAndOwner() {
        metrics.update(List.of(
                key(true, false, 5, 1L),      // young, used
                key(true, false, 95, 2L),     // old, used
                key(true, true, 400, null),   // root, old, never used
                key(true, false, 100, 91L),   // old, unused for 91 days
                key(false, true, 1000, null)  // inactive: not counted
        ), NOW);

        assertThat(gauge("keywarden.keys.active", null)).isEqualTo(4);
        assertThat(gauge("keywarden.keys.root.active", null)).isEqualTo(1);
        assertThat(gauge("keywarden.keys.unused", null)).isEqualTo(2);
        assertThat(gauge("keywarden.keys.oldest.age.days", null)).isEqualTo(400);
        assertThat(gauge("keywarden.keys.age.days", "7")).isEqualTo(1);
        assertThat(gauge("keywarden.keys.age.days", "90")).isEqualTo(1);
        assertThat(gauge("keywarden.keys.age.days", "180")).isEqualTo(3);
        assertThat(gauge("keywarden.keys.age.days", "365")).isEqualTo(3);
        assertThat(gauge("keywarden.keys.age.days", "+Inf")).isEqualTo(4);
        // the documented alert: keys older than 90 days
        assertThat(gauge("keywarden.keys.age.days", "+Inf") - gauge("keywarden.keys.age.days", "90")).isEqualTo(3);
    }

    @Test
    void aRefreshReplacesThePreviousCounts() {
        metrics.update(List.of(key(true, true, 400, null)), NOW);
        metrics.update(List.of(), NOW);

        assertThat(gauge("keywarden.keys.active", null)).isZero();
        assertThat(gauge("keywarden.keys.root.active", null)).isZero();
        assertThat(gauge("keywarden.keys.age.days", "+Inf")).isZero();
    }
}
