package io.keywarden.server.metrics;

import io.keywarden.server.persistence.JdbcKeyHygiene;
import io.keywarden.server.persistence.JdbcKeyHygiene.KeyFacts;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Key-hygiene gauges (docs/operations.md), refreshed from one query every
 * {@code keywarden.metrics.key-hygiene-refresh} (1 minute) rather than at each scrape:
 * {@code keywarden.keys.active}, {@code keywarden.keys.age.days} (active keys no older than {@code le} days,
 * cumulative like a Prometheus histogram's buckets), {@code keywarden.keys.oldest.age.days},
 * {@code keywarden.keys.unused} (active keys not used for 90 days, or never and older than 90 days) and
 * {@code keywarden.keys.root.active}.
 */
@Singleton
@Requires(property = "micronaut.metrics.enabled", notEquals = "false")
public class KeyHygieneMetrics {
    /** The buckets of the key age gauge, in days. */
    static final long[] BUCKETS = {7, 30, 60, 90, 180, 365};
    static final Duration UNUSED = Duration.ofDays(90);
    private static final Logger LOG = LoggerFactory.getLogger(KeyHygieneMetrics.class);

    private final JdbcKeyHygiene keys;
    private final Clock clock;
    private final AtomicLong active = new AtomicLong();
    private final AtomicLong oldest = new AtomicLong();
    private final AtomicLong unused = new AtomicLong();
    private final AtomicLong rootActive = new AtomicLong();
    private final AtomicLong[] buckets = new AtomicLong[BUCKETS.length + 1];

    public KeyHygieneMetrics(JdbcKeyHygiene keys, Clock clock, MeterRegistry registry) {
        this.keys = keys;
        this.clock = clock;
        Gauge.builder("keywarden.keys.active", active, AtomicLong::get).description("active access keys")
                .register(registry);
        Gauge.builder("keywarden.keys.oldest.age.days", oldest, AtomicLong::get)
                .description("age in days of the oldest active access key").register(registry);
        Gauge.builder("keywarden.keys.unused", unused, AtomicLong::get)
                .description("active access keys not used for 90 days").register(registry);
        Gauge.builder("keywarden.keys.root.active", rootActive, AtomicLong::get)
                .description("active access keys of the root user").register(registry);
        for (int i = 0; i <= BUCKETS.length; i++) {
            buckets[i] = new AtomicLong();
            Gauge.builder("keywarden.keys.age.days", buckets[i], AtomicLong::get)
                    .tag("le", i < BUCKETS.length ? Long.toString(BUCKETS[i]) : "+Inf")
                    .description("active access keys no older than le days (cumulative)").register(registry);
        }
    }

    @Scheduled(fixedDelay = "${keywarden.metrics.key-hygiene-refresh:1m}", initialDelay = "1s")
    void refresh() {
        try {
            update(keys.liveKeys(), clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("could not refresh the key-hygiene gauges: {}", e.toString());
        }
    }

    void update(List<KeyFacts> all, Instant now) {
        long a = 0;
        long old = 0;
        long un = 0;
        long root = 0;
        long[] counts = new long[BUCKETS.length + 1];
        for (KeyFacts k : all) {
            if (!k.active()) {
                continue;
            }
            a++;
            long age = k.ageDays(now);
            old = Math.max(old, age);
            Instant since = k.lastUsed() != null ? k.lastUsed() : k.created();
            if (!since.plus(UNUSED).isAfter(now)) {
                un++;
            }
            if (k.root()) {
                root++;
            }
            for (int i = 0; i < BUCKETS.length; i++) {
                if (age <= BUCKETS[i]) {
                    counts[i]++;
                }
            }
            counts[BUCKETS.length]++;
        }
        active.set(a);
        oldest.set(old);
        unused.set(un);
        rootActive.set(root);
        for (int i = 0; i <= BUCKETS.length; i++) {
            buckets[i].set(counts[i]);
        }
    }
}
