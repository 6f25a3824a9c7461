package io.keywarden.sdk.rotation;

import io.keywarden.core.keys.KeyStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each step on its own, against the harness's fake service: it does its part once, and run a second time on the same
 * run it changes nothing (no request, no save, no sink write, no event, no wait) and returns the same next step or
 * report. A {@link World} snapshot taken before the second run must equal the one after it.
 */
class RotationStepsTest {
    final AtomicInteger saves = new AtomicInteger();
    final AtomicInteger sinkWrites = new AtomicInteger();
    final AtomicInteger healthChecks = new AtomicInteger();
    volatile boolean healthy = true;
    final RotationHarness h;
    final RotationContext ctx;

    RotationStepsTest(@TempDir Path dir) {
        h = new RotationHarness(dir);
        ctx = newRun();
    }

    @AfterEach
    void closeHarness() {
        h.close();
    }

    /** Everything a step could change or cause. */
    record World(List<String> changes, int requests, int saves, int sinkWrites, int healthChecks, int events,
                 int sleeps, String credentialsFile, Optional<RotationState> stored) {
    }

    private World world() {
        return new World(List.copyOf(h.fake.log()), h.stub.requests().size(), saves.get(), sinkWrites.get(),
                healthChecks.get(), h.events.size(), h.sleeps.size(), h.fileText(),
                FileRotationStateStore.create(h.stateFile).load());
    }

    /** A run of a new rotation of alice's key, before any step, with counting store, sink and health check. */
    private RotationContext newRun() {
        RotationStateStore file = FileRotationStateStore.create(h.stateFile);
        KeyRotator rotator = h.rotator()
                .stateStore(new RotationStateStore() {
                    @Override
                    public Optional<RotationState> load() {
                        return file.load();
                    }

                    @Override
                    public void save(RotationState state) {
                        saves.incrementAndGet();
                        file.save(state);
                    }

                    @Override
                    public void clear() {
                        file.clear();
                    }
                })
                .sink(credentials -> {
                    sinkWrites.incrementAndGet();
                    h.sink.store(credentials);
                })
                .healthCheck(() -> {
                    healthChecks.incrementAndGet();
                    return healthy;
                })
                .build();
        RotationContext ctx = new RotationContext(rotator.settings());
        ctx.state(RotationState.started(RotationHarness.USER, h.original.accessKeyId(), ctx.now()));
        ctx.captureCredentials(List.of());
        return ctx;
    }

    /** Runs the steps the rotation is due for until {@code target} is due. */
    private static void advanceTo(RotationContext ctx, Step target) {
        Next next = Next.from(ctx);
        while (!next.runs(target)) {
            assertThat(next.isDone()).as("the run ended before %s was due", target.getClass().getSimpleName())
                    .isFalse();
            next = next.step().run(ctx);
        }
    }

    /**
     * Runs the steps before {@code step}, then {@code step} twice: the first time it must act, the second change
     * nothing and answer the same.
     */
    private Next runTwice(Step step) {
        advanceTo(ctx, step);
        World before = world();
        Next first = step.run(ctx);
        World between = world();
        assertThat(between).as("the first run acts").isNotEqualTo(before);

        Next second = step.run(ctx);

        assertThat(second).as("the same next step or report").isEqualTo(first);
        assertThat(world()).as("no second side effect").isEqualTo(between);
        return first;
    }

    @Test
    void createKeyCreatesOneKeyAndThenPointsAtTheSwitch() {
        Next next = runTwice(Next.CREATE_KEY);

        assertThat(next.step()).isSameAs(Next.SWITCH);
        assertThat(h.fake.log()).filteredOn(e -> e.startsWith("CreateAccessKey")).hasSize(1);
        assertThat(ctx.state().phase()).isEqualTo(RotationPhase.KEY_CREATED);
        assertThat(ctx.newCredentials().accessKeyId()).isEqualTo(ctx.state().newAccessKeyId());
        assertThat(h.keys()).hasSize(2);
    }

    @Test
    void switchHandsTheNewKeyOutOnceAndThenPointsAtTheWait() {
        Next next = runTwice(Next.SWITCH);

        assertThat(next.step()).isSameAs(Next.WAIT_FOR_QUIET);
        assertThat(sinkWrites).hasValue(1);
        assertThat(h.inFile().accessKeyId()).isEqualTo(ctx.state().newAccessKeyId());
        assertThat(h.app.get().resolveCredentials().accessKeyId()).isEqualTo(ctx.state().newAccessKeyId());
        assertThat(ctx.state().phase()).isEqualTo(RotationPhase.SWITCHED);
    }

    @Test
    void waitForQuietPollsOnceThroughAndThenPointsAtDeactivation() {
        Next next = runTwice(Next.WAIT_FOR_QUIET);

        assertThat(next.step()).isSameAs(Next.DEACTIVATE);
        assertThat(ctx.hasSeen(RotationContext.Seen.OLD_KEY_QUIET)).isTrue();
        assertThat(h.sleeps).isNotEmpty();
        assertThat(ctx.state().phase()).as("nothing persisted: a later run waits again")
                .isEqualTo(RotationPhase.SWITCHED);
    }

