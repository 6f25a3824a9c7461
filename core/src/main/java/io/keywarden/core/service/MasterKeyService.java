package io.keywarden.core.service;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.crypto.SecretSealer;
import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.port.ResealLedger;
import io.keywarden.core.port.SealedSecretStore;
import io.keywarden.core.port.SealedSecretStore.Replacement;
import io.keywarden.core.port.SealedSecretStore.SealedSecret;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Master key rotation: which master key versions seal the stored secrets ({@link #status}, {@code
 * keywarden:GetMasterKeyStatus} on resource {@code *}), the start-up check that every version in use is configured
 * ({@link #checkConfiguration}), and the re-seal of every secret to the newest version ({@link #reseal}), one batch
 * at a time under a lease kept in the {@link ResealLedger}, so that one node at a time does it and a restarted run
 * goes on where it stopped.
 *
 * <p>The re-seal is idempotent: each replacement is conditional on the sealed form read, so a key deleted meanwhile
 * stays deleted, and two nodes re-sealing the same row (only possible when a lease expires mid-batch) both leave a
 * form that opens. A cached credential holds the opened secret, never the sealed form, so no cache goes stale.
 */
public final class MasterKeyService {
    public static final String STATUS_ACTION = Catalogue.GET_MASTER_KEY_STATUS.action();

    /** The re-seal's state as reported: running (a node holds the lease), finished, pending, or failed. */
    public enum ResealState {
        RUNNING, FINISHED, PENDING, FAILED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One master key version: configured here?, the newest (sealing new secrets)?, live secrets sealed under it. */
    public record VersionStatus(int version, boolean configured, boolean newest, long sealedSecrets) {
    }

    /**
     * @param newestVersion the version new secrets are sealed under and the re-seal moves secrets to
     * @param versions      every version configured here or sealing some secret, ascending
     * @param remaining     secrets not yet sealed under the newest version
     */
    public record Status(int newestVersion, List<VersionStatus> versions, long remaining, ResealState state,
                         ResealLedger.State reseal) {
    }

    /** Why a {@link #reseal} run ended. */
    public enum Outcome {
        /** Every secret is sealed under the newest version. */
        FINISHED,
        /** Another node holds the lease. */
        NOT_LEASED,
        /** The lease was lost mid-run (it expired and another node took it). */
        LEASE_LOST,
        /** The caller asked to stop between batches (shutting down). */
        STOPPED,
        /** A secret could not be opened; the error is in the ledger. */
        FAILED,
        /** This node lacks a master key version in use: it leaves the re-seal (and the ledger) to others. */
        NOT_CONFIGURED
    }

    /** A run's result: why it ended and how many secrets it re-sealed. */
    public record Run(Outcome outcome, long resealed) {
    }

    /** Between batches: waits (so request traffic goes first) and answers whether to go on. */
    @FunctionalInterface
    public interface BetweenBatches {
        /** @param resealed secrets re-sealed by the batch just done */
        boolean afterBatch(int resealed);
    }

    private final SecretSealer sealer;
    private final SealedSecretStore secrets;
    private final ResealLedger ledger;
    private final AccessGuard guard;
    private final Clock clock;

    public MasterKeyService(SecretSealer sealer, SealedSecretStore secrets, ResealLedger ledger, AccessGuard guard,
                            Clock clock) {
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** GetMasterKeyStatus: authorised as {@code keywarden:GetMasterKeyStatus} on {@code *}. */
    public Status status(Caller caller) {
        guard.authorizeAny(caller, STATUS_ACTION);
        return status();
    }

    /** The status without authorisation (metrics, logs, operators' tools). */
    public Status status() {
        Map<Integer, Long> counts = secrets.countByVersion();
        int newest = sealer.currentVersion();
        SortedSet<Integer> versions = new TreeSet<>(sealer.configuredVersions());
        versions.addAll(counts.keySet());
        List<VersionStatus> out = new ArrayList<>();
        long remaining = 0;
        for (int v : versions) {
            long n = counts.getOrDefault(v, 0L);
            out.add(new VersionStatus(v, sealer.opens(v), v == newest, n));
            if (v != newest) {
                remaining += n;
            }
        }
        ResealLedger.State state = ledger.read();
        return new Status(newest, List.copyOf(out), remaining, stateOf(state, remaining), state);
    }

    private ResealState stateOf(ResealLedger.State state, long remaining) {
        if (state.leased(clock.instant())) {
            return ResealState.RUNNING;
        }
        if (remaining == 0) {
            return ResealState.FINISHED;
        }
        return state.lastError() != null ? ResealState.FAILED : ResealState.PENDING;
    }

    /**
     * Refuses a configuration that cannot open every stored secret: one indexed query of the versions in use.
     *
     * @throws IllegalStateException naming the versions in use that are not configured
     */
    public void checkConfiguration() {
        SortedSet<Integer> missing = new TreeSet<>();
        for (Map.Entry<Integer, Long> e : secrets.countByVersion().entrySet()) {
            if (e.getValue() > 0 && !sealer.opens(e.getKey())) {
                missing.add(e.getKey());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("stored secrets are sealed under master key version(s) " + missing
                    + ", which are not configured (configured: " + sealer.configuredVersions() + "); add them to"
                    + " KEYWARDEN_MASTER_KEYS (or master-<version>.key files) until the re-seal has moved every secret"
                    + " to the newest version");
        }
    }

    /**
     * Re-seals every secret not under the newest version, in batches of {@code batchSize}, while holding the lease.
     * Does nothing (but record that the newest version is reached) when there is nothing to do.
     *
     * @param holder  this node's name in the lease
     * @param lease   how long the lease lasts without renewal (each batch renews it); longer than a batch takes
     * @param between called after each batch (pause there); false stops the run
     */
    public Run reseal(String holder, Duration lease, int batchSize, BetweenBatches between) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        int target = sealer.currentVersion();
        Map<Integer, Long> counts = secrets.countByVersion();
        for (Map.Entry<Integer, Long> e : counts.entrySet()) {
            if (e.getValue() > 0 && !sealer.opens(e.getKey())) {
                return new Run(Outcome.NOT_CONFIGURED, 0);
            }
        }
        ResealLedger.State before = ledger.read();
        if (remaining(target) == 0) {
            boolean recorded = before.finishedAt() != null && Integer.valueOf(target).equals(before.targetVersion())
                    && before.lastError() == null;
            if (!recorded) {
                Instant now = clock.instant();
                if (!ledger.acquire(holder, target, now, now.plus(lease))) {
                    return new Run(Outcome.NOT_LEASED, 0);
                }
                ledger.finish(holder, clock.instant());
            }
            return new Run(Outcome.FINISHED, 0);
        }
        Instant now = clock.instant();
        if (!ledger.acquire(holder, target, now, now.plus(lease))) {
            return new Run(Outcome.NOT_LEASED, 0);
        }
        String cursor = ledger.read().cursor();
        boolean fromStart = cursor == null;
        long total = 0;
        while (true) {
            List<SealedSecret> batch = secrets.sealedNotUnder(target, cursor, batchSize);
            if (batch.isEmpty()) {
                if (!fromStart) {
                    // secrets before the cursor sealed meanwhile under an older version (a node not yet restarted
                    // with the new key): one more pass from the start picks them up
                    cursor = null;
                    fromStart = true;
                    continue;
                }
                ledger.finish(holder, clock.instant());
                return new Run(Outcome.FINISHED, total);
            }
            List<Replacement> replacements = new ArrayList<>(batch.size());
            try {
                for (SealedSecret s : batch) {
                    replacements.add(new Replacement(s.id(), s.sealed(), sealer.reseal(s.id(), s.sealed()), target));
                }
            } catch (SecretSealer.SealingException e) {
                ledger.release(holder, e.getMessage());
                return new Run(Outcome.FAILED, total);
            }
            int replaced = secrets.replace(replacements);
            cursor = batch.get(batch.size() - 1).id().value();
            Instant at = clock.instant();
            if (!ledger.progress(holder, cursor, replaced, at, at.plus(lease))) {
                return new Run(Outcome.LEASE_LOST, total + replaced);
            }
            total += replaced;
            if (!between.afterBatch(replaced)) {
                ledger.release(holder, null);
                return new Run(Outcome.STOPPED, total);
            }
        }
    }

    private long remaining(int target) {
        long n = 0;
        for (Map.Entry<Integer, Long> e : secrets.countByVersion().entrySet()) {
            if (e.getKey() != target) {
                n += e.getValue();
            }
        }
        return n;
    }
}
