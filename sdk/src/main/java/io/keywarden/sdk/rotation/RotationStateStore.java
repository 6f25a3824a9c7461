package io.keywarden.sdk.rotation;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where a rotation persists its progress after each step, so that a run that stops midway (a crash, a timeout, a
 * deferred deletion) is resumed or rolled back by the next run given the same store. One store holds at most one
 * rotation; it is cleared when a rotation ends. {@link FileRotationStateStore} keeps it in a JSON file.
 */
public interface RotationStateStore {

    /** The persisted rotation, if one is unfinished. */
    Optional<RotationState> load();

    /** Persists {@code state} durably (replacing the previous one) before returning. */
    void save(RotationState state);

    /** Forgets the rotation (it ended). */
    void clear();

    /** A store in memory: it lets a later {@code rotate()} in the same process resume, but does not survive it. */
    static RotationStateStore inMemory() {
        AtomicReference<RotationState> state = new AtomicReference<>();
        return new RotationStateStore() {
            @Override
            public Optional<RotationState> load() {
                return Optional.ofNullable(state.get());
            }

            @Override
            public void save(RotationState next) {
                state.set(java.util.Objects.requireNonNull(next, "state"));
            }

            @Override
            public void clear() {
                state.set(null);
            }

            @Override
            public String toString() {
                return "RotationStateStore[in memory]";
            }
        };
    }
}
