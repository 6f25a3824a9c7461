package io.keywarden.sdk.rotation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileRotationStateStoreTest {
    @TempDir
    Path dir;

    @Test
    void aStateSurvivesTheRoundTripAndClearingRemovesTheFile() {
        FileRotationStateStore store = FileRotationStateStore.create(dir.resolve("state.json"));
        assertThat(store.load()).isEmpty();
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        RotationState state = new RotationState(RotationPhase.VERIFIED, "alice", "AKIAOLD", "AKIANEW", t,
                t.plusSeconds(5), t.plusSeconds(1), t.plusSeconds(3), t.plusSeconds(86_400), null);

        store.save(state);
        assertThat(store.load()).contains(state);
        store.save(state.moveTo(RotationPhase.ROLLING_BACK, t.plusSeconds(9)).withReason("health check failed"));
        assertThat(store.load()).hasValueSatisfying(s -> {
            assertThat(s.phase()).isEqualTo(RotationPhase.ROLLING_BACK);
            assertThat(s.reason()).isEqualTo("health check failed");
        });

        store.clear();
        assertThat(store.load()).isEmpty();
        assertThat(Files.exists(dir.resolve("state.json"))).isFalse();
        store.clear(); // idempotent
    }

    @Test
    void aBrokenOrForeignFileIsReportedNotIgnored() throws IOException {
        Path file = Files.writeString(dir.resolve("state.json"), "{\"version\":1,\"phase\":\"NOPE\"}");
        assertThatThrownBy(() -> FileRotationStateStore.create(file).load())
                .isInstanceOf(RotationException.class).hasMessageContaining("not a valid rotation state");

        Files.writeString(file, "{\"version\":2}");
        assertThatThrownBy(() -> FileRotationStateStore.create(file).load())
                .isInstanceOf(RotationException.class).hasMessageContaining("version 2");

        Files.writeString(file, "not json");
        assertThatThrownBy(() -> FileRotationStateStore.create(file).load())
                .isInstanceOf(RotationException.class);
    }

    @Test
    void aStateBeyondTheStartMustNameItsNewKey() {
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        assertThatThrownBy(() -> new RotationState(RotationPhase.SWITCHED, "alice", "AKIAOLD", null, t, t, null, null,
                null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
