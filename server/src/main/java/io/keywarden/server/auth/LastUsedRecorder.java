package io.keywarden.server.auth;

import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.keys.LastUsed;
import io.keywarden.core.port.AccessKeyStore;
import io.keywarden.server.config.KeywardenConfig;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
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

/**
 * Records each successful authentication's date, service and region (SPEC §3.4) without a database write per
 * request: uses coalesce in memory (latest wins per key) and are flushed in one batch every
 * {@code keywarden.last-used.flush-interval} on the scheduler, and once more on shutdown.
 */
@Singleton
public class LastUsedRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(LastUsedRecorder.class);

    private final ConcurrentHashMap<AccessKeyId, LastUsed> pending = new ConcurrentHashMap<>();
    private final AccessKeyStore keys;
    private final ScheduledFuture<?> schedule;
    private final Object flushLock = new Object();

    public LastUsedRecorder(AccessKeyStore keys, KeywardenConfig.LastUsed config,
                            @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.keys = keys;
        Duration interval = config.getFlushInterval();
        this.schedule = scheduler.scheduleWithFixedDelay(interval, interval, this::flushQuietly);
    }

    /** Notes a use; cheap and non-blocking (one map merge). */
    public void record(AccessKeyId key, Instant when, String service, String region) {
        LastUsed used = new LastUsed(when, service, region);
        pending.merge(key, used, LastUsed::latest);
    }

    /** Uses noted but not yet written (for tests and metrics). */
    public int pendingCount() {
        return pending.size();
    }

    /** Writes every pending use in one batch; on failure they go back into the queue for the next flush. */
    public void flush() {
        synchronized (flushLock) {
            if (pending.isEmpty()) {
                return;
            }
            Map<AccessKeyId, LastUsed> batch = new HashMap<>();
            for (AccessKeyId id : pending.keySet()) {
                LastUsed used = pending.remove(id);
                if (used != null) {
                    batch.put(id, used);
                }
            }
            try {
                keys.recordLastUsed(batch);
            } catch (RuntimeException e) {
                batch.forEach((id, used) -> pending.merge(id, used, LastUsed::latest));
                throw e;
            }
        }
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
