package io.keywarden.server.audit;

import io.keywarden.core.audit.AuditRecord;
import io.keywarden.core.identity.Account;
import io.keywarden.core.port.AuditStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes audit records with group commit: one writer thread takes whatever records are waiting (up to
 * {@link #MAX_BATCH}) and appends them to the chain in one transaction. A call that changes something waits for
 * the commit that holds its record before it is answered ({@link #write} completes then), so an acknowledged
 * change always has its event; under load many such calls share one commit. Reads do not wait ({@link #submit}), and
 * their events linger up to {@link #READ_LINGER_MILLIS} to share a commit.
 * A record that cannot be written after {@link #ATTEMPTS} tries fails its waiting call (which then answers 500
 * rather than acknowledge a change without its event), or is counted as dropped for a read. Shutdown writes what is
 * queued.
 *
 * <p>Back-pressure, never loss: while more than {@link #MAX_UNWAITED} events wait, a read waits for its own event's
 * commit too, so a server receiving reads faster than the trail can store them slows down to the trail's pace
 * instead of dropping events or filling its memory.
 */
@Singleton
public class AuditWriter {
    static final int MAX_BATCH = 2_000;
    static final int ATTEMPTS = 3;
    /** Events that may wait unwaited-for; beyond this, reads wait for their commit (back-pressure). */
    static final int MAX_UNWAITED = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(AuditWriter.class);

    /** How long events of reads may wait for company before they are written (none wait once a change arrives). */
    static final long READ_LINGER_MILLIS = 100;

    private record Pending(AuditRecord record, CompletableFuture<Void> written, boolean waitedFor) {
    }

    /** Lock-free: a read's event costs the request one CAS, no wake-up of the writer. */
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AuditStore store;
    private final Account account;
    private final Thread thread;
    private final Timer batchTimer;
    private final Counter written;
    private final Counter dropped;
    private final Counter backPressured;
    private volatile boolean running = true;

    public AuditWriter(AuditStore store, Account account, MeterRegistry registry) {
        this.store = store;
        this.account = account;
        this.batchTimer = Timer.builder("keywarden.audit.batch.write").description("time to append one batch of audit events")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.written = Counter.builder("keywarden.audit.events.written").register(registry);
        this.dropped = Counter.builder("keywarden.audit.events.dropped")
                .description("audit events of reads that could not be written").register(registry);
        this.backPressured = Counter.builder("keywarden.audit.backpressure")
                .description("reads held until their audit event was committed because the trail lagged")
                .register(registry);
        Gauge.builder("keywarden.audit.queue", queued, AtomicInteger::get)
                .description("audit events waiting to be written").register(registry);
        this.thread = new Thread(this::run, "keywarden-audit-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues a record and completes once it is committed (or fails if it cannot be); written without delay. */
    public CompletableFuture<Void> write(AuditRecord record) {
        return enqueue(record, true);
    }

    private CompletableFuture<Void> enqueue(AuditRecord record, boolean waitedFor) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new IllegalStateException("the audit trail is shutting down"));
            return done;
        }
        queued.incrementAndGet();
        queue.add(new Pending(record, done, waitedFor));
        if (waitedFor) {
            LockSupport.unpark(thread);
        }
        return done;
    }

    /**
     * Queues a read's record. Normally it is not waited for: the returned future is already complete, and the record
     * is written with the next change's event or within {@link #READ_LINGER_MILLIS}, together with whatever else
     * arrived, so that reads cost one commit per batch. While more than {@link #MAX_UNWAITED} records wait, the
     * returned future completes only with the record's commit (or fails as {@link #write}'s does): the caller holds
     * its answer until then, which slows a flood of reads to the pace of the trail.
     */
    public CompletableFuture<Void> submit(AuditRecord record) {
        if (queued.get() >= MAX_UNWAITED) {
            backPressured.increment();
            return enqueue(record, true);
        }
        CompletableFuture<Void> done = enqueue(record, false);
        return done.isCompletedExceptionally() ? done : CompletableFuture.completedFuture(null);
    }

    /** Records waiting to be written. */
    public int queued() {
        return queued.get();
    }

    /**
     * Takes what is queued; when it holds only reads, sleeps until a change's event arrives (its enqueuer wakes this
     * thread) or {@link #READ_LINGER_MILLIS} passed, takes what came meanwhile, and writes it all in one batch.
     */
    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                drain(batch);
                if (batch.isEmpty()) {
                    LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(READ_LINGER_MILLIS));
                    continue;
                }
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READ_LINGER_MILLIS);
                while (running && batch.size() < MAX_BATCH && !anyWaitedFor(batch, 0)) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    LockSupport.parkNanos(this, left);
                    drain(batch);
                }
                writeBatch(batch);
            } catch (RuntimeException | Error e) {
                LOG.error("audit writer failed", e);
            } finally {
                batch.clear();
            }
        }
    }

    private void drain(List<Pending> batch) {
        Pending p;
        while (batch.size() < MAX_BATCH && (p = queue.poll()) != null) {
            queued.decrementAndGet();
            batch.add(p);
        }
    }

    private static boolean anyWaitedFor(List<Pending> batch, int from) {
        for (int i = from; i < batch.size(); i++) {
            if (batch.get(i).waitedFor()) {
                return true;
            }
        }
        return false;
    }

    private void writeBatch(List<Pending> batch) {
        List<AuditRecord> records = new ArrayList<>(batch.size());
        batch.forEach(p -> records.add(p.record()));
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            long start = System.nanoTime();
            try {
                store.append(account.id(), records);
                batchTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                written.increment(records.size());
                batch.forEach(p -> p.written().complete(null));
                return;
            } catch (RuntimeException e) {
                last = e;
                LOG.warn("could not write {} audit events (attempt {} of {}): {}", records.size(), attempt, ATTEMPTS,
                        e.toString());
                sleepQuietly(100L * attempt);
            }
        }
        RuntimeException failure = last;
        long lostReads = batch.stream().filter(p -> !p.waitedFor()).count();
        if (lostReads > 0) {
            dropped.increment(lostReads);
            LOG.error("{} audit events of reads were not written: {}", lostReads, String.valueOf(failure));
        }
        batch.forEach(p -> p.written().completeExceptionally(failure));
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what is queued, then stops (graceful shutdown). */
    @PreDestroy
    void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!queue.isEmpty()) {
            LOG.error("{} audit events were not written at shutdown", queue.size());
        }
    }
}
