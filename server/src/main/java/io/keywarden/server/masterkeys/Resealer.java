package io.keywarden.server.masterkeys;

import io.keywarden.core.service.MasterKeyService;
import io.keywarden.server.settings.KeywardenConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the background re-seal ({@link MasterKeyService#reseal}) on this node: every {@code keywarden.reseal.interval}
 * it checks (one indexed query) whether secrets are sealed under an older master key version and, if so, tries to take
 * the lease; the node that gets it re-seals in batches of {@code keywarden.reseal.batch-size}, pausing
 * {@code keywarden.reseal.pause} between batches, on one low-priority thread of its own, so request traffic (the
 * blocking executor, the database pool) keeps priority.
 *
 * <p>Metrics: {@code keywarden.reseal.resealed} (counter, this node), {@code keywarden.reseal.remaining} (gauge,
 * secrets not under the newest version, as of this node's last check), {@code keywarden.reseal.leader} (1 while this
 * node holds the lease). Logs: the start and end of each run with counts.
 */
@Context
public class Resealer {
    private static final Logger LOG = LoggerFactory.getLogger(Resealer.class);

    private final MasterKeyService service;
    private final KeywardenConfig.Reseal config;
    private final String holder;
    private final ScheduledExecutorService executor;
    private final Counter resealed;
    private final AtomicLong remaining = new AtomicLong();
    private final AtomicLong leader = new AtomicLong();
    private volatile boolean stopping;

    public Resealer(MasterKeyService service, KeywardenConfig.Reseal config, MeterRegistry registry) {
        this.service = service;
        this.config = config;
        // unique per process and per server instance (tests run several in one JVM)
        this.holder = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.resealed = Counter.builder("keywarden.reseal.resealed")
                .description("secrets this node re-sealed under the newest master key version").register(registry);
        Gauge.builder("keywarden.reseal.remaining", remaining, AtomicLong::get)
                .description("secrets not yet sealed under the newest master key version").register(registry);
        Gauge.builder("keywarden.reseal.leader", leader, AtomicLong::get)
                .description("1 while this node holds the re-seal lease").register(registry);
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "keywarden-reseal");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    /** Starts once the context is up: the start-up checks (every version in use configured) have passed then. */
    @EventListener
    void onStartup(StartupEvent event) {
        if (config.isEnabled() && !stopping) {
            long interval = config.getInterval().toMillis();
            executor.scheduleWithFixedDelay(this::runOnce, Math.min(interval, 1000), interval, TimeUnit.MILLISECONDS);
        }
    }

    /** This node's name in the lease. */
    public String holder() {
        return holder;
    }

    void runOnce() {
        if (stopping) {
            return;
        }
        try {
            MasterKeyService.Status status = service.status();
            remaining.set(status.remaining());
            if (status.remaining() == 0 && status.state() == MasterKeyService.ResealState.FINISHED
                    && status.reseal().finishedAt() != null
                    && Integer.valueOf(status.newestVersion()).equals(status.reseal().targetVersion())) {
                return; // nothing to do, and recorded so
            }
            if (status.remaining() > 0) {
                LOG.info("master key re-seal: {} secret(s) not under version {}; trying to take the lease as {}",
                        status.remaining(), status.newestVersion(), holder);
            }
            AtomicLong done = new AtomicLong();
            MasterKeyService.Run run = service.reseal(holder, config.getLease(), config.getBatchSize(), n -> {
                leader.set(1);
                resealed.increment(n);
                remaining.updateAndGet(r -> Math.max(0, r - n));
                if (done.addAndGet(n) % (config.getBatchSize() * 100L) < n) {
                    LOG.info("master key re-seal: {} secret(s) re-sealed so far in this run, about {} to go",
                            done.get(), remaining.get());
                }
                return pause();
            });
            leader.set(0);
            switch (run.outcome()) {
                case FINISHED -> {
                    remaining.set(0);
                    if (run.resealed() > 0 || status.remaining() > 0) {
                        LOG.info("master key re-seal finished: every secret is sealed under version {} ({} re-sealed"
                                + " by {} in this run); older versions can be retired (docs/operations.md)",
                                status.newestVersion(), run.resealed(), holder);
                    }
                }
                case NOT_LEASED -> LOG.debug("master key re-seal: another node holds the lease");
                case LEASE_LOST -> LOG.warn("master key re-seal: lost the lease after {} secret(s); another node goes"
                        + " on", run.resealed());
                case STOPPED -> LOG.info("master key re-seal stopped after {} secret(s) (shutting down); it goes on at"
                        + " the next start or on another node", run.resealed());
                case NOT_CONFIGURED -> LOG.warn("master key re-seal: this node lacks a master key version in use;"
                        + " it leaves the re-seal to others");
                case FAILED -> LOG.warn("master key re-seal failed after {} secret(s): {}", run.resealed(),
                        service.status().reseal().lastError());
            }
        } catch (RuntimeException e) {
            leader.set(0);
            if (!stopping) {
                LOG.warn("master key re-seal: {}", e.toString());
            }
        }
    }

    private boolean pause() {
        if (stopping) {
            return false;
        }
        long millis = config.getPause().toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !stopping;
    }

    @PreDestroy
    void stop() {
        stopping = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
