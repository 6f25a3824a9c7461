package io.keywarden.sdk.rotation;

import io.keywarden.core.keys.KeyStatus;
import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.rotation.CrashingStore.SimulatedCrash;
import io.keywarden.sdk.rotation.CrashingStore.When;
import io.keywarden.sdk.testing.SlowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A rotation whose process dies right before or after each persisted step is finished (or rolled back) by a second
 * run in a new process: a new application loading its key from the credentials file, a new rotator on the same state
 * file. Throughout, the fake service checks after every change that alice never has more than two keys, always has
 * an Active one, and that the key in the credentials file and in the running application is Active.
 */
@SlowTest
class KeyRotatorResumeTest {
    @TempDir
    Path dir;
    RotationHarness h;

    @BeforeEach
    void start() {
        h = new RotationHarness(dir);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private RotationStateStore file() {
        return FileRotationStateStore.create(h.stateFile);
    }

    @ParameterizedTest(name = "crash {1} saving {0}")
    @CsvSource({
            "STARTED, AFTER",       // checked the start, created nothing
            "KEY_CREATED, BEFORE",  // created the key but did not record it
            "KEY_CREATED, AFTER",   // recorded the key; its secret dies with the process
            "SWITCHING, AFTER",     // about to hand the key to the sink
            "SWITCHED, BEFORE",     // the sink has the new key, the state does not say so
            "SWITCHED, AFTER",      // waiting for quiet
            "DEACTIVATED, BEFORE",  // deactivated, not recorded
            "DEACTIVATED, AFTER",   // about to verify
            "VERIFIED, BEFORE",     // verified, not recorded
            "VERIFIED, AFTER"       // about to delete
    })
    void aRotationInterruptedAtAnyStepIsCompletedByTheNextRun(RotationPhase phase, When when) {
        CrashingStore crashing = CrashingStore.at(file(), phase, when);
        assertThatThrownBy(() -> h.rotator().stateStore(crashing).build().rotate()).isInstanceOf(SimulatedCrash.class);
        assertThat(crashing.crashed()).isTrue();
        assertThat(h.keys()).hasSizeBetween(1, 2);

        h.restartApplication();
        RotationReport report = h.rotator().build().rotate();

        assertThat(report.outcome()).isEqualTo(RotationOutcome.COMPLETED);
        assertThat(h.keys()).singleElement().satisfies(k -> {
            assertThat(k.status).isEqualTo(KeyStatus.ACTIVE);
            assertThat(k.id).isEqualTo(report.newAccessKeyId()).isNotEqualTo(h.original.accessKeyId());
        });
        assertThat(h.inFile().accessKeyId()).isEqualTo(report.newAccessKeyId());
        assertThat(h.app.get().resolveCredentials().accessKeyId()).isEqualTo(report.newAccessKeyId());
        assertThat(Files.exists(h.stateFile)).isFalse();
        assertThat(h.fake.violations()).isEmpty();
    }

    @Test
    void aCrashAfterDeletingTheOldKeyButBeforeClearingTheStateIsFinishedByTheNextRun() {
        CrashingStore crashing = CrashingStore.beforeClear(file());
        assertThatThrownBy(() -> h.rotator().stateStore(crashing).build().rotate()).isInstanceOf(SimulatedCrash.class);
        assertThat(h.keys()).hasSize(1);

        h.restartApplication();
        RotationReport report = h.rotator().build().rotate();

        assertThat(report.outcome()).isEqualTo(RotationOutcome.COMPLETED);
        assertThat(report.steps()).singleElement().satisfies(s -> assertThat(s.detail()).contains("already deleted"));
        assertThat(Files.exists(h.stateFile)).isFalse();
        assertThat(h.fake.violations()).isEmpty();
    }

    @Test
    void aRunThatFindsTheNewKeyUnrecordedDeletesItBeforeStartingOver() {
        CrashingStore crashing = CrashingStore.at(file(), RotationPhase.KEY_CREATED, When.BEFORE);
        assertThatThrownBy(() -> h.rotator().stateStore(crashing).build().rotate()).isInstanceOf(SimulatedCrash.class);
        String orphan = h.keys().stream().map(k -> k.id).filter(id -> !id.equals(h.original.accessKeyId()))
                .findFirst().orElseThrow();

        h.restartApplication();
        RotationReport report = h.rotator().build().rotate();

        assertThat(h.fake.log()).contains("DeleteAccessKey alice " + orphan);
        assertThat(report.steps().get(0).detail()).contains("deleted the never-used key " + orphan);
        assertThat(report.newAccessKeyId()).isNotEqualTo(orphan);
    }

    @Test
    void aCrashDuringRollbackIsRolledBackByTheNextRunKeepingAWorkingKey() {
        CrashingStore crashing = CrashingStore.at(file(), RotationPhase.ROLLING_BACK, When.AFTER);
        assertThatThrownBy(() -> h.rotator().stateStore(crashing).healthCheck(() -> false).build().rotate())
                .isInstanceOf(SimulatedCrash.class);

        h.restartApplication();
        RotationReport report = h.rotator().build().rotate();

        assertThat(report.outcome()).isEqualTo(RotationOutcome.ROLLED_BACK);
        // the new process does not know the old secret (the file holds the new key): the old key is reactivated for
        // whatever needed it and the application keeps the working new key
        assertThat(h.keys()).hasSize(2).allSatisfy(k -> assertThat(k.status).isEqualTo(KeyStatus.ACTIVE));
        assertThat(Files.exists(h.stateFile)).isFalse();
        assertThat(h.fake.violations()).isEmpty();
    }

    @Test
    void theStateFileHoldsKeyIdsButNoSecretAndOnlyItsOwnerMayReadIt() throws Exception {
        CrashingStore crashing = CrashingStore.at(file(), RotationPhase.SWITCHED, When.AFTER);
        assertThatThrownBy(() -> h.rotator().stateStore(crashing).build().rotate()).isInstanceOf(SimulatedCrash.class);

        String state = Files.readString(h.stateFile, StandardCharsets.UTF_8);
        assertThat(state).contains("\"phase\" : \"SWITCHED\"").contains(h.original.accessKeyId())
                .contains(h.inFile().accessKeyId())
                .doesNotContain(h.inFile().secretAccessKey()).doesNotContain(h.original.secretAccessKey());
        assertThat(Files.getPosixFilePermissions(h.stateFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(FileRotationStateStore.create(h.stateFile).load()).hasValueSatisfying(s -> {
            assertThat(s.phase()).isEqualTo(RotationPhase.SWITCHED);
            assertThat(s.switchedAt()).isNotNull();
        });
    }

    /**
     * Seeded random schedules: the process dies at a random save (or not at all), the straggler goes on or not, the
     * health check fails or not; runs repeat until the rotation ends. Whatever happens, the invariants hold and the
     * end is a single Active key held by the file and the application, or a rollback with a working key.
     */
    @Test
    void randomCrashSchedulesNeverBreakTheInvariants() {
        for (long seed = 1; seed <= 12; seed++) {
            Random random = new Random(seed);
            try (RotationHarness r = new RotationHarness(dir.resolve("seed-" + seed));
                 KeywardenClient straggler = r.client(r.original)) {
                boolean healthy = random.nextInt(4) != 0;
                java.util.concurrent.atomic.AtomicInteger uses = new java.util.concurrent.atomic.AtomicInteger(
                        random.nextInt(4));
                r.onSleep.set(() -> {
                    if (uses.getAndDecrement() > 0 && r.fake.key(r.original.accessKeyId())
                            .filter(k -> k.status == KeyStatus.ACTIVE).isPresent()) {
                        straggler.callerIdentity();
                    }
                });
                RotationReport last = null;
                for (int run = 0; run < 6 && (last == null || last.outcome() == RotationOutcome.KEY_STILL_IN_USE
                        || last.outcome() == RotationOutcome.OLD_KEY_INACTIVE); run++) {
                    RotationStateStore store = FileRotationStateStore.create(r.stateFile);
                    int crashAt = random.nextInt(9); // 0: no crash; else the n-th save of this run
                    if (crashAt > 0) {
                        store = CrashingStore.atSave(store, crashAt, random.nextBoolean() ? When.BEFORE : When.AFTER);
                    }
                    boolean runHealthy = healthy || run > 0;
                    KeyRotator.Builder builder = r.rotator().stateStore(store)
                            .gracePeriod(random.nextBoolean() ? GracePeriod.none() : GracePeriod.deferred(Duration.ZERO));
                    if (!runHealthy) {
                        builder.healthCheck(() -> false);
                    }
                    try {
                        last = builder.build().rotate();
                    } catch (SimulatedCrash crash) {
                        last = null;
                        r.restartApplication();
                    }
                }
                assertThat(last).as("seed %d", seed).isNotNull();
                assertThat(last.outcome()).as("seed %d", seed)
                        .isIn(RotationOutcome.COMPLETED, RotationOutcome.ROLLED_BACK);
                assertThat(r.fake.violations()).as("seed %d", seed).isEmpty();
                assertThat(r.keys()).as("seed %d", seed).hasSizeBetween(1, 2)
                        .anySatisfy(k -> assertThat(k.id).isEqualTo(r.inFile().accessKeyId()));
                assertThat(r.fake.key(r.inFile().accessKeyId()).orElseThrow().status).isEqualTo(KeyStatus.ACTIVE);
                if (last.outcome() == RotationOutcome.COMPLETED) {
                    assertThat(r.keys()).as("seed %d", seed).hasSize(1);
                }
            }
        }
    }

    @Test
    void theSdkClientCanBeTheRotatingPrincipalAcrossACrash() {
        try (KeywardenClient own = KeywardenClient.builder().endpoint(h.stub.uri())
                .credentialsProvider(h.app.get()).maxRetries(0).build()) {
            CrashingStore crashing = CrashingStore.at(file(), RotationPhase.DEACTIVATED, When.AFTER);
            assertThatThrownBy(() -> h.rotator().client(own).ownKey().stateStore(crashing).build().rotate())
                    .isInstanceOf(SimulatedCrash.class);
        }
        h.restartApplication();
        try (KeywardenClient own = KeywardenClient.builder().endpoint(h.stub.uri())
                .credentialsProvider(h.app.get()).maxRetries(0).build()) {
            RotationReport report = h.rotator().client(own).ownKey().build().rotate();
            assertThat(report.outcome()).isEqualTo(RotationOutcome.COMPLETED);
        }
        assertThat(h.keys()).hasSize(1);
        assertThat(h.fake.violations()).isEmpty();
    }
}
