package io.keywarden.server.auth;

import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.keys.LastUsed;
import io.keywarden.core.identity.RoleLastUsed;
import io.keywarden.core.port.AccessKeyStore;
import io.keywarden.core.port.RoleStore;
import io.keywarden.server.settings.KeywardenConfig;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records each successful authentication's date, service and region (SPEC §3.4) without a database write per
 * request: uses coalesce in memory (latest wins per key) and are flushed in one batch every
 * {@code keywarden.last-used.flush-interval} on the scheduler, and once more on shutdown.
 */
@Singleton
public class LastUsedRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(LastUsedRecorder.class);

    private final ConcurrentHashMap<AccessKeyId, LastUsed> pending = new ConcurrentHashMap<>();
    /** Roles whose sessions made requests (RoleLastUsed), by role ID; flushed with the keys. */
    private final ConcurrentHashMap<String, RoleLastUsed> pendingRoles = new ConcurrentHashMap<>();
    private final AccessKeyStore keys;
    private final RoleStore roles;
    private final ScheduledFuture<?> schedule;
    private final Object flushLock = new Object();

    /** System.nanoTime() of the oldest use not yet written, or 0 when nothing is pending. */
    private final AtomicLong oldestPending = new AtomicLong();
    private final Timer flushTimer;

    @Inject
    public LastUsedRecorder(AccessKeyStore keys, RoleStore roles, KeywardenConfig.LastUsed config,
                            @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler, MeterRegistry registry) {
        this.keys = keys;
        this.roles = roles;
        this.flushTimer = Timer.builder("keywarden.last.used.flush").description("time to write one batch of last-used"
                + " records").register(registry);
        Gauge.builder("keywarden.last.used.pending", pending, Map::size)
                .description("keys with a use not yet written").register(registry);
        Gauge.builder("keywarden.last.used.flush.lag", this, r -> r.flushLag().toNanos() / 1e9)
                .description("age of the oldest use not yet written (0 when none)").baseUnit("seconds")
                .register(registry);
        Duration interval = config.getFlushInterval();
        this.schedule = scheduler.scheduleWithFixedDelay(interval, interval, this::flushQuietly);
    }

    public LastUsedRecorder(AccessKeyStore keys, RoleStore roles, KeywardenConfig.LastUsed config,
                            TaskScheduler scheduler) {
        this(keys, roles, config, scheduler, new io.micrometer.core.instrument.composite.CompositeMeterRegistry());
    }

    /** How long the oldest use not yet written has waited (zero when none waits). */
    public Duration flushLag() {
        long since = oldestPending.get();
        return since == 0 ? Duration.ZERO : Duration.ofNanos(Math.max(0, System.nanoTime() - since));
    }

    /** Notes a use; cheap and non-blocking (one map merge). */
    public void record(AccessKeyId key, Instant when, String service, String region) {
        LastUsed used = new LastUsed(when, service, region);
        pending.merge(key, used, LastUsed::latest);
        oldestPending.compareAndSet(0, System.nanoTime());
    }

    /**
     * Notes a request of a session of the role {@code roleId} (IAM's RoleLastUsed: date and region); cheap and
     * non-blocking, written with the next flush.
     */
    public void recordRole(String roleId, Instant when, String region) {
        pendingRoles.merge(roleId, new RoleLastUsed(when, region), RoleLastUsed::latest);
        oldestPending.compareAndSet(0, System.nanoTime());
    }

    /** Uses noted but not yet written (for tests and metrics). */
    public int pendingCount() {
        return pending.size();
    }

    /** Writes every pending use in one batch; on failure they go back into the queue for the next flush. */
    public void flush() {
        synchronized (flushLock) {
            flushRoles();
            if (pending.isEmpty()) {
                oldestPending.set(0);
                return;
            }
            long since = oldestPending.getAndSet(0);
            long start = System.nanoTime();
            Map<AccessKeyId, LastUsed> batch = drain(pending);
            try {
                keys.recordLastUsed(batch);
                flushTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            } catch (RuntimeException e) {
                batch.forEach((id, used) -> pending.merge(id, used, LastUsed::latest));
                oldestPending.compareAndSet(0, since == 0 ? start : since);
                throw e;
            }
        }
    }

    /** Writes the roles' pending uses; on failure they go back into the queue for the next flush. */
    private void flushRoles() {
        if (pendingRoles.isEmpty()) {
            return;
        }
        Map<String, RoleLastUsed> batch = drain(pendingRoles);
        try {
            roles.recordLastUsed(batch);
        } catch (RuntimeException e) {
            batch.forEach((id, used) -> pendingRoles.merge(id, used, RoleLastUsed::latest));
            throw e;
        }
    }

    /** Takes every pending entry out of {@code pending} (uses noted meanwhile stay for the next flush). */
    private static <K, V> Map<K, V> drain(ConcurrentHashMap<K, V> pending) {
        Map<K, V> batch = new HashMap<>();
        for (K id : pending.keySet()) {
            V used = pending.remove(id);
            if (used != null) {
                batch.put(id, used);
            }
        }
        return batch;
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("could not write last-used records ({} keys pending), will retry: {}", pending.size(),
                    e.toString());
        }
    }

    @PreDestroy
    void close() {
        schedule.cancel(false);
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.error("could not write {} last-used records on shutdown: {}", pending.size(), e.toString());
        }
    }
}
