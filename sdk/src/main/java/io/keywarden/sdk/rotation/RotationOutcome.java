package io.keywarden.sdk.rotation;

/** How a rotation run ended. */
public enum RotationOutcome {
    /** The application uses the new key and the old key is deleted. */
    COMPLETED,
    /**
     * The application uses the new key and the old key is Inactive, its deletion left to a later run (after the
     * grace period, see {@link GracePeriod#deferred(java.time.Duration)}).
     */
    OLD_KEY_INACTIVE,
    /**
     * The old key kept being used for the whole quiet-period timeout, so it was not deactivated: both keys are
     * Active and the sink and provider hold the new key. The report says where the old key was last used. Run again
     * (it resumes waiting) once that user is moved, or roll back.
     */
    KEY_STILL_IN_USE,
    /** The rotation was undone: the old key is Active and in use again (see the report's reason). */
    ROLLED_BACK;

    /** Whether the application ended up on the new key. */
    public boolean switched() {
        return this == COMPLETED || this == OLD_KEY_INACTIVE || this == KEY_STILL_IN_USE;
    }
}
