package io.keywarden.sdk.rotation;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A state store that "crashes the process" (throws {@link SimulatedCrash}, an {@link Error} the rotator does not
 * catch) just before or just after the n-th save, or just before clearing.
 */
final class CrashingStore implements RotationStateStore {
    enum When { BEFORE, AFTER }

    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash(String where) {
            super("simulated crash " + where);
        }
    }

    private final RotationStateStore delegate;
    private final Predicate<RotationState> trigger;
    private final When when;
    private final boolean onClear;
    private final AtomicInteger saves = new AtomicInteger();
    private volatile boolean armed = true;

    private CrashingStore(RotationStateStore delegate, Predicate<RotationState> trigger, When when, boolean onClear) {
        this.delegate = delegate;
        this.trigger = trigger;
        this.when = when;
        this.onClear = onClear;
    }

    /** Crashes before or after saving the first state in {@code phase}. */
    static CrashingStore at(RotationStateStore delegate, RotationPhase phase, When when) {
        return new CrashingStore(delegate, s -> s.phase() == phase, when, false);
    }

    /** Crashes before or after the {@code n}-th save (1-based). */
    static CrashingStore atSave(RotationStateStore delegate, int n, When when) {
        AtomicInteger count = new AtomicInteger();
        return new CrashingStore(delegate, s -> count.incrementAndGet() == n, when, false);
    }

    /** Crashes just before the store is cleared (the rotation's last act). */
    static CrashingStore beforeClear(RotationStateStore delegate) {
        return new CrashingStore(delegate, s -> false, When.BEFORE, true);
    }

    boolean crashed() {
        return !armed;
    }

    @Override
    public Optional<RotationState> load() {
        return delegate.load();
    }

    @Override
    public void save(RotationState state) {
        saves.incrementAndGet();
        boolean hit = armed && trigger.test(state);
        if (hit && when == When.BEFORE) {
            armed = false;
            throw new SimulatedCrash("before saving " + state.phase());
        }
        delegate.save(state);
        if (hit) {
            armed = false;
            throw new SimulatedCrash("after saving " + state.phase());
        }
    }

    @Override
    public void clear() {
        if (armed && onClear) {
            armed = false;
            throw new SimulatedCrash("before clearing");
        }
        delegate.clear();
    }
}
