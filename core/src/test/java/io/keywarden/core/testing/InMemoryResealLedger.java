package io.keywarden.core.testing;

import io.keywarden.core.port.ResealLedger;

import java.time.Instant;
import java.util.Objects;

/** {@link ResealLedger} in memory, with the same conditional updates as the database's. */
public final class InMemoryResealLedger implements ResealLedger {
    private State state = State.EMPTY;

    @Override
    public synchronized State read() {
        return state;
    }

    @Override
    public synchronized boolean acquire(String holder, int targetVersion, Instant now, Instant expiresAt) {
        boolean free = state.leaseHolder() == null || state.leaseExpiresAt() == null
                || !state.leaseExpiresAt().isAfter(now) || holder.equals(state.leaseHolder());
        if (!free) {
            return false;
        }
        State s = state;
        if (!Objects.equals(s.targetVersion(), targetVersion)) {
            state = new State(targetVersion, holder, expiresAt, null, 0, now, null, null, null);
        } else {
            state = new State(targetVersion, holder, expiresAt, s.cursor(), s.resealed(),
                    s.startedAt() == null || s.finishedAt() != null ? now : s.startedAt(), s.lastBatchAt(), null,
                    s.lastError());
        }
        return true;
    }

    @Override
    public synchronized boolean progress(String holder, String cursor, long resealedDelta, Instant now,
                                         Instant expiresAt) {
        if (!holder.equals(state.leaseHolder())) {
            return false;
        }
        State s = state;
        state = new State(s.targetVersion(), holder, expiresAt, cursor, s.resealed() + resealedDelta, s.startedAt(),
                now, null, null);
        return true;
    }

    @Override
    public synchronized void finish(String holder, Instant now) {
        if (holder.equals(state.leaseHolder())) {
            State s = state;
            state = new State(s.targetVersion(), null, null, null, s.resealed(), s.startedAt(), s.lastBatchAt(), now,
                    null);
        }
    }

    @Override
    public synchronized void release(String holder, String error) {
        if (holder.equals(state.leaseHolder())) {
            State s = state;
            state = new State(s.targetVersion(), null, null, s.cursor(), s.resealed(), s.startedAt(), s.lastBatchAt(),
                    s.finishedAt(), error);
        }
    }

    /** Another node takes the lease (for tests of the lease). */
    public synchronized void takenBy(String holder, Instant until) {
        State s = state;
        state = new State(s.targetVersion(), holder, until, s.cursor(), s.resealed(), s.startedAt(), s.lastBatchAt(),
                s.finishedAt(), s.lastError());
    }
}
