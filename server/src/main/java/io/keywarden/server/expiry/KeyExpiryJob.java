package io.keywarden.server.expiry;

import io.keywarden.core.expiry.KeyExpiryService;
import io.keywarden.core.port.LeaseStore;
import io.keywarden.core.port.Transactions;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * Applies the account's key expiry policy ({@link KeyExpiryService#enforce}) every {@code keywarden.key-hygiene.interval}
 * (1 h; the first run {@code initial-delay} after start) on exactly one node at a time: the node that takes the lease
 * {@code key-expiry} (a row of the lease table, taken by a conditional UPDATE with an expiry) runs, the others skip
 * this round. Each action and its audit event (and so its notification in the outbox) commit in one transaction, and
 * what was done is remembered in the database, so a run on another node later does nothing twice.
 */
@Context
public class KeyExpiryJob {
    static final String LEASE = "key-expiry";
    static final Duration LEASE_TTL = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(KeyExpiryJob.class);

    private final KeyExpiryService expiry;
    private final LeaseStore leases;
    private final Transactions tx;
    private final Clock clock;
    private final String node;
    private final ScheduledFuture<?> schedule;
    private final java.util.concurrent.atomic.AtomicLong runs = new java.util.concurrent.atomic.AtomicLong();

    public KeyExpiryJob(KeyExpiryService expiry, LeaseStore leases, Transactions tx,
                        Clock clock, KeyExpiryConfig config, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.expiry = expiry;
        this.leases = leases;
        this.tx = tx;
        this.clock = clock;
        this.node = config.getNode();
        this.schedule = scheduler.scheduleWithFixedDelay(config.getInitialDelay(), config.getInterval(),
                this::runQuietly);
    }

    /** This node's name, as the events of its actions give it. */
    public String node() {
        return node;
    }

    /** Scheduled runs finished on this node, with or without the lease (for tests and diagnostics). */
    public long runs() {
        return runs.get();
    }

    /** One run with the server's clock. */
    public List<KeyExpiryService.Applied> runOnce() {
        return runOnce(clock);
    }

    /**
     * One run as of {@code now}'s time: takes the lease (or does nothing when another node holds it), applies the
     * policy, gives the lease back.
     */
    public List<KeyExpiryService.Applied> runOnce(Clock now) {
        if (!leases.tryLease(LEASE, node, clock.instant(), LEASE_TTL)) {
            LOG.debug("key expiry: another node holds the lease");
            return List.of();
        }
        try {
            List<KeyExpiryService.Applied> done = expiry.enforce(now.instant(), node, tx);
            for (KeyExpiryService.Applied a : done) {
                LOG.info("key expiry policy: {} access key {} of {} ({})", a.action().wireName(), a.accessKeyId(),
                        a.userName() == null ? "the root user" : a.userName(), a.reason());
            }
            return done;
        } finally {
            leases.releaseLease(LEASE, node);
        }
    }

    private void runQuietly() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.error("key expiry run failed; what was done is committed, the rest is retried next run: {}",
                    e.toString());
        } finally {
            runs.incrementAndGet();
        }
    }

    @PreDestroy
    void stop() {
        schedule.cancel(false);
    }
}
