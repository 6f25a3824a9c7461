package io.keywarden.sdk.rotation;

/**
 * One step of a rotation (SPEC §9.1), run by {@link KeyRotator}'s driver until a step says the run is over.
 *
 * <p>A step reads where the rotation is from the {@link RotationContext} (its persisted phase, what this run already
 * learnt), does its part, persists the new phase and returns what comes next. Each step is <b>idempotent</b>:
 * {@link #run} acts only when the rotation is due for this step ({@link Next#from}), so run again on a rotation
 * already past it (or not yet at it) it changes nothing and returns the same next step, or the same report. That is
 * what lets a run resume from any persisted phase, and lets the driver stay a plain loop.
 */
@FunctionalInterface
interface Step {

    /** Does this step's part; called only when the rotation is due for it. */
    Next act(RotationContext ctx);

    /** {@link #act}, if the rotation is due for this step; else where it is due. */
    default Next run(RotationContext ctx) {
        Next due = Next.from(ctx);
        return due.runs(this) ? act(ctx) : due;
    }
}
