package io.keywarden.server.cluster;

import io.keywarden.core.session.Session;
import io.keywarden.core.session.SessionRevocations;
import io.keywarden.server.persistence.JdbcRevokedSessions;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

/**
 * The revoked console sessions of this node, in memory: loaded at start, added to at once by a sign-out on this node
 * and by the {@link io.keywarden.server.cluster.ChangeFeed} for sign-outs on other nodes; expired ones are dropped
 * every few minutes (from memory and from the table). {@link #isRevoked} is one hash lookup.
 */
@Singleton
public class RevokedSessionList implements SessionRevocations {
    private static final Logger LOG = LoggerFactory.getLogger(RevokedSessionList.class);
    /** The longest a session lasts: a revocation heard of without its expiry is kept this long. */
    private static final Duration LONGEST_SESSION = Duration.ofHours(36);

    private final JdbcRevokedSessions store;
    private final Clock clock;
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> pruning;

    public RevokedSessionList(JdbcRevokedSessions store, Clock clock,
                              @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.store = store;
        this.clock = clock;
        revoked.putAll(store.unexpired(clock.instant()));
        this.pruning = scheduler.scheduleWithFixedDelay(Duration.ofMinutes(5), Duration.ofMinutes(5), this::prune);
    }

    @Override
    public void revoke(Session session) {
        store.revoke(session.accessKeyId(), session.expiresAt());
        revoked.put(session.accessKeyId(), session.expiresAt());
    }

    @Override
    public boolean isRevoked(String accessKeyId) {
        return revoked.containsKey(accessKeyId);
    }

    /** Another node revoked {@code accessKeyId} (from the change feed, off the event loop). */
    public void revokedElsewhere(String accessKeyId) {
        Instant expiry;
        try {
            expiry = store.expiryOf(accessKeyId).orElse(null);
        } catch (RuntimeException e) {
            expiry = null;
        }
        revoked.put(accessKeyId, expiry != null ? expiry : clock.instant().plus(LONGEST_SESSION));
    }

    /** How many revoked sessions this node holds (for tests and metrics). */
    public int size() {
        return revoked.size();
    }

    void prune() {
        Instant now = clock.instant();
        revoked.values().removeIf(expiry -> expiry.isBefore(now));
        try {
            store.pruneBefore(now);
        } catch (RuntimeException e) {
            LOG.debug("could not prune revoked sessions: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        pruning.cancel(false);
    }
}
