package io.keywarden.sdk.rotation;

import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.sigv4.SigningCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * State files exactly as the SDK wrote them before the rotator was split into steps (captured byte for byte from
 * {@link RotationHarness} runs that stopped after saving each phase; {@code state-v1/*.json}) are resumed by today's
 * rotator: the persisted format is a promise to operators whose rotation spans an upgrade.
 *
 * <p>The harness's fake service is seeded, so alice's first key is {@link #OLD} and the next one it makes is
 * {@link #NEW}, the IDs the files name; each test rebuilds the world the file describes (which keys exist, which is
 * Inactive, what the credentials file holds) and runs the rotator once.
 */
class StateFileCompatibilityTest {
    static final String OLD = "AKIAXUXALP4XWSL6DI3W";
    static final String NEW = "AKIAOYOO56DVT5GXT5TB";

    final RotationHarness h;

    StateFileCompatibilityTest(@TempDir Path dir) {
        h = new RotationHarness(dir);
    }

    @AfterEach
    void closeHarness() {
        h.close();
    }

    /** Puts the captured file in place and makes alice's second key, as the captured run had. */
    private SigningCredentials world(String phase, boolean oldInactive, boolean fileHoldsNew) throws IOException {
        assertThat(h.original.accessKeyId()).as("the seeded fake's first key").isEqualTo(OLD);
        try (InputStream in = getClass().getResourceAsStream("state-v1/" + phase + ".json")) {
            assertThat(in).as("fixture %s", phase).isNotNull();
            Files.copy(in, h.stateFile);
        }
        SigningCredentials created = h.fake.addKey(RotationHarness.USER);
        assertThat(created.accessKeyId()).as("the seeded fake's second key").isEqualTo(NEW);
        if (fileHoldsNew) {
            h.sink.store(created);
            h.restartApplication();
        }
        if (oldInactive) {
            h.fake.setStatus(OLD, KeyStatus.INACTIVE);
        }
        return created;
    }

    @Test
    void aFileWrittenAfterCreatingTheKeyDeletesTheNeverUsedKeyAndStartsOver() throws IOException {
        world("KEY_CREATED", false, false);

        RotationReport report = h.rotator().build().rotate();

        assertThat(h.fake.log()).contains("DeleteAccessKey alice " + NEW);
        assertThat(report.outcome()).isEqualTo(RotationOutcome.COMPLETED);
        assertThat(report.newAccessKeyId()).isNotIn(OLD, NEW);
        assertThat(h.keys()).singleElement().satisfies(k -> assertThat(k.id).isEqualTo(report.newAccessKeyId()));
        assertThat(h.fake.violations()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "SWITCHED,    false, WAIT_FOR_QUIET DEACTIVATE VERIFY DELETE_OLD_KEY", // waiting for quiet
            "DEACTIVATED, true,  VERIFY DELETE_OLD_KEY"                         // about to verify
    })
    void aFileWrittenMidwayIsCompletedFromItsPhase(String phase, boolean oldInactive, String remainingSteps)
            throws IOException {
        world(phase, oldInactive, true);

        RotationReport report = h.rotator().build().rotate();

        assertCompletedOnTheNewKey(report);
        assertThat(report.steps()).extracting(s -> s.step().name())
                .containsExactly(remainingSteps.split(" "));
    }

    @Test
    void aFileWithADeferredDeletionKeepsItsDateAndIsCompletedOnceItHasPassed() throws IOException {
        world("VERIFIED", true, true);
        GracePeriod week = GracePeriod.deferred(Duration.ofDays(7));

        RotationReport early = h.rotator().gracePeriod(week).build().rotate();
        assertThat(early.outcome()).isEqualTo(RotationOutcome.OLD_KEY_INACTIVE);
        assertThat(early.deleteNotBefore()).isEqualTo(Instant.parse("2026-12-08T10:00:31Z"));
        assertThat(h.keys()).hasSize(2);

        h.clock.advance(Duration.ofDays(8));
        RotationReport report = h.rotator().gracePeriod(week).build().rotate();

        assertCompletedOnTheNewKey(report);
    }

    @Test
    void aFileWrittenWhileRollingBackIsRolledBackWithItsReason() throws IOException {
        world("ROLLING_BACK", true, true);

        RotationReport report = h.rotator().build().rotate();

        assertThat(report.outcome()).isEqualTo(RotationOutcome.ROLLED_BACK);
        assertThat(report.why()).hasValueSatisfying(why -> assertThat(why)
                .startsWith("the health check failed after " + OLD + " was deactivated: it answered false"));
        // this process never knew the old secret: the old key is reactivated and the application keeps the new one
        assertThat(h.keys()).hasSize(2).allSatisfy(k -> assertThat(k.status).isEqualTo(KeyStatus.ACTIVE));
        assertThat(h.inFile().accessKeyId()).isEqualTo(NEW);
        assertThat(Files.exists(h.stateFile)).isFalse();
        assertThat(h.fake.violations()).isEmpty();
    }

    private void assertCompletedOnTheNewKey(RotationReport report) {
        assertThat(report.outcome()).isEqualTo(RotationOutcome.COMPLETED);
        assertThat(report.oldAccessKeyId()).isEqualTo(OLD);
        assertThat(report.newAccessKeyId()).isEqualTo(NEW);
        assertThat(h.keys()).singleElement().satisfies(k -> {
            assertThat(k.id).isEqualTo(NEW);
            assertThat(k.status).isEqualTo(KeyStatus.ACTIVE);
        });
        assertThat(h.inFile().accessKeyId()).isEqualTo(NEW);
        assertThat(h.app.get().resolveCredentials().accessKeyId()).isEqualTo(NEW);
        assertThat(Files.exists(h.stateFile)).isFalse();
        assertThat(h.fake.violations()).isEmpty();
    }
}
