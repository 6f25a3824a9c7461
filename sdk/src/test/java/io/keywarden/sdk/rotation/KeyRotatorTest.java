package io.keywarden.sdk.rotation;

import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.auth.MutableCredentialsProvider;
import io.keywarden.sdk.auth.ProfileCredentialsProvider;
import io.keywarden.sdk.auth.StaticCredentialsProvider;
import io.keywarden.sdk.testing.FakeKeyService;
import io.keywarden.sdk.testing.SlowTest;
import io.keywarden.sdk.testing.StubServer.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SlowTest
class KeyRotatorTest {
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
        assertThat(h.fake.violations()).isEmpty();
    }

    @Test
    void aUserWithOneKeyIsRotatedThroughAllSixSteps() {
        String old = h.original.accessKeyId();

        RotationReport report = h.rotator().build().rotate();

        assertThat(report.outcome()).isEqualTo(RotationOutcome.COMPLETED);
        assertThat(report.oldAccessKeyId()).isEqualTo(old);
        String fresh = report.newKeyId().orElseThrow();
        assertThat(h.keys()).extracting(k -> k.id + " " + k.status.wireName()).containsExactly(fresh + " Active");
        assertThat(h.app.get().resolveCredentials().accessKeyId()).isEqualTo(fresh);
        assertThat(h.inFile().accessKeyId()).isEqualTo(fresh);
        assertThat(h.fake.log()).containsExactly("CreateAccessKey alice " + fresh,
                "UpdateAccessKey alice " + old + " Inactive", "DeleteAccessKey alice " + old);
        assertThat(report.steps()).extracting(RotationReport.StepTiming::step).containsExactly(
                RotationStep.CREATE_KEY, RotationStep.SWITCH, RotationStep.WAIT_FOR_QUIET, RotationStep.DEACTIVATE,
                RotationStep.VERIFY, RotationStep.DELETE_OLD_KEY);
        assertThat(report.duration(RotationStep.WAIT_FOR_QUIET)).contains(Duration.ofSeconds(30));
        assertThat(report.duration(RotationStep.VERIFY)).contains(Duration.ofSeconds(1)); // the health-check delay
        assertThat(report.total()).isEqualTo(Duration.ofSeconds(31));
        assertThat(h.events(RotationEvent.StepStarted.class)).hasSize(6);
        assertThat(h.events(RotationEvent.StepFinished.class)).extracting(RotationEvent.StepFinished::detail)
                .contains("created " + fresh, "deactivated " + old, "deleted " + old);
        assertThat(h.events.get(0)).isInstanceOf(RotationEvent.Started.class);
        assertThat(h.events.get(h.events.size() - 1)).isInstanceOf(RotationEvent.Finished.class);
        assertThat(h.events(RotationEvent.Waiting.class)).isNotEmpty()
                .allSatisfy(w -> assertThat(w.accessKeyId()).isEqualTo(old));
        assertThat(Files.exists(h.stateFile)).isFalse();
    }

    @Test
    void theRotatedProfileIsTheOnlyPartOfTheFileThatChanges() {
        String before = h.fileText();
        RotationReport report = h.rotator().build().rotate();
        SigningCredentials now = h.inFile();

        assertThat(h.fileText()).isEqualTo(before.replace(h.original.accessKeyId(), now.accessKeyId())
                .replace(h.original.secretAccessKey(), now.secretAccessKey()));
        assertThat(report.newKeyId()).contains(now.accessKeyId());
    }

    @Test
    void aSecondInactiveKeyStopsTheRotationUnlessDeletingItIsAllowed() {
        SigningCredentials spare = h.fake.addKey("alice");
        h.fake.setStatus(spare.accessKeyId(), KeyStatus.INACTIVE);

        assertThatThrownBy(() -> h.rotator().build().rotate())
                .isInstanceOf(RotationException.class)
                .hasMessageContaining(h.original.accessKeyId()).hasMessageContaining(spare.accessKeyId())
                .hasMessageContaining("Inactive").hasMessageContaining("deleteInactiveKeyFirst");
        assertThat(h.fake.log()).isEmpty();
        assertThat(Files.exists(h.stateFile)).isFalse();

        RotationReport report = h.rotator().deleteInactiveKeyFirst(true).build().rotate();

        assertThat(report.outcome()).isEqualTo(RotationOutcome.COMPLETED);
        assertThat(h.fake.log().get(0)).isEqualTo("DeleteAccessKey alice " + spare.accessKeyId());
        assertThat(h.keys()).hasSize(1);
        assertThat(report.steps().get(0).detail()).contains("deleted the Inactive key " + spare.accessKeyId());
    }

    @Test
    void twoActiveKeysStopTheRotationWithAnErrorNamingBoth() {
        SigningCredentials second = h.fake.addKey("alice");

        assertThatThrownBy(() -> h.rotator().deleteInactiveKeyFirst(true).build().rotate())
                .isInstanceOf(RotationException.class)
                .hasMessageContaining("two Active access keys")
                .hasMessageContaining(h.original.accessKeyId()).hasMessageContaining(second.accessKeyId());
        assertThat(h.fake.log()).isEmpty();
        assertThat(h.events(RotationEvent.Failed.class)).hasSize(1);
    }

    @Test
    void aKeyTheUserDoesNotHaveOrAnInactiveKeyIsRefused() {
        assertThatThrownBy(() -> h.rotator().accessKeyId("AKIANOTALICESKEY2345").build().rotate())
                .isInstanceOf(RotationException.class).hasMessageContaining("has no access key AKIANOTALICESKEY2345");

        h.fake.setStatus(h.original.accessKeyId(), KeyStatus.INACTIVE);
        assertThatThrownBy(() -> h.rotator().build().rotate())
                .isInstanceOf(RotationException.class).hasMessageContaining("is Inactive");
        assertThat(h.fake.log()).isEmpty();
    }

    @Test
    void aFailingHealthCheckAfterDeactivationRollsBack() {
        String old = h.original.accessKeyId();

        RotationReport report = h.rotator().healthCheck(() -> {
            throw new IllegalStateException("the nightly job cannot log in");
        }).build().rotate();

        assertThat(report.outcome()).isEqualTo(RotationOutcome.ROLLED_BACK);
        assertThat(report.why()).hasValueSatisfying(r -> assertThat(r)
                .contains("health check failed").contains("the nightly job cannot log in"));
        String fresh = h.fake.log().get(0).substring("CreateAccessKey alice ".length());
        assertThat(h.keys()).extracting(k -> k.id + " " + k.status.wireName()).containsExactly(old + " Active");
        assertThat(h.app.get().resolveCredentials()).isEqualTo(h.original);
        assertThat(h.inFile()).isEqualTo(h.original);
        assertThat(h.fake.log()).containsExactly("CreateAccessKey alice " + fresh,
                "UpdateAccessKey alice " + old + " Inactive", "UpdateAccessKey alice " + old + " Active",
                "DeleteAccessKey alice " + fresh);
        assertThat(h.events(RotationEvent.RollbackStarted.class)).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("the nightly job cannot log in"));
        assertThat(h.events(RotationEvent.RolledBack.class)).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("reactivated " + old).contains("deleted " + fresh));
        // after switching back, the rotator waited for the new key to fall quiet before deleting it
        assertThat(h.events(RotationEvent.Waiting.class)).anySatisfy(w -> {
            assertThat(w.step()).isEqualTo(RotationStep.ROLLBACK);
            assertThat(w.accessKeyId()).isEqualTo(fresh);
        });
        assertThat(Files.exists(h.stateFile)).isFalse();
    }

    @Test
    void aHealthCheckAnsweringFalseCountsAsAFailure() {
        RotationReport report = h.rotator().healthCheck(() -> false).build().rotate();

        assertThat(report.outcome()).isEqualTo(RotationOutcome.ROLLED_BACK);
        assertThat(report.why()).hasValueSatisfying(r -> assertThat(r).contains("answered false"));
    }

    @Test
    void theDefaultHealthCheckFailsWhenTheApplicationDoesNotHoldTheNewKey() {
        // something puts the old key back into the application right after the deactivation
        MutableCredentialsProvider provider = h.app.get();
        RotationReport report = h.rotator().listener(e -> {
            if (e instanceof RotationEvent.StepFinished f && f.step() == RotationStep.DEACTIVATE) {
                provider.set(h.original);
            }
        }).build().rotate();

        assertThat(report.outcome()).isEqualTo(RotationOutcome.ROLLED_BACK);
        assertThat(report.why()).hasValueSatisfying(r -> assertThat(r).contains("the application holds "
                + h.original.accessKeyId()));
        assertThat(h.keys()).extracting(k -> k.id + " " + k.status.wireName())
                .containsExactly(h.original.accessKeyId() + " Active");
    }

    @Test
    void aKeyStillInUseIsNotDeactivatedAndTheReportSaysWhere() {
        String old = h.original.accessKeyId();
        try (KeywardenClient straggler = h.client(h.original, "eu-west-1")) {
            h.onSleep.set(straggler::callerIdentity);

            RotationReport report = h.rotator().build().rotate();

            assertThat(report.outcome()).isEqualTo(RotationOutcome.KEY_STILL_IN_USE);
            assertThat(report.lastUseOfOldKey()).hasValueSatisfying(u -> {
                assertThat(u.accessKeyId()).isEqualTo(old);
                assertThat(u.serviceName()).isEqualTo("sts");
                assertThat(u.region()).isEqualTo("eu-west-1");
                assertThat(u.date()).isNotNull();
            });
            assertThat(report.why()).hasValueSatisfying(r -> assertThat(r).contains(old).contains("sts")
                    .contains("eu-west-1").contains("not deactivated"));
            assertThat(report.duration(RotationStep.WAIT_FOR_QUIET)).contains(Duration.ofMinutes(5));
            assertThat(h.fake.log()).noneMatch(line -> line.startsWith("UpdateAccessKey"));
            assertThat(h.keys()).allSatisfy(k -> assertThat(k.status).isEqualTo(KeyStatus.ACTIVE)).hasSize(2);
            assertThat(h.events(RotationEvent.KeyInUse.class)).isNotEmpty();
            assertThat(h.inFile().accessKeyId()).isEqualTo(report.newAccessKeyId());
            assertThat(Files.exists(h.stateFile)).isTrue();

            // once the straggler has moved, the next run resumes waiting and completes
            h.onSleep.set(() -> { });
            RotationReport second = h.rotator().build().rotate();
            assertThat(second.outcome()).isEqualTo(RotationOutcome.COMPLETED);
            assertThat(second.newAccessKeyId()).isEqualTo(report.newAccessKeyId());
            assertThat(h.keys()).extracting(k -> k.id).containsExactly(report.newAccessKeyId());
        }
    }

    @Test
    void everyUseOfTheOldKeyRestartsTheQuietPeriod() {
        AtomicInteger uses = new AtomicInteger(3);
        try (KeywardenClient straggler = h.client(h.original)) {
            h.onSleep.set(() -> {
                if (uses.getAndDecrement() > 0) {
                    straggler.callerIdentity();
                }
            });

            RotationReport report = h.rotator().build().rotate();

            assertThat(report.outcome()).isEqualTo(RotationOutcome.COMPLETED);
            assertThat(h.events(RotationEvent.KeyInUse.class)).hasSize(3);
            // three polls of 5 s saw a use, then 30 s of quiet
            assertThat(report.duration(RotationStep.WAIT_FOR_QUIET)).contains(Duration.ofSeconds(45));
        }
    }

    @Test
    void aNewKeyThatIsNeverAcceptedIsDeletedBeforeAnythingSwitches() {
        AtomicInteger refused = new AtomicInteger();
        h.fake.intercept(r -> {
            boolean signedByNewKey = r.header("Authorization").orElse("").contains("Credential=AKIA")
                    && !r.header("Authorization").orElse("").contains(h.original.accessKeyId())
                    && !r.header("Authorization").orElse("").contains(FakeKeyService.ROOT.accessKeyId());
            if (signedByNewKey) {
                refused.incrementAndGet();
                return Answer.error(403, "InvalidClientTokenId", "not yet", "r");
            }
            return null;
        });

        RotationReport report = h.rotator().newKeyVerificationTimeout(Duration.ofSeconds(10)).build().rotate();

        assertThat(report.outcome()).isEqualTo(RotationOutcome.ROLLED_BACK);
        assertThat(report.why()).hasValueSatisfying(r -> assertThat(r).contains("did not work"));
        assertThat(refused.get()).isGreaterThan(3);
        assertThat(h.keys()).extracting(k -> k.id).containsExactly(h.original.accessKeyId());
        assertThat(h.inFile()).isEqualTo(h.original);
        assertThat(h.app.get().resolveCredentials()).isEqualTo(h.original);
        assertThat(h.fake.log()).hasSize(2).last().asString().startsWith("DeleteAccessKey");
    }

    @Test
    void aNewKeyRefusedAtFirstIsRetriedUntilItWorks() {
        AtomicInteger refusals = new AtomicInteger(2);
        h.fake.intercept(r -> r.rawPath().endsWith("caller-identity") && refusals.getAndDecrement() > 0
                ? Answer.error(403, "InvalidClientTokenId", "not yet", "r") : null);

        assertThat(h.rotator().build().rotate().outcome()).isEqualTo(RotationOutcome.COMPLETED);
        assertThat(h.sleeps).startsWith(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void theCallersOwnKeyIsRotatedWithoutTheRotatorKeepingTheOldKeyBusy() {
        // the application's client signs with the hot-swapped provider; it rotates its own key ("~")
        try (KeywardenClient own = KeywardenClient.builder().endpoint(h.stub.uri())
                .credentialsProvider(h.app.get()).maxRetries(0).build()) {
            RotationReport report = h.rotator().client(own).ownKey().build().rotate();

            assertThat(report.outcome()).isEqualTo(RotationOutcome.COMPLETED);
            assertThat(report.userName()).isEqualTo("~");
            assertThat(report.duration(RotationStep.WAIT_FOR_QUIET)).contains(Duration.ofSeconds(30));
            assertThat(h.keys()).extracting(k -> k.id).containsExactly(report.newAccessKeyId());
        }
    }

    @Test
    void aClientStuckOnTheOldKeyIsReplacedByOneSigningWithTheNewKeyForTheLaterSteps() {
        try (KeywardenClient stuck = h.client(h.original)) {
            RotationReport report = h.rotator().client(stuck).ownKey().build().rotate();

            assertThat(report.outcome()).isEqualTo(RotationOutcome.COMPLETED);
            // the polls were not signed with the old key, so it fell quiet after exactly the quiet period
            assertThat(report.duration(RotationStep.WAIT_FOR_QUIET)).contains(Duration.ofSeconds(30));
            assertThat(h.keys()).extracting(k -> k.id).containsExactly(report.newAccessKeyId());
        }
    }

    @Test
    void aGracePeriodWithinTheRunIsWaitedOutBeforeDeleting() {
        RotationReport report = h.rotator().gracePeriod(GracePeriod.of(Duration.ofMinutes(10))).build().rotate();

        assertThat(report.outcome()).isEqualTo(RotationOutcome.COMPLETED);
        assertThat(report.duration(RotationStep.DELETE_OLD_KEY)).contains(Duration.ofMinutes(10));
        assertThat(h.events(RotationEvent.Waiting.class)).anyMatch(w -> w.step() == RotationStep.DELETE_OLD_KEY);
    }

    @Test
    void aDeferredDeletionLeavesTheOldKeyInactiveForALaterRun() {
        String old = h.original.accessKeyId();
        RotationReport first = h.rotator().gracePeriod(GracePeriod.deferred(Duration.ofDays(1))).build().rotate();

        assertThat(first.outcome()).isEqualTo(RotationOutcome.OLD_KEY_INACTIVE);
        assertThat(first.deleteNotBefore()).isEqualTo(h.clock.instant().plus(Duration.ofDays(1)));
        assertThat(h.fake.key(old).orElseThrow().status).isEqualTo(KeyStatus.INACTIVE);
        assertThat(Files.exists(h.stateFile)).isTrue();

        h.restartApplication();
        RotationReport tooEarly = h.rotator().gracePeriod(GracePeriod.deferred(Duration.ofDays(1))).build().rotate();
        assertThat(tooEarly.outcome()).isEqualTo(RotationOutcome.OLD_KEY_INACTIVE);
        assertThat(h.fake.key(old)).isPresent();

        h.clock.advance(Duration.ofDays(1));
        RotationReport later = h.rotator().gracePeriod(GracePeriod.deferred(Duration.ofDays(1))).build().rotate();
        assertThat(later.outcome()).isEqualTo(RotationOutcome.COMPLETED);
        assertThat(later.steps()).extracting(RotationReport.StepTiming::step)
                .containsExactly(RotationStep.DELETE_OLD_KEY);
        assertThat(h.keys()).extracting(k -> k.id).containsExactly(first.newAccessKeyId());
        assertThat(Files.exists(h.stateFile)).isFalse();
    }

    @Test
    void aKeyReactivatedDuringItsGracePeriodIsNotDeleted() {
        String old = h.original.accessKeyId();
        h.rotator().gracePeriod(GracePeriod.deferred(Duration.ZERO)).build().rotate();
        h.fake.setStatus(old, KeyStatus.ACTIVE);

        h.restartApplication();
        assertThatThrownBy(() -> h.rotator().build().rotate())
                .isInstanceOf(RotationException.class).hasMessageContaining("was reactivated");
        assertThat(h.fake.key(old)).isPresent();
        assertThat(Files.exists(h.stateFile)).isFalse();
    }

    @Test
    void rollbackOnRequestUndoesARotationThatStoppedWaiting() {
        KeyRotator rotator = h.rotator().build();
        try (KeywardenClient straggler = h.client(h.original)) {
            h.onSleep.set(straggler::callerIdentity);
            assertThat(rotator.rotate().outcome()).isEqualTo(RotationOutcome.KEY_STILL_IN_USE);
        }
        h.onSleep.set(() -> { });
        assertThat(rotator.pendingRotation()).hasValueSatisfying(s -> assertThat(s.phase())
                .isEqualTo(RotationPhase.SWITCHED));

        RotationReport report = rotator.rollback();

        assertThat(report.outcome()).isEqualTo(RotationOutcome.ROLLED_BACK);
        assertThat(h.keys()).extracting(k -> k.id).containsExactly(h.original.accessKeyId());
        assertThat(h.inFile()).isEqualTo(h.original);
        assertThat(h.app.get().resolveCredentials()).isEqualTo(h.original);
        assertThat(Files.exists(h.stateFile)).isFalse();
        assertThatThrownBy(rotator::rollback).isInstanceOf(RotationException.class)
                .hasMessageContaining("no unfinished rotation");
    }

    @Test
    void aRollbackInAnotherProcessWithoutTheOldSecretKeepsBothKeysWorking() {
        try (KeywardenClient straggler = h.client(h.original)) {
            h.onSleep.set(straggler::callerIdentity);
            assertThat(h.rotator().build().rotate().outcome()).isEqualTo(RotationOutcome.KEY_STILL_IN_USE);
        }
        h.onSleep.set(() -> { });
        h.restartApplication(); // a new process: the file and the application hold only the new key

        RotationReport report = h.rotator().build().rollback();

        assertThat(report.outcome()).isEqualTo(RotationOutcome.ROLLED_BACK);
        assertThat(report.why()).hasValueSatisfying(r -> assertThat(r).contains("secret is not known"));
        assertThat(h.keys()).hasSize(2).allSatisfy(k -> assertThat(k.status).isEqualTo(KeyStatus.ACTIVE));
        assertThat(report.newAccessKeyId()).isEqualTo(h.inFile().accessKeyId());
    }

    @Test
    void anUnfinishedRotationOfAnotherKeyInTheStoreIsNotTouched() {
        FileRotationStateStore.create(h.stateFile).save(RotationState.started("bob", "AKIABOBSKEYBOBSKEY22",
                h.clock.instant()));

        assertThatThrownBy(() -> h.rotator().build().rotate())
                .isInstanceOf(RotationException.class).hasMessageContaining("AKIABOBSKEYBOBSKEY22")
                .hasMessageContaining("'bob'");
        assertThat(h.fake.log()).isEmpty();
    }

    @Test
    void aListenerThatThrowsCannotStopTheRotation() {
        RotationReport report = h.rotator().listener(e -> {
            throw new IllegalStateException("broken listener");
        }).build().rotate();

        assertThat(report.outcome()).isEqualTo(RotationOutcome.COMPLETED);
    }

    @Test
    void aFailedCallLeavesTheProgressForTheNextRun() {
        h.fake.intercept(r -> r.method().equals("PATCH") ? Answer.error(500, "InternalFailure", "boom", "r") : null);

        assertThatThrownBy(() -> h.rotator().build().rotate())
                .isInstanceOf(RotationException.class)
                .hasMessageContaining("deactivate old key").hasMessageContaining("phase SWITCHED")
                .satisfies(e -> assertThat(((RotationException) e).state()).hasValueSatisfying(
                        s -> assertThat(s.phase()).isEqualTo(RotationPhase.SWITCHED)));

        h.fake.intercept(r -> null);
        assertThat(h.rotator().build().rotate().outcome()).isEqualTo(RotationOutcome.COMPLETED);
    }

    @Test
    void eventsDescribeThemselvesWithoutSecrets() {
        KeyRotator rotator = h.rotator().build();
        RotationReport report = rotator.rotate();
        SigningCredentials now = h.inFile();

        assertThat(List.of(report, rotator, h.sink, CallbackSink.create(c -> { }))).allSatisfy(o -> assertThat(
                o.toString()).doesNotContain(now.secretAccessKey()).doesNotContain(h.original.secretAccessKey()));

        assertThat(h.events).allSatisfy(e -> assertThat(e.describe()).isNotBlank()
                .doesNotContain(now.secretAccessKey()).doesNotContain(h.original.secretAccessKey()));
        assertThat(h.events(RotationEvent.Finished.class).get(0).describe()).contains("rotated "
                + h.original.accessKeyId() + " -> " + now.accessKeyId());
    }

    @Test
    void theBuilderChecksItsSettings() {
        assertThatThrownBy(() -> KeyRotator.builder().sink(h.sink).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("client");
        assertThatThrownBy(() -> KeyRotator.builder().client(h.admin).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nothing would switch");
        assertThatThrownBy(() -> h.rotator().quietPeriod(Duration.ofMinutes(10)).quietPeriodTimeout(
                Duration.ofMinutes(1)).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quietPeriodTimeout");
        assertThatThrownBy(() -> h.rotator().pollInterval(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> h.rotator().quietPeriod(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> h.rotator().userName(" ").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GracePeriod.of(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(List.of(GracePeriod.none(), GracePeriod.of(Duration.ofHours(1)), GracePeriod.deferred(Duration.ZERO)))
                .extracting(GracePeriod::toString).containsExactly("GracePeriod[none]", "GracePeriod[PT1H]",
                        "GracePeriod[deferred to a later run, at least PT0S]");
    }

    @Test
    void withoutAProviderTheKeyToRotateIsTheOneInTheSink() {
        // the application reads the file on every request
        h.appView.set(ProfileCredentialsProvider.builder().environment(Map.of()).credentialsFile(h.credentialsFile)
                .profileName(RotationHarness.PROFILE).reloadCheckInterval(Duration.ZERO).build());
        RotationReport report = KeyRotator.builder().client(h.admin).userName("alice").sink(h.sink)
                .quietPeriod(Duration.ZERO).clock(h.clock).sleeper(h.clock::advance)
                .healthCheck(() -> {
                    try (KeywardenClient c = h.client(h.inFile())) {
                        return c.callerIdentity();
                    }
                }).build().rotate();

        assertThat(report.outcome()).isEqualTo(RotationOutcome.COMPLETED);
        assertThat(report.oldAccessKeyId()).isEqualTo(h.original.accessKeyId());
        assertThat(h.keys()).extracting(k -> k.id).containsExactly(h.inFile().accessKeyId());
    }

    @Test
    void aStaticProviderIsNotAcceptedAsTheHotSwapTarget() {
        // compile-time: credentialsProvider(...) takes the MutableCredentialsProvider; a static one cannot swap
        assertThat(StaticCredentialsProvider.create(h.original).resolveCredentials()).isEqualTo(h.original);
    }
}
