package io.keywarden.sdk.rotation;

/** The steps of a rotation (SPEC §9.1), as events and timings name them. */
public enum RotationStep {
    /** Check the starting state (deleting an Inactive second key when allowed) and create the new key. */
    CREATE_KEY("create new key"),
    /** Verify the new key with GetCallerIdentity, then hand it to the sink and hot-swap it into the provider. */
    SWITCH("switch to new key"),
    /** Wait until the old key's last-used record stays unchanged for the quiet period. */
    WAIT_FOR_QUIET("wait for old key to fall quiet"),
    /** Deactivate the old key (not delete it). */
    DEACTIVATE("deactivate old key"),
    /** Verify the application still works (the health check). */
    VERIFY("verify application"),
    /** Wait out the grace period and delete the old key. */
    DELETE_OLD_KEY("delete old key"),
    /** Reactivate the old key, switch back to it, delete the new key. */
    ROLLBACK("roll back");

    private final String description;

    RotationStep(String description) {
        this.description = description;
    }

    /** A short description for people, e.g. {@code deactivate old key}. */
    public String description() {
        return description;
    }
}