    @Test
    void deactivationIsNotDueUntilTheOldKeyWasSeenQuiet() {
        advanceTo(ctx, Next.WAIT_FOR_QUIET);
        World before = world();

        Next next = Next.DEACTIVATE.run(ctx);

        assertThat(next.step()).isSameAs(Next.WAIT_FOR_QUIET);
        assertThat(world()).isEqualTo(before);
        assertThat(h.fake.key(h.original.accessKeyId()).orElseThrow().status).isEqualTo(KeyStatus.ACTIVE);
    }

    @Test
    void deactivateMakesTheOldKeyInactiveOnceAndThenPointsAtVerification() {
        Next next = runTwice(Next.DEACTIVATE);

        assertThat(next.step()).isSameAs(Next.VERIFY);
        assertThat(h.fake.log()).containsOnlyOnce("UpdateAccessKey alice " + h.original.accessKeyId() + " Inactive");
        assertThat(h.fake.key(h.original.accessKeyId()).orElseThrow().status).isEqualTo(KeyStatus.INACTIVE);
        assertThat(ctx.state().phase()).isEqualTo(RotationPhase.DEACTIVATED);
    }

    @Test
    void verifyChecksTheApplicationOnceAndThenPointsAtDeletion() {
        Next next = runTwice(Next.VERIFY);

        assertThat(next.step()).isSameAs(Next.DELETE_OLD_KEY);
        assertThat(healthChecks).hasValue(1);
        assertThat(ctx.state().phase()).isEqualTo(RotationPhase.VERIFIED);
        assertThat(ctx.state().deleteNotBefore()).isNotNull();
    }

    @Test
    void aFailedVerificationDecidesOnARollbackOnce() {
        healthy = false;

        Next next = runTwice(Next.VERIFY);

        assertThat(next.step()).isSameAs(Next.ROLLBACK);
        assertThat(healthChecks).hasValue(1);
        assertThat(ctx.rollbackReason()).startsWith("the health check failed after " + h.original.accessKeyId());
    }

    @Test
    void deleteOldKeyDeletesOnceAndThenAnswersWithTheSameReport() {
        Next next = runTwice(Next.DELETE_OLD_KEY);

        assertThat(next.isDone()).isTrue();
        assertThat(next.report().outcome()).isEqualTo(RotationOutcome.COMPLETED);
        assertThat(h.fake.log()).containsOnlyOnce("DeleteAccessKey alice " + h.original.accessKeyId());
        assertThat(h.keys()).singleElement().satisfies(k -> assertThat(k.id).isEqualTo(ctx.state().newAccessKeyId()));
        assertThat(h.stateFile).doesNotExist();
    }

    @Test
    void rollbackUndoesOnceAndThenAnswersWithTheSameReport() {
        healthy = false;
        advanceTo(ctx, Next.ROLLBACK);
        String newKey = ctx.state().newAccessKeyId();

        Next next = runTwice(Next.ROLLBACK);

        assertThat(next.report().outcome()).isEqualTo(RotationOutcome.ROLLED_BACK);
        assertThat(h.fake.log()).containsOnlyOnce("UpdateAccessKey alice " + h.original.accessKeyId() + " Active")
                .containsOnlyOnce("DeleteAccessKey alice " + newKey);
        assertThat(h.keys()).singleElement().satisfies(k -> assertThat(k.id).isEqualTo(h.original.accessKeyId()));
        assertThat(h.inFile().accessKeyId()).isEqualTo(h.original.accessKeyId());
        assertThat(h.fake.violations()).isEmpty();
    }

    @Test
    void aStepThatIsNotDueChangesNothingAndPointsAtTheOneThatIs() {
        World before = world();

        for (Step notDue : List.of(Next.SWITCH, Next.WAIT_FOR_QUIET, Next.DEACTIVATE, Next.VERIFY,
                Next.DELETE_OLD_KEY, Next.ROLLBACK)) {
            assertThat(notDue.run(ctx).step()).as(notDue.getClass().getSimpleName()).isSameAs(Next.CREATE_KEY);
        }
        assertThat(world()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(RotationPhase.class)
    void everyUnfinishedPhaseHasOneStepDueAndAFinishedOneNone(RotationPhase phase) {
        Instant t = ctx.now();
        ctx.resume(new RotationState(phase, RotationHarness.USER, "AKIAOLD", "AKIANEW", t, t, t, null, null, null));

        if (phase.isTerminal()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Next.from(ctx))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("finished rotation");
            return;
        }
        Step expected = switch (phase) {
            case STARTED -> Next.CREATE_KEY;
            case KEY_CREATED, SWITCHING -> Next.SWITCH;
            case SWITCHED -> Next.WAIT_FOR_QUIET;
            case DEACTIVATED -> Next.VERIFY;
            case VERIFIED -> Next.DELETE_OLD_KEY;
            default -> Next.ROLLBACK;
        };
        assertThat(Next.from(ctx).step()).isSameAs(expected);
    }
}
