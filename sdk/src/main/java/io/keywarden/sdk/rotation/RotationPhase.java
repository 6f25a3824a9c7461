package io.keywarden.sdk.rotation;

/**
 * How far a rotation got, as persisted in its {@link RotationState} after each step. A run that finds a persisted
 * phase carries on from it (or rolls back); see {@link KeyRotator} for what each resume does.
 */
public enum RotationPhase {
    /** The start was checked (the user had only the key being rotated); no key created yet. */
    STARTED,
    /** The new key exists; its secret is known only to the run that created it. */
    KEY_CREATED,
    /** The new key was verified and is being handed to the sink and the provider. */
    SWITCHING,
    /** The sink and the provider hold the new key; waiting for the old key to fall quiet. */
    SWITCHED,
    /** The old key is Inactive; the application is being verified. */
    DEACTIVATED,
    /** The application works with the new key; the old key is Inactive until its grace period ends. */
    VERIFIED,
    /** Undoing: reactivating the old key, switching back, deleting the new key. */
    ROLLING_BACK,
    /** Done: the old key is deleted. */
    COMPLETED,
    /** Undone: the old key is Active and in use again, the new key deleted. */
    ROLLED_BACK;

    /** Whether the rotation is over (a store holding it may be cleared). */
    public boolean isTerminal() {
        return this == COMPLETED || this == ROLLED_BACK;
    }
}
