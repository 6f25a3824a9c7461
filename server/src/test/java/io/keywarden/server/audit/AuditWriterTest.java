package io.keywarden.server.audit;

import io.keywarden.core.audit.AuditChain;
import io.keywarden.core.audit.AuditEvent;
import io.keywarden.core.audit.AuditRecord;
import io.keywarden.core.identity.Account;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.audit.AuditQuery;
import io.keywarden.core.port.AuditStore;
import io.keywarden.core.port.Page;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit writer's promises without a database: reads are not held while the trail keeps up; once more than
 * {@link AuditWriter#MAX_UNWAITED} events wait, a read is held until its own event is committed (back-pressure); and
 * every event submitted is stored, in order, none dropped.
 */
class AuditWriterTest {
    private static final AccountId ACCOUNT = AccountId.of("123456789012");

    private final GatedStore store = new GatedStore();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AuditWriter writer = new AuditWriter(store, new Account(ACCOUNT, Instant.EPOCH), registry);

    @AfterEach
    void close() {
        store.open();
        writer.close();
    }

    @Test
    void readsAreHeldOnlyWhileTheTrailLagsAndNoneIsLost() throws Exception {
        // the first batch blocks in the store: everything submitted meanwhile waits in the queue
        writer.write(read(0));
        assertThat(store.entered.await(5, TimeUnit.SECONDS)).isTrue();

        List<CompletableFuture<Void>> free = new ArrayList<>();
        for (int i = 1; i <= AuditWriter.MAX_UNWAITED; i++) {
            free.add(writer.submit(read(i)));
        }
        assertThat(free).allSatisfy(f -> assertThat(f).isCompleted());

        CompletableFuture<Void> held = writer.submit(read(AuditWriter.MAX_UNWAITED + 1));
        assertThat(held).isNotDone();
        assertThat(registry.counter("keywarden.audit.backpressure").count()).isEqualTo(1.0);

        store.open();
        held.get(10, TimeUnit.SECONDS);
        assertThat(store.stored).hasSize(AuditWriter.MAX_UNWAITED + 2);
        for (int i = 0; i < store.stored.size(); i++) {
            assertThat(store.stored.get(i).requestId()).isEqualTo("req-" + i);
        }
        assertThat(registry.counter("keywarden.audit.events.dropped").count()).isZero();
    }

    @Test
    void aReadIsNotHeldWhileTheTrailKeepsUp() throws Exception {
        store.open();
        CompletableFuture<Void> submitted = writer.submit(read(0));
        assertThat(submitted).isCompleted();
        CompletableFuture<Void> change = writer.write(read(1));
        change.get(10, TimeUnit.SECONDS);
        assertThat(store.stored).extracting(AuditRecord::requestId).containsExactly("req-0", "req-1");
    }

    private static AuditRecord read(int i) {
        return new AuditRecord("event-" + i, Instant.parse("2026-11-29T00:00:00Z").plusMillis(i), ACCOUNT.value(),
                "sts.amazonaws.com", "GetCallerIdentity", true, "Root", "arn:aws:iam::123456789012:root",
                ACCOUNT.value(), null, "AKIAQYLPMN5HHHFPZAM2", "127.0.0.1", "test", null, null, null, null,
                "req-" + i, 200);
    }

    /** Stores in memory; its first append blocks until {@link #open()}. */
    private static final class GatedStore implements AuditStore {
        final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch gate = new CountDownLatch(1);
        final List<AuditRecord> stored = new ArrayList<>();

        void open() {
            gate.countDown();
        }

        @Override
        public synchronized List<AuditEvent> append(AccountId account, List<AuditRecord> records) {
            entered.countDown();
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<AuditEvent> events = new ArrayList<>();
            for (AuditRecord r : records) {
                stored.add(r);
                events.add(AuditChain.link(r, stored.size(), AuditChain.GENESIS));
            }
            return events;
        }

        @Override
        public Page<AuditEvent> lookup(AuditQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AuditEvent> chain(AccountId account, long afterSeq, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Head head(AccountId account) {
            return new Head(stored.size(), AuditChain.GENESIS);
        }

        @Override
        public java.util.Optional<io.keywarden.core.audit.AuditCheckpoint> checkpoint(AccountId account) {
            return java.util.Optional.empty();
        }
    }
}
