package io.keywarden.sdk.rotation;

import java.util.Objects;

/**
 * What a {@link Step} hands back: the step to run next, or the report the run ends with (exactly one of the two).
 * {@link #from} is the one table of which step a rotation is due for; the driver starts there, and every step checks
 * it first, which is what makes a step run twice do nothing the second time.
 *
 * @param step   the step to run next, or {@code null} when the run is over
 * @param report how the run ended, or {@code null} while it goes on
 */
record Next(Step step, RotationReport report) {
    static final Step CREATE_KEY = new CreateKey();
    static final Step SWITCH = new Switch();
    static final Step WAIT_FOR_QUIET = new WaitForQuiet();
    static final Step DEACTIVATE = new Deactivate();
    static final Step VERIFY = new Verify();
    static final Step DELETE_OLD_KEY = new DeleteOldKey();
    static final Step ROLLBACK = new Rollback();

    Next {
        if ((step == null) == (report == null)) {
            throw new IllegalArgumentException("a next step or a report, not both or neither");
        }
    }

    static Next to(Step step) {
        return new Next(Objects.requireNonNull(step, "step"), null);
    }

    static Next done(RotationReport report) {
        return new Next(null, Objects.requireNonNull(report, "report"));
    }

    boolean isDone() {
        return report != null;
    }

    /** Whether this says "run {@code candidate} next" (steps compare by kind). */
    boolean runs(Step candidate) {
        return step != null && step.getClass() == candidate.getClass();
    }

    /**
     * Where the rotation in {@code ctx} goes on: the report if this run has ended, the rollback if this run decided
     * on one, else the step for the persisted phase (and, in {@code SWITCHED}, for what this run saw of the old key).
     *
     * @throws IllegalStateException when there is no rotation, or it is finished but this run has no report of it
     */
    static Next from(RotationContext ctx) {
        if (ctx.ended()) {
            return done(ctx.outcome());
        }
        if (ctx.rollbackReason() != null) {
            return to(ROLLBACK);
        }
        RotationState state = ctx.state();
        if (state == null) {
            throw new IllegalStateException("no rotation under way");
        }
        return switch (state.phase()) {
            case STARTED -> to(CREATE_KEY);
            case KEY_CREATED, SWITCHING -> to(SWITCH);
            case SWITCHED -> to(ctx.hasSeen(RotationContext.Seen.OLD_KEY_QUIET) ? DEACTIVATE : WAIT_FOR_QUIET);
            case DEACTIVATED -> to(VERIFY);
            case VERIFIED -> to(DELETE_OLD_KEY);
            case ROLLING_BACK -> to(ROLLBACK);
            case COMPLETED, ROLLED_BACK -> throw new IllegalStateException("finished rotation " + state);
        };
    }
}
