package io.keywarden.server.cluster;

import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.port.KeyChangeListener;
import io.keywarden.core.port.PolicyChangeListener;
import io.keywarden.server.settings.KeywardenConfig;
import io.keywarden.server.persistence.JdbcChangeLog;
import io.keywarden.server.persistence.JdbcChangeLog.Change;
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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps this node's caches correct when other nodes sharing the database change keys or policies: every
 * {@code keywarden.cluster.poll-interval} (200 ms) it reads the change-log entries after the last one it saw (one
 * indexed query, no work when nothing changed) and drops the cached state they name. The authentication path never
 * reads the database for this.
 *
 * <p>Entry numbers come from a sequence, and a transaction that took a lower number may commit after one with a
 * higher number. So a number skipped over is remembered for {@link #GAP_PATIENCE} and the entries after it are read
 * again until it shows up (invalidation is idempotent) or the wait ends (its transaction rolled back). When polling
 * fails (database unreachable) and later succeeds, every cache is dropped, since changes may have been pruned.
 */
@Context
public class ChangeFeed {
    static final Duration GAP_PATIENCE = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
    private static final int BATCH = 1000;
    private static final int MAX_TRACKED_GAPS = 10_000;

    private final JdbcChangeLog log;
    private final List<KeyChangeListener> keyListeners;
    private final List<PolicyChangeListener> policyListeners;
    private final List<CacheInvalidation> caches;
    private final RevokedSessionList revokedSessions;
    private final Clock clock;
    private final Duration retention;
    private final ScheduledFuture<?> polling;
    private final ScheduledFuture<?> pruning;
    private final Object lock = new Object();
    /** Missing entry numbers below {@link #maxSeen}, with when they were first missed. */
    private final Map<Long, Instant> gaps = new LinkedHashMap<>();
    private final AtomicLong applied = new AtomicLong();
    private long maxSeen;
    private boolean failing;
    private volatile Instant lastPoll;

    public ChangeFeed(JdbcChangeLog log, List<KeyChangeListener> keyListeners,
                      List<PolicyChangeListener> policyListeners, List<CacheInvalidation> caches,
                      KeywardenConfig.Cluster config, Clock clock,
                      @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler, RevokedSessionList revokedSessions) {
        this.log = log;
        this.revokedSessions = revokedSessions;
        this.keyListeners = List.copyOf(keyListeners);
        this.policyListeners = List.copyOf(policyListeners);
        this.caches = List.copyOf(caches);
        this.clock = clock;
        this.retention = config.getChangeRetention();
        this.maxSeen = log.lastSeq();
        this.lastPoll = clock.instant();
        Duration interval = config.getPollInterval();
        this.polling = scheduler.scheduleWithFixedDelay(interval, interval, this::pollQuietly);
        this.pruning = scheduler.scheduleWithFixedDelay(Duration.ofMinutes(1), Duration.ofMinutes(5), this::prune);
    }

    /** Reads and applies the new entries; returns how many were applied. */
    public int poll() {
        synchronized (lock) {
            int total = 0;
            while (true) {
                long from = gaps.isEmpty() ? maxSeen : Math.min(maxSeen, gaps.keySet().iterator().next() - 1);
                List<Change> changes = log.since(from, BATCH);
                Instant now = clock.instant();
                for (Change c : changes) {
                    if (c.seq() > maxSeen) {
                        for (long missing = maxSeen + 1; missing < c.seq() && gaps.size() < MAX_TRACKED_GAPS; missing++) {
                            gaps.put(missing, now);
                        }
                        maxSeen = c.seq();
                        apply(c);
                        total++;
                    } else if (gaps.remove(c.seq()) != null) {
                        apply(c);
                        total++;
                    }
                }
                for (Iterator<Instant> it = gaps.values().iterator(); it.hasNext(); ) {
                    if (Duration.between(it.next(), now).compareTo(GAP_PATIENCE) > 0) {
                        it.remove();
                    }
                }
                lastPoll = now;
                if (changes.size() < BATCH) {
                    return total;
                }
            }
        }
    }

    /** When the last poll succeeded (for health and metrics). */
    public Instant lastPoll() {
        return lastPoll;
    }

    /** Entries applied since start. */
    public long appliedCount() {
        return applied.get();
    }

    private void apply(Change c) {
        applied.incrementAndGet();
        if (c.kind() == null) {
            // written by a newer node: be safe
            caches.forEach(CacheInvalidation::invalidateAll);
            policyListeners.forEach(PolicyChangeListener::allPoliciesChanged);
            return;
        }
        switch (c.kind()) {
            case ACCESS_KEY -> {
                AccessKeyId id;
                try {
                    id = AccessKeyId.of(c.subject());
                } catch (RuntimeException e) {
                    return;
                }
                keyListeners.forEach(l -> l.accessKeyChanged(id));
            }
            case USER_POLICIES -> policyListeners.forEach(l -> l.userPoliciesChanged(c.subject()));
            case ROLE_POLICIES -> policyListeners.forEach(l -> l.rolePoliciesChanged(c.subject()));
            case ALL_POLICIES -> policyListeners.forEach(PolicyChangeListener::allPoliciesChanged);
            case SESSION_REVOKED -> revokedSessions.revokedElsewhere(c.subject());
        }
    }

    private void pollQuietly() {
        try {
            poll();
            if (failing) {
                failing = false;
                LOG.info("change log readable again; dropping every cache");
                caches.forEach(CacheInvalidation::invalidateAll);
                policyListeners.forEach(PolicyChangeListener::allPoliciesChanged);
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("could not read the change log, will retry: {}", e.toString());
            }
            failing = true;
        }
    }

    private void prune() {
        try {
            int n = log.pruneBefore(clock.instant().minus(retention));
            if (n > 0) {
                LOG.debug("pruned {} change-log entries", n);
            }
        } catch (RuntimeException e) {
            LOG.debug("could not prune the change log: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        polling.cancel(false);
        pruning.cancel(false);
    }
}
