package io.keywarden.server.notify;

import io.keywarden.core.port.AuditArchiveStore;
import io.keywarden.server.persistence.JdbcWebhookStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;

/**
 * Webhook retention: every {@code keywarden.webhooks.retention-interval} (and a minute after start) the node that
 * takes the lease {@value #LEASE} (a row of {@code audit_retention_lease}, V18; a conditional UPDATE with an expiry,
 * as audit retention's) deletes the deliveries delivered or given up more than {@code keywarden.webhooks.retention}
 * ago and the delivery-log rows as old, never a pending delivery nor its log ({@link JdbcWebhookStore#prune}).
 * A retention of 0 keeps everything.
 */
@Context
public class WebhookRetentionJob {
    static final String LEASE = "webhook-retention";
    static final Duration LEASE_TTL = Duration.ofMinutes(10);
    private static final int BATCH = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookRetentionJob.class);

    private final JdbcWebhookStore store;
    private final AuditArchiveStore leases;
    private final Clock clock;
    private final Duration retention;
    private final String node = UUID.randomUUID().toString();
    private final Counter deliveries;
    private final Counter attempts;
    private final ScheduledFuture<?> schedule;

    public WebhookRetentionJob(WebhookConfig config, JdbcWebhookStore store, AuditArchiveStore leases, Clock clock,
                               MeterRegistry registry, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.store = store;
        this.leases = leases;
        this.clock = clock;
        this.retention = config.getRetention();
        this.deliveries = Counter.builder("keywarden.webhook.retention.deleted").tag("kind", "delivery")
                .description("closed webhook deliveries and delivery-log rows deleted by retention").register(registry);
        this.attempts = Counter.builder("keywarden.webhook.retention.deleted").tag("kind", "attempt")
                .description("closed webhook deliveries and delivery-log rows deleted by retention").register(registry);
        if (enabled()) {
            this.schedule = scheduler.scheduleWithFixedDelay(Duration.ofMinutes(1), config.getRetentionInterval(),
                    this::runQuietly);
        } else {
            LOG.info("webhook retention 0: delivered deliveries and the delivery log are kept forever");
            this.schedule = null;
        }
    }

    /** Whether a retention is configured (not 0). */
    public boolean enabled() {
        return !retention.isZero();
    }

    /** This node's name as the lease holder. */
    String node() {
        return node;
    }

    /**
     * One run as of {@code now}: takes the lease (or does nothing when another node holds it: empty), deletes what
     * closed before {@code now - retention}, gives the lease back.
     */
    public Optional<JdbcWebhookStore.Pruned> runOnce(Instant now) {
        if (!enabled()) {
            return Optional.empty();
        }
        if (!leases.tryLease(LEASE, node, now, LEASE_TTL)) {
            LOG.debug("webhook retention: another node holds the lease");
            return Optional.empty();
        }
        try {
            JdbcWebhookStore.Pruned pruned = store.prune(now.minus(retention), BATCH);
            deliveries.increment(pruned.deliveries());
            attempts.increment(pruned.attempts());
            if (pruned.deliveries() > 0 || pruned.attempts() > 0) {
                LOG.info("webhook retention: deleted {} closed deliveries and {} delivery-log rows older than {}",
                        pruned.deliveries(), pruned.attempts(), retention);
            }
            return Optional.of(pruned);
        } finally {
            leases.releaseLease(LEASE, node);
        }
    }

    private void runQuietly() {
        try {
            runOnce(clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("webhook retention failed (tried again in the next interval): {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }
}
