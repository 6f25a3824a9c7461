package io.keywarden.server.metrics;

import io.keywarden.core.expiry.KeyExpiryService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keys over the expiry policy (docs/operations.md), beside the key-age gauges and refreshed as they are:
 * {@code keywarden.keys.over.policy{stage="warn"}} (past a warning threshold only),
 * {@code {stage="deactivate"}} (Active keys past a deactivation threshold: the scheduler deactivates them at its next
 * run unless the policy is a dry run, or they are root keys) and {@code {stage="delete"}} (Inactive keys past the
 * deletion threshold). Exempt keys are not counted; without a policy all three are 0. The counts are the report's
 * ({@link KeyExpiryService#summary}), so the metric and GetKeyHygieneReport never disagree.
 */
@Singleton
@Requires(property = "micronaut.metrics.enabled", notEquals = "false")
public class KeyExpiryMetrics {
    private static final Logger LOG = LoggerFactory.getLogger(KeyExpiryMetrics.class);

    private final KeyExpiryService expiry;
    private final Clock clock;
    private final AtomicLong warn = new AtomicLong();
    private final AtomicLong deactivate = new AtomicLong();
    private final AtomicLong delete = new AtomicLong();

    public KeyExpiryMetrics(KeyExpiryService expiry, Clock clock, MeterRegistry registry) {
        this.expiry = expiry;
        this.clock = clock;
        register(registry, "warn", warn, "keys past the expiry policy's warning threshold");
        register(registry, "deactivate", deactivate, "Active keys past the expiry policy's deactivation threshold");
        register(registry, "delete", delete, "Inactive keys past the expiry policy's deletion threshold");
    }

    private static void register(MeterRegistry registry, String stage, AtomicLong value, String description) {
        Gauge.builder("keywarden.keys.over.policy", value, AtomicLong::get).tag("stage", stage)
                .description(description).register(registry);
    }

    @Scheduled(fixedDelay = "${keywarden.metrics.key-hygiene-refresh:1m}", initialDelay = "2s")
    void refresh() {
        try {
            update(expiry.summary(clock.instant()));
        } catch (RuntimeException e) {
            LOG.warn("could not refresh the keys-over-policy gauges: {}", e.toString());
        }
    }

    void update(KeyExpiryService.Summary s) {
        warn.set(s.overWarn());
        deactivate.set(s.overDeactivate());
        delete.set(s.overDelete());
    }
}
