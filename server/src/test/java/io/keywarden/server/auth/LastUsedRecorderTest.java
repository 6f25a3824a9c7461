package io.keywarden.server.auth;

import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.keys.LastUsed;
import io.keywarden.server.settings.KeywardenConfig;
import io.keywarden.server.support.FakeStores;
import io.micronaut.scheduling.ScheduledExecutorTaskScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class LastUsedRecorderTest {
    private static final AccessKeyId A = AccessKeyId.of("AKIAQYLPMN5HHHFPZAAA");
    private static final AccessKeyId B = AccessKeyId.of("AKIAQYLPMN5HHHFPZBBB");
    private static final Instant T = Instant.parse("2026-03-04T05:06:07Z");

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final FakeStores.Keys store = new FakeStores.Keys();

    @AfterEach
    void shutdown() {
        executor.shutdownNow();
    }

    private LastUsedRecorder recorder(Duration interval) {
        KeywardenConfig.LastUsed config = new KeywardenConfig.LastUsed();
        config.setFlushInterval(interval);
        return new LastUsedRecorder(store, new io.keywarden.core.testing.InMemoryRoleStore(), config,
                new ScheduledExecutorTaskScheduler(executor));
    }

    @Test
    void manyUsesCoalesceIntoOneBatchWhereTheLatestWins() {
        LastUsedRecorder recorder = recorder(Duration.ofHours(1));
        for (int i = 0; i < 1000; i++) {
            recorder.record(A, T.plusMillis(i), "iam", "us-east-1");
        }
        recorder.record(A, T.minusSeconds(60), "sts", "eu-west-1"); // late arrival of an older use
        recorder.record(B, T, "sts", "eu-west-1");
        assertThat(store.batches).as("nothing is written per request").isEmpty();
        recorder.flush();
        assertThat(store.batches).containsExactly(Map.of(
                A, new LastUsed(T.plusMillis(999), "iam", "us-east-1"),
                B, new LastUsed(T, "sts", "eu-west-1")));
        recorder.flush();
        assertThat(store.batches).as("an empty flush writes nothing").hasSize(1);
    }

    @Test
    void aFailedFlushKeepsItsRecordsForTheNextOne() {
        LastUsedRecorder recorder = recorder(Duration.ofHours(1));
        recorder.record(A, T, "iam", "us-east-1");
        store.failNextBatch = new IllegalStateException("database down");
        assertThatThrownBy(recorder::flush).hasMessage("database down");
        recorder.record(A, T.minusSeconds(1), "sts", "x");
        assertThat(recorder.pendingCount()).isEqualTo(1);
        recorder.flush();
        assertThat(store.batches).containsExactly(Map.of(A, new LastUsed(T, "iam", "us-east-1")));
    }

    @Test
    void theSchedulerFlushesEveryInterval() throws InterruptedException {
        LastUsedRecorder recorder = recorder(Duration.ofMillis(20));
        recorder.record(A, T, "iam", "us-east-1");
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(10)).until(() -> !store.batches.isEmpty());
        assertThat(store.batches).containsExactly(Map.of(A, new LastUsed(T, "iam", "us-east-1")));
    }

    @Test
    void closingFlushesWhatIsPending() {
        LastUsedRecorder recorder = recorder(Duration.ofHours(1));
        recorder.record(B, T, "sts", "ap-south-1");
        recorder.close();
        assertThat(store.batches).containsExactly(Map.of(B, new LastUsed(T, "sts", "ap-south-1")));
    }
}
