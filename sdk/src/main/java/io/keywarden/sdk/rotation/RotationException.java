package io.keywarden.sdk.rotation;

import io.keywarden.sdk.exception.KeywardenSdkException;

import java.util.Optional;

/**
 * A rotation could not start or could not go on: the starting state does not allow it (two Active keys, the key is
 * not the user's or is Inactive, a different rotation is unfinished in the store), or a call failed midway. In the
 * second case the progress so far is persisted ({@link #state()}); fix the cause and run again to resume, or roll
 * back. The message says what happened and what to do; it never contains a secret.
 */
public final class RotationException extends KeywardenSdkException {
    private static final long serialVersionUID = 1L;

    private final transient RotationState state;

    public RotationException(String message) {
        this(message, null, null);
    }

    public RotationException(String message, RotationState state, Throwable cause) {
        super(message, cause);
        this.state = state;
    }

    /** The persisted progress when the rotation stopped; empty when it had not started. */
    public Optional<RotationState> state() {
        return Optional.ofNullable(state);
    }
}
