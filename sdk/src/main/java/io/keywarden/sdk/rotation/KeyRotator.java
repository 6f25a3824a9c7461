package io.keywarden.sdk.rotation;

import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.auth.MutableCredentialsProvider;
import io.keywarden.sdk.auth.StaticCredentialsProvider;
import io.keywarden.sdk.exception.InvalidClientTokenIdException;
import io.keywarden.sdk.exception.LimitExceededException;
import io.keywarden.sdk.exception.NoSuchEntityException;
import io.keywarden.sdk.model.AccessKeyLastUsed;
import io.keywarden.sdk.model.AccessKeyMetadata;
import io.keywarden.sdk.model.CreatedAccessKey;
import io.keywarden.sdk.rotation.RotationReport.StepTiming;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Rotates an access key without downtime, following SPEC §9.1: the application keeps working at every moment, and a
 * rotation that finds the old key still needed undoes itself.
 *
 * <pre>{@code
 * MutableCredentialsProvider credentials = MutableCredentialsProvider.copyOf(ProfileCredentialsProvider.create("app"));
 * KeywardenClient client = KeywardenClient.builder().endpoint(endpoint).credentialsProvider(credentials).build();
 * // ... the application uses client (or credentials) as usual, from any number of threads ...
 * RotationReport report = KeyRotator.builder()
 *         .client(client)                                    // rotates the caller's own key
 *         .credentialsProvider(credentials)                  // hot-swapped in this process
 *         .sink(ProfileFileSink.create(credentialsFile, "app")) // persisted for the next start and other processes
 *         .quietPeriod(Duration.ofMinutes(1))
 *         .stateStore(FileRotationStateStore.create(Path.of("rotation-state.json")))
 *         .build()
 *         .rotate();
 * }</pre>
 *
 * <h2>The steps</h2>
 * <ol>
 *   <li><b>Create</b> a second key while the first still works. The user must have only the key being rotated; a
 *       second, Inactive key is deleted first only when {@link Builder#deleteInactiveKeyFirst(boolean)} allows it,
 *       and two Active keys stop the rotation with an error naming both.</li>
 *   <li><b>Switch</b>: check the new key works (GetCallerIdentity signed by it, retried for a while, since a new key
 *       may take a moment to reach every server), then store it in the {@link CredentialsSink} and hot-swap it into
 *       the {@link MutableCredentialsProvider} (the whole pair at once).</li>
 *   <li><b>Wait</b> until the old key's last-used record stays unchanged for the quiet period, polling
 *       GetAccessKeyLastUsed. Every advance restarts the quiet period. If the quiet-period timeout passes first, the
 *       run stops <em>without</em> deactivating anything and reports where the old key was last used (date, service,
 *       region): {@link RotationOutcome#KEY_STILL_IN_USE}.</li>
 *   <li><b>Deactivate</b> the old key (not delete it).</li>
 *   <li><b>Verify</b> the application still works with the caller's health check (by default GetCallerIdentity with
 *       the credentials the provider, else the sink, holds — which must be the new key). If it fails, <b>roll
 *       back</b>: reactivate the old key, switch the sink and provider back to it, wait until the new key falls quiet
 *       and delete it; the report says why ({@link RotationOutcome#ROLLED_BACK}).</li>
 *   <li><b>Delete</b> the old key after the {@link GracePeriod}: at once, after waiting within the run, or in a later
 *       run. A key someone reactivated meanwhile is not deleted.</li>
 * </ol>
 * At no moment does the user have more than two keys, and at every moment the key the sink and provider hold is
 * Active.
 *
 * <h2>Persistence and resuming</h2>
 * After each step the progress is saved in the {@link RotationStateStore} (key IDs, phase and dates; never a secret).
 * A run that finds an unfinished rotation there carries on with it:
 * <ul>
 *   <li>{@link RotationPhase#STARTED}, {@link RotationPhase#KEY_CREATED}: the new key's secret died with the previous
 *       run and nobody received it, so the never-used key is deleted and the rotation starts over.</li>
 *   <li>{@link RotationPhase#SWITCHING}: if the sink holds the new key (it can {@link CredentialsSink#load() say}),
 *       the rotation goes on with it; if the sink holds another key (or there is no sink), the new key never got
 *       out and is deleted, and the rotation starts over; if the sink cannot tell, the run stops with an error asking
 *       the operator to choose ({@link #rollback()} or completing by hand).</li>
 *   <li>{@link RotationPhase#SWITCHED}: the provider is given the new key (from the sink) if it still holds the old
 *       one, and the wait for quiet starts again.</li>
 *   <li>{@link RotationPhase#DEACTIVATED}: the application is verified again (and rolled back on failure).</li>
 *   <li>{@link RotationPhase#VERIFIED}: the old key is deleted once its grace period is over.</li>
 *   <li>{@link RotationPhase#ROLLING_BACK}: the rollback goes on.</li>
 * </ul>
 * Switching back needs the old key's secret, which a later run knows if it is a run of the same {@code KeyRotator}
 * (which remembers the secrets of an unfinished rotation in memory, never on disk) or if the provider or the sink
 * still holds the old key; otherwise a rollback reactivates the old key and leaves the application on the (working)
 * new key, and says so.
 *
 * <h2>Who signs</h2>
 * The {@link Builder#client client} does the rotation's calls: the key's own user (then its permissions must cover
 * creating, listing, updating and deleting its own keys and reading their last use, as {@code ManageOwnAccessKeys}
 * does) or an administrator. If the client signs with the key the rotator is about to deactivate or delete, the
 * rotator signs those calls with the other key of the rotation instead. Each step is safe to repeat.
 *
 * <p>A rotator may run several times (each {@link #rotate()} is one run) but not concurrently with itself or with
 * another rotator of the same user.
 */
public final class KeyRotator {

    /** Waits; replaced in tests to move a fake clock instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper THREAD_SLEEP = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

        void sleep(Duration duration) throws InterruptedException;
    }

    /** How much older than the rotation's start a leftover second key may look and still be taken for its own. */
    private static final Duration CLOCK_SKEW_ALLOWANCE = Duration.ofMinutes(15);
    private static final Duration FIRST_VERIFY_RETRY = Duration.ofMillis(100);
    private static final Duration MAX_VERIFY_RETRY = Duration.ofSeconds(2);

    private final KeywardenClient client;
    private final String userName;
    private final String accessKeyId;
    private final MutableCredentialsProvider provider;
    private final CredentialsSink sink;
    private final Duration quietPeriod;
    private final Duration quietPeriodTimeout;
    private final Duration pollInterval;
    private final Duration newKeyVerificationTimeout;
    private final Duration healthCheckDelay;
    private final GracePeriod gracePeriod;
    private final boolean deleteInactiveKeyFirst;
    private final Callable<?> healthCheck;
    private final RotationStateStore stateStore;
    private final Clock clock;
    private final Sleeper sleeper;
    private final List<RotationListener> listeners;
    /** Secrets this rotator learnt in earlier runs, so a later run in the same process can still switch back. */
    private final Map<String, SigningCredentials> remembered = new ConcurrentHashMap<>();

    private KeyRotator(Builder b, RotationStateStore stateStore) {
        this.client = b.client;
        this.userName = b.userName;
        this.accessKeyId = b.accessKeyId;
        this.provider = b.provider;
        this.sink = b.sink;
        this.quietPeriod = b.quietPeriod;
        this.quietPeriodTimeout = b.quietPeriodTimeout;
        this.pollInterval = b.pollInterval;
        this.newKeyVerificationTimeout = b.newKeyVerificationTimeout;
        this.healthCheckDelay = b.healthCheckDelay;
        this.gracePeriod = b.gracePeriod;
        this.deleteInactiveKeyFirst = b.deleteInactiveKeyFirst;
        this.healthCheck = b.healthCheck;
        this.stateStore = stateStore;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.listeners = List.copyOf(b.listeners);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the rotation: a new one, or the unfinished one in the state store (see the class description).
     *
     * @return how it ended; {@link RotationOutcome#KEY_STILL_IN_USE} and {@link RotationOutcome#OLD_KEY_INACTIVE}
     *         leave the rotation in the store for a later run
     * @throws RotationException when the starting state does not allow a rotation (the message says why and what
     *                           to do), or a call failed midway (the progress is persisted; run again to resume)
     */
    public RotationReport rotate() {
        return new Run().execute(false);
    }

    /**
     * Undoes the unfinished rotation in the state store: reactivates the old key, switches the sink and provider back
     * to it (when this run knows its secret: the provider or the sink holds it), waits until the new key falls quiet
     * and deletes it.
     *
     * @throws RotationException when there is nothing to roll back or a call fails
     */
    public RotationReport rollback() {
        return new Run().execute(true);
    }

    /** The unfinished rotation in the state store, if any. */
    public Optional<RotationState> pendingRotation() {
        return stateStore.load();
    }

    @Override
    public String toString() {
        return "KeyRotator[user=" + userName + ", accessKeyId=" + (accessKeyId == null ? "current" : accessKeyId)
                + ", sink=" + sink + ", stateStore=" + stateStore + "]";
    }

    /** What a wait for quiet saw. */
    private record Quiet(boolean reached, AccessKeyLastUsed lastUse) {
    }

    /** One run of the rotation: its credentials, timings and temporary clients. */
    private final class Run {
        private final Instant runStart = clock.instant();
        private final List<StepTiming> timings = new ArrayList<>();
        private final Map<String, KeywardenClient> derivedClients = new LinkedHashMap<>();
        private RotationState state;
        private RotationState persisted;
        private SigningCredentials oldCredentials;
        private SigningCredentials newCredentials;
        private RotationStep step;
        private boolean verifiedInThisRun;

        RotationReport execute(boolean rollbackRequested) {
            try {
                RotationReport report = rollbackRequested ? rollbackPersisted() : rotate();
                emit(new RotationEvent.Finished(clock.instant(), report));
                return report;
            } catch (RotationException e) {
                emit(new RotationEvent.Failed(clock.instant(), step, e.getMessage()));
                throw e;
            } catch (RuntimeException e) {
                RotationException failure = new RotationException(
                        (step == null ? "the rotation" : "step \"" + step.description() + "\"") + " failed"
                                + (persisted == null ? "" : " (progress saved: phase " + persisted.phase()
                                + "; run again to resume)") + ": " + e.getMessage(), persisted, e);
                emit(new RotationEvent.Failed(clock.instant(), step, failure.getMessage()));
                throw failure;
            } finally {
                derivedClients.values().forEach(KeywardenClient::close);
                if (state == null || state.phase().isTerminal()) {
                    remembered.clear();
                } else {
                    remember(oldCredentials);
                    remember(newCredentials);
                }
            }
        }

        // ---- entry points ----------------------------------------------------------------------------------------

        private RotationReport rotate() {
            Optional<RotationState> saved = stateStore.load();
            if (saved.isPresent() && !saved.get().phase().isTerminal()) {
                state = saved.get();
                persisted = state;
                checkSameRotation(state);
                emit(new RotationEvent.Started(runStart, state.userName(), state.oldAccessKeyId(), state.phase()));
                captureCredentials();
            } else {
                if (saved.isPresent()) {
                    stateStore.clear();
                }
                String keyId = currentKeyId();
                emit(new RotationEvent.Started(runStart, userName, keyId, null));
                state = RotationState.started(userName, keyId, clock.instant());
                captureCredentials();
                checkStartAndCreate(keyId);
            }
            return advance();
        }

        private RotationReport rollbackPersisted() {
            state = stateStore.load().filter(s -> !s.phase().isTerminal()).orElseThrow(() -> new RotationException(
                    "there is no unfinished rotation in " + stateStore + " to roll back"));
            persisted = state;
            checkSameRotation(state);
            emit(new RotationEvent.Started(runStart, state.userName(), state.oldAccessKeyId(), state.phase()));
            captureCredentials();
            if (state.phase() == RotationPhase.ROLLING_BACK) {
                return continueRollback(startStep(RotationStep.ROLLBACK));
            }
            return rollback("rollback requested");
        }

        private RotationReport advance() {
            while (true) {
                switch (state.phase()) {
                    case STARTED -> createAfterCrash();
                    case KEY_CREATED -> {
                        if (newCredentials == null) {
                            discardUnreachableNewKey("its secret was lost when the previous run stopped");
                        } else {
                            Optional<RotationReport> rolledBack = switchToNewKey();
                            if (rolledBack.isPresent()) {
                                return rolledBack.get();
                            }
                        }
                    }
                    case SWITCHING -> {
                        Optional<RotationReport> rolledBack = resumeSwitching();
                        if (rolledBack.isPresent()) {
                            return rolledBack.get();
                        }
                    }
                    case SWITCHED -> {
                        Optional<RotationReport> stopped = waitAndDeactivate();
                        if (stopped.isPresent()) {
                            return stopped.get();
                        }
                    }
                    case DEACTIVATED -> {
                        Optional<RotationReport> rolledBack = verifyApplication();
                        if (rolledBack.isPresent()) {
                            return rolledBack.get();
                        }
                    }
                    case VERIFIED -> {
                        return deleteOldKey();
                    }
                    case ROLLING_BACK -> {
                        return continueRollback(startStep(RotationStep.ROLLBACK));
                    }
                    case COMPLETED, ROLLED_BACK -> throw new IllegalStateException("finished rotation " + state);
                    default -> throw new IllegalStateException("unknown phase " + state.phase());
                }
            }
        }

        // ---- step 1: create --------------------------------------------------------------------------------------

        private void checkStartAndCreate(String keyId) {
            Instant started = startStep(RotationStep.CREATE_KEY);
            List<AccessKeyMetadata> keys = listKeys();
            AccessKeyMetadata current = keys.stream().filter(k -> k.accessKeyId().equals(keyId)).findFirst()
                    .orElseThrow(() -> new RotationException("user " + quoted(userName) + " has no access key "
                            + keyId + " (its keys: " + describe(keys) + "); name the key the application uses"));
            if (!current.isActive()) {
                throw new RotationException("key " + keyId + " of user " + quoted(userName) + " is Inactive: only the"
                        + " Active key an application uses can be rotated without downtime");
            }
            List<AccessKeyMetadata> others = keys.stream().filter(k -> !k.accessKeyId().equals(keyId)).toList();
            String detail = "";
            if (others.size() > 1) {
                throw new RotationException("user " + quoted(userName) + " has " + keys.size() + " access keys ("
                        + describe(keys) + "); a rotation needs the key being rotated to be the only one");
            }
            if (others.size() == 1) {
                AccessKeyMetadata other = others.get(0);
                if (other.isActive()) {
                    throw new RotationException("user " + quoted(userName) + " already has two Active access keys, "
                            + keyId + " (the one to rotate) and " + other.accessKeyId() + ": a rotation needs a free"
                            + " slot for the new key. Find out what uses " + other.accessKeyId() + " (its last use"
                            + " says where), then deactivate and delete one of the two");
                }
                if (!deleteInactiveKeyFirst) {
                    throw new RotationException("user " + quoted(userName) + " already has two access keys, "
                            + keyId + " (Active, the one to rotate) and " + other.accessKeyId() + " (Inactive): delete"
                            + " the Inactive key first, or allow the rotation to do it (deleteInactiveKeyFirst)");
                }
                deleteKey(other.accessKeyId(), null);
                detail = "deleted the Inactive key " + other.accessKeyId() + " first; ";
            }
            save(state);
            create(started, detail);
        }

        private void createAfterCrash() {
            Instant started = startStep(RotationStep.CREATE_KEY);
            String detail = discardOrphans();
            create(started, detail);
        }

        /** Deletes a second key the previous run created but never recorded (it stopped during the create call). */
        private String discardOrphans() {
            List<AccessKeyMetadata> keys = listKeys();
            requireOldKey(keys);
            List<String> deleted = new ArrayList<>();
            for (AccessKeyMetadata key : keys) {
                if (key.accessKeyId().equals(state.oldAccessKeyId())) {
                    continue;
                }
                if (!key.isActive() || key.createDate().isBefore(state.startedAt().minus(CLOCK_SKEW_ALLOWANCE))) {
                    throw new RotationException("user " + quoted(state.userName()) + " has a key "
                            + key.accessKeyId() + " (" + key.status().wireName() + ", created " + key.createDate()
                            + ") that this rotation did not create; resolve it, then clear " + stateStore);
                }
                deleteKey(key.accessKeyId(), null);
                deleted.add(key.accessKeyId());
            }
            return deleted.isEmpty() ? "" : "deleted the never-used key " + String.join(", ", deleted)
                    + " left by the previous run; ";
        }

        private void create(Instant started, String detail) {
            CreatedAccessKey created;
            try {
                created = client.createAccessKey(state.userName());
            } catch (LimitExceededException e) {
                stateStore.clear();
                state = null;
                throw new RotationException("user " + quoted(userName) + " got another access key while the rotation"
                        + " started (" + e.errorMessage() + "); nothing was changed", null, e);
            }
            newCredentials = created.credentials();
            state = state.withNewAccessKeyId(created.accessKeyId(), clock.instant())
                    .moveTo(RotationPhase.KEY_CREATED, clock.instant());
            save(state);
            endStep(RotationStep.CREATE_KEY, started, detail + "created " + created.accessKeyId());
        }

        private void discardUnreachableNewKey(String why) {
            Instant started = startStep(RotationStep.CREATE_KEY);
            String newKey = state.newAccessKeyId();
            deleteKey(newKey, oldCredentials);
            state = new RotationState(RotationPhase.STARTED, state.userName(), state.oldAccessKeyId(), null,
                    state.startedAt(), clock.instant(), null, null, null, null);
            save(state);
            endStep(RotationStep.CREATE_KEY, started, "deleted the never-used new key " + newKey + " (" + why
                    + "); starting over");
        }

        // ---- step 2: switch --------------------------------------------------------------------------------------

        private Optional<RotationReport> switchToNewKey() {
            Instant started = startStep(RotationStep.SWITCH);
            String problem = verifyNewKey();
            if (problem != null) {
                endStep(RotationStep.SWITCH, started, "not switched: " + problem);
                return Optional.of(rollback("the new key " + state.newAccessKeyId() + " did not work: " + problem));
            }
            state = state.moveTo(RotationPhase.SWITCHING, clock.instant());
            save(state);
            if (sink != null) {
                try {
                    sink.store(newCredentials);
                } catch (RuntimeException e) {
                    endStep(RotationStep.SWITCH, started, "not switched: the sink failed");
                    return Optional.of(rollback("the sink " + sink + " could not store the new key: "
                            + e.getMessage()));
                }
            }
            if (provider != null) {
                provider.set(newCredentials);
            }
            state = state.moveTo(RotationPhase.SWITCHED, clock.instant());
            save(state);
            endStep(RotationStep.SWITCH, started, "switched to " + state.newAccessKeyId()
                    + (sink == null ? "" : ", stored in " + sink) + (provider == null ? "" : ", hot-swapped"));
            return Optional.empty();
        }

        /** GetCallerIdentity signed by the new key, retried while it is refused; {@code null} when it works. */
        private String verifyNewKey() {
            KeywardenClient verifier = clientSigningWith(newCredentials);
            Instant deadline = clock.instant().plus(newKeyVerificationTimeout);
            Duration wait = FIRST_VERIFY_RETRY;
            while (true) {
                try {
                    verifier.callerIdentity();
                    return null;
                } catch (InvalidClientTokenIdException e) {
                    Instant now = clock.instant();
                    if (!now.isBefore(deadline)) {
                        return "GetCallerIdentity signed by it was refused for " + Durations.format(
                                newKeyVerificationTimeout) + " (" + e.code() + ")";
                    }
                    pause(min(wait, Duration.between(now, deadline)));
                    wait = min(wait.multipliedBy(2), MAX_VERIFY_RETRY);
                }
            }
        }

        private Optional<RotationReport> resumeSwitching() {
            if (newCredentials != null) {
                Instant started = startStep(RotationStep.SWITCH);
                if (provider != null) {
                    provider.set(newCredentials);
                }
                state = state.moveTo(RotationPhase.SWITCHED, clock.instant());
                save(state);
                endStep(RotationStep.SWITCH, started, "the sink holds " + state.newAccessKeyId() + "; switched");
                return Optional.empty();
            }
            Optional<SigningCredentials> inSink = sink == null ? Optional.empty() : sink.load();
            if (sink == null || inSink.isPresent()) {
                discardUnreachableNewKey("the previous run stopped before the sink got it");
                return Optional.empty();
            }
            throw new RotationException("the previous run stopped while handing the new key " + state.newAccessKeyId()
                    + " to " + sink + ", which cannot say what it holds; if the applications already use "
                    + state.newAccessKeyId() + ", put it in the provider and run again, otherwise roll back"
                    + " (rollback()), which keeps " + state.oldAccessKeyId(), state, null);
        }

        // ---- steps 3 and 4: wait for quiet, deactivate -----------------------------------------------------------

        private Optional<RotationReport> waitAndDeactivate() {
            if (provider != null && newCredentials != null && !newCredentials.equals(currentOf(provider))) {
                provider.set(newCredentials); // a restarted application may have loaded the old key
            }
            Instant started = startStep(RotationStep.WAIT_FOR_QUIET);
            Quiet quiet = waitForQuiet(state.oldAccessKeyId(), newCredentials, RotationStep.WAIT_FOR_QUIET);
            if (!quiet.reached()) {
                AccessKeyLastUsed use = quiet.lastUse();
                String reason = "key " + state.oldAccessKeyId() + " was still in use after waiting "
                        + Durations.format(quietPeriodTimeout) + " for " + Durations.format(quietPeriod)
                        + " without use: last used " + use.date() + " for service " + use.serviceName()
                        + " in region " + use.region() + ". It was not deactivated; both keys are Active and the"
                        + " sink and provider hold " + state.newAccessKeyId() + ". Move whatever still uses it, then"
                        + " run again (or roll back)";
                endStep(RotationStep.WAIT_FOR_QUIET, started, "timed out: still in use");
                return Optional.of(report(RotationOutcome.KEY_STILL_IN_USE, reason, use, null));
            }
            endStep(RotationStep.WAIT_FOR_QUIET, started, state.oldAccessKeyId() + " unused for "
                    + Durations.format(quietPeriod));

            started = startStep(RotationStep.DEACTIVATE);
            clientAvoiding(state.oldAccessKeyId(), newCredentials)
                    .updateAccessKey(state.userName(), state.oldAccessKeyId(), KeyStatus.INACTIVE);
            state = state.moveTo(RotationPhase.DEACTIVATED, clock.instant());
            save(state);
            endStep(RotationStep.DEACTIVATE, started, "deactivated " + state.oldAccessKeyId());
            return Optional.empty();
        }

        /**
         * Polls the key's last use until it has not advanced for the quiet period (counted from this run's first
         * look, or from the last advance seen), or until the timeout. The polls are not signed with that key (which
         * would keep it busy): with {@code other} if the client signs with it.
         */
        private Quiet waitForQuiet(String keyId, SigningCredentials other, RotationStep waitStep) {
            KeywardenClient poller = clientAvoiding(keyId, other);
            Instant start = clock.instant();
            AccessKeyLastUsed baseline = poller.getAccessKeyLastUsed(keyId);
            AccessKeyLastUsed lastSeenUse = baseline;
            Instant quietSince = start;
            while (true) {
                Instant now = clock.instant();
                Duration quietFor = Duration.between(quietSince, now);
                Duration elapsed = Duration.between(start, now);
                emit(new RotationEvent.Waiting(now, waitStep, keyId, elapsed, quietFor, quietPeriod,
                        quietPeriodTimeout, lastSeenUse));
                if (quietFor.compareTo(quietPeriod) >= 0) {
                    return new Quiet(true, lastSeenUse);
                }
                if (elapsed.compareTo(quietPeriodTimeout) >= 0) {
                    return new Quiet(false, lastSeenUse);
                }
                Duration untilQuiet = quietPeriod.minus(quietFor);
                Duration untilTimeout = quietPeriodTimeout.minus(elapsed);
                pause(min(pollInterval, min(untilQuiet, untilTimeout)));
                AccessKeyLastUsed current = poller.getAccessKeyLastUsed(keyId);
                if (advanced(baseline, current)) {
                    baseline = current;
                    lastSeenUse = current;
                    quietSince = clock.instant();
                    emit(new RotationEvent.KeyInUse(quietSince, current));
                }
            }
        }

        // ---- step 5: verify --------------------------------------------------------------------------------------

        private Optional<RotationReport> verifyApplication() {
            Instant started = startStep(RotationStep.VERIFY);
            pause(healthCheckDelay);
            String failure = runHealthCheck();
            if (failure != null) {
                endStep(RotationStep.VERIFY, started, "the health check failed");
                return Optional.of(rollback("the health check failed after " + state.oldAccessKeyId()
                        + " was deactivated: " + failure));
            }
            Instant now = clock.instant();
            state = state.moveTo(RotationPhase.VERIFIED, now).withDeleteNotBefore(now.plus(gracePeriod.duration()));
            save(state);
            verifiedInThisRun = true;
            endStep(RotationStep.VERIFY, started, "the application works with " + state.newAccessKeyId());
            return Optional.empty();
        }

        /** {@code null} when the health check passes, else why not. */
        private String runHealthCheck() {
            try {
                Object answer = healthCheck != null ? healthCheck.call() : defaultHealthCheck();
                return Boolean.FALSE.equals(answer) ? "it answered false" : null;
            } catch (Exception e) {
                return e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }

        /** GetCallerIdentity with the credentials the application holds (provider, else sink), which must be new. */
        private Object defaultHealthCheck() {
            SigningCredentials held = provider != null ? provider.resolveCredentials()
                    : sink != null ? sink.load().orElse(null) : newCredentials;
            if (held == null) {
                throw new IllegalStateException("the sink holds no credentials");
            }
            if (!held.accessKeyId().equals(state.newAccessKeyId())) {
                throw new IllegalStateException("the application holds " + held.accessKeyId() + ", not the new key "
                        + state.newAccessKeyId());
            }
            return clientSigningWith(held).callerIdentity();
        }

        // ---- step 6: delete --------------------------------------------------------------------------------------

        private RotationReport deleteOldKey() {
            Instant now = clock.instant();
            Instant notBefore = state.deleteNotBefore() == null ? now : state.deleteNotBefore();
            Duration remaining = Duration.between(now, notBefore);
            boolean waitHere = !gracePeriod.isDeferred() && remaining.compareTo(gracePeriod.duration()) <= 0;
            if ((gracePeriod.isDeferred() && (verifiedInThisRun || remaining.compareTo(Duration.ZERO) > 0))
                    || (!waitHere && remaining.compareTo(Duration.ZERO) > 0)) {
                return report(RotationOutcome.OLD_KEY_INACTIVE, null, null, notBefore);
            }
            Instant started = startStep(RotationStep.DELETE_OLD_KEY);
            waitGrace(started, notBefore);
            String oldKey = state.oldAccessKeyId();
            Optional<AccessKeyMetadata> old = listKeys().stream().filter(k -> k.accessKeyId().equals(oldKey))
                    .findFirst();
            if (old.isPresent() && old.get().isActive()) {
                stateStore.clear();
                throw new RotationException("key " + oldKey + " was reactivated during its grace period, so it was not"
                        + " deleted; the rotation is over with both keys Active. Something still needs " + oldKey
                        + ": its last use says where", state, null);
            }
            if (old.isPresent()) {
                deleteKey(oldKey, newCredentials);
            }
            state = state.moveTo(RotationPhase.COMPLETED, clock.instant());
            stateStore.clear();
            endStep(RotationStep.DELETE_OLD_KEY, started, old.isPresent() ? "deleted " + oldKey
                    : oldKey + " was already deleted");
            return report(RotationOutcome.COMPLETED, null, null, null);
        }

        private void waitGrace(Instant start, Instant notBefore) {
            Duration total = Duration.between(start, notBefore);
            while (true) {
                Instant now = clock.instant();
                if (!now.isBefore(notBefore)) {
                    return;
                }
                Duration elapsed = Duration.between(start, now);
                emit(new RotationEvent.Waiting(now, RotationStep.DELETE_OLD_KEY, state.oldAccessKeyId(), elapsed,
                        elapsed, total, total, null));
                pause(min(pollInterval, Duration.between(now, notBefore)));
            }
        }

        // ---- rollback --------------------------------------------------------------------------------------------

        private RotationReport rollback(String reason) {
            Instant started = startStep(RotationStep.ROLLBACK);
            emit(new RotationEvent.RollbackStarted(clock.instant(), reason));
            state = state.moveTo(RotationPhase.ROLLING_BACK, clock.instant()).withReason(reason);
            save(state);
            return continueRollback(started);
        }

        private RotationReport continueRollback(Instant started) {
            String reason = state.reason() == null ? "rollback requested" : state.reason();
            List<String> done = new ArrayList<>();
            List<AccessKeyMetadata> keys = listKeys();
            AccessKeyMetadata old = requireOldKey(keys);
            if (!old.isActive()) {
                clientAvoiding(old.accessKeyId(), newCredentials)
                        .updateAccessKey(state.userName(), old.accessKeyId(), KeyStatus.ACTIVE);
                done.add("reactivated " + old.accessKeyId());
            }
            String newKey = state.newAccessKeyId();
            boolean handedOut = state.switchedAt() != null;
            if (newKey == null) {
                String orphans = discardOrphans();
                if (!orphans.isEmpty()) {
                    done.add(orphans.substring(0, orphans.length() - 2));
                }
                return finishRollback(started, reason, done, null);
            }
            boolean newExists = keys.stream().anyMatch(k -> k.accessKeyId().equals(newKey));
            if (handedOut) {
                if (oldCredentials == null) {
                    done.add("the old key's secret is not known to this run (neither the provider nor the sink holds"
                            + " it), so the sink and provider keep " + newKey + " and both keys stay Active");
                    return finishRollback(started, reason, done, newExists ? newKey : null);
                }
                if (sink != null && !sink.load().map(oldCredentials::equals).orElse(false)) {
                    sink.store(oldCredentials);
                }
                if (provider != null) {
                    provider.set(oldCredentials);
                }
                done.add("switched back to " + old.accessKeyId());
            }
            if (newExists) {
                if (handedOut) {
                    Quiet quiet = waitForQuiet(newKey, oldCredentials, RotationStep.ROLLBACK);
                    if (!quiet.reached()) {
                        AccessKeyLastUsed use = quiet.lastUse();
                        done.add(newKey + " is still in use (last used " + use.date() + " for " + use.serviceName()
                                + " in " + use.region() + "), so it is left Active; run again to delete it");
                        endStep(RotationStep.ROLLBACK, started, String.join("; ", done));
                        String fullReason = reason + "; " + String.join("; ", done);
                        emit(new RotationEvent.RolledBack(clock.instant(), fullReason,
                                Duration.between(started, clock.instant())));
                        return report(RotationOutcome.ROLLED_BACK, fullReason, null, null);
                    }
                }
                deleteKey(newKey, oldCredentials);
                done.add("deleted " + newKey);
            }
            return finishRollback(started, reason, done, null);
        }

        private RotationReport finishRollback(Instant started, String reason, List<String> done, String keptNewKey) {
            state = new RotationState(RotationPhase.ROLLED_BACK, state.userName(), state.oldAccessKeyId(), keptNewKey,
                    state.startedAt(), clock.instant(), state.switchedAt(), state.deactivatedAt(), null, reason);
            stateStore.clear();
            String summary = done.isEmpty() ? "nothing to undo" : String.join("; ", done);
            endStep(RotationStep.ROLLBACK, started, summary);
            emit(new RotationEvent.RolledBack(clock.instant(), reason + " (" + summary + ")",
                    Duration.between(started, clock.instant())));
            return report(RotationOutcome.ROLLED_BACK, reason + " (" + summary + ")", null, null);
        }

        // ---- helpers ---------------------------------------------------------------------------------------------

        private void checkSameRotation(RotationState saved) {
            boolean sameUser = saved.userName().equals(userName);
            String keyId = accessKeyId != null ? accessKeyId : currentKeyIdOrNull();
            if (!sameUser || (keyId != null && !saved.concerns(keyId))) {
                throw new RotationException(stateStore + " holds an unfinished rotation of key "
                        + saved.oldAccessKeyId() + " of user " + quoted(saved.userName()) + " (phase " + saved.phase()
                        + "), not of " + (keyId == null ? "" : "key " + keyId + " of ") + "user " + quoted(userName)
                        + "; finish or roll back that one first (or use another state store)");
            }
        }

        /** Learns the old and new secrets from whatever holds them: the provider, the sink. */
        private void captureCredentials() {
            List<SigningCredentials> candidates = new ArrayList<>(4);
            candidates.addAll(remembered.values());
            if (provider != null) {
                SigningCredentials p = currentOf(provider);
                if (p != null) {
                    candidates.add(p);
                }
            }
            if (sink != null) {
                sink.load().ifPresent(candidates::add);
            }
            for (SigningCredentials c : candidates) {
                if (oldCredentials == null && c.accessKeyId().equals(state.oldAccessKeyId())) {
                    oldCredentials = c;
                }
                if (newCredentials == null && c.accessKeyId().equals(state.newAccessKeyId())) {
                    newCredentials = c;
                }
            }
        }

        private String currentKeyId() {
            String id = accessKeyId != null ? accessKeyId : currentKeyIdOrNull();
            if (id == null) {
                throw new RotationException("no key to rotate: name it (accessKeyId), or give a credentials provider"
                        + " or a sink that holds it");
            }
            return id;
        }

        private String currentKeyIdOrNull() {
            if (provider != null) {
                SigningCredentials c = currentOf(provider);
                if (c != null) {
                    return c.accessKeyId();
                }
            }
            if (sink != null) {
                return sink.load().map(SigningCredentials::accessKeyId).orElse(null);
            }
            return null;
        }

        private List<AccessKeyMetadata> listKeys() {
            List<AccessKeyMetadata> keys = new ArrayList<>();
            // once the old key may be Inactive, do not sign with it
            KeywardenClient lister = state != null && state.deactivatedAt() != null
                    ? clientAvoiding(state.oldAccessKeyId(), newCredentials) : client;
            lister.listAllAccessKeys(state == null ? userName : state.userName()).forEach(keys::add);
            return keys;
        }

        private AccessKeyMetadata requireOldKey(List<AccessKeyMetadata> keys) {
            return keys.stream().filter(k -> k.accessKeyId().equals(state.oldAccessKeyId())).findFirst()
                    .orElseThrow(() -> new RotationException("key " + state.oldAccessKeyId() + " of user "
                            + quoted(state.userName()) + " no longer exists, so this rotation cannot go on (its keys: "
                            + describe(keys) + "); clear " + stateStore, state, null));
        }

        /** Deletes a key, signing with {@code alternative} if the client signs with that very key. */
        private void deleteKey(String keyId, SigningCredentials alternative) {
            try {
                clientAvoiding(keyId, alternative).deleteAccessKey(state == null ? userName : state.userName(), keyId);
            } catch (NoSuchEntityException e) {
                // already gone: a repeated step
            }
        }

        /**
         * The client, unless it currently signs with {@code keyId} (about to be deactivated or deleted) and the
         * other key's credentials are known: then a client signing with those.
         */
        private KeywardenClient clientAvoiding(String keyId, SigningCredentials alternative) {
            SigningCredentials signing = currentOf(client.credentialsProvider());
            if (alternative != null && signing != null && signing.accessKeyId().equals(keyId)) {
                return clientSigningWith(alternative);
            }
            return client;
        }

        private KeywardenClient clientSigningWith(SigningCredentials credentials) {
            return derivedClients.computeIfAbsent(credentials.accessKeyId(),
                    id -> client.withCredentialsProvider(StaticCredentialsProvider.create(credentials)));
        }

        private Instant startStep(RotationStep next) {
            step = next;
            Instant now = clock.instant();
            emit(new RotationEvent.StepStarted(now, next));
            return now;
        }

        private void endStep(RotationStep finished, Instant started, String detail) {
            Instant now = clock.instant();
            Duration took = Duration.between(started, now);
            timings.add(new StepTiming(finished, started, took, detail));
            emit(new RotationEvent.StepFinished(now, finished, took, detail));
        }

        private void save(RotationState next) {
            stateStore.save(next);
            persisted = next;
        }

        private void pause(Duration duration) {
            if (duration.isNegative() || duration.isZero()) {
                return;
            }
            try {
                sleeper.sleep(duration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RotationException("interrupted" + (persisted == null ? "" : " (progress saved: phase "
                        + persisted.phase() + "; run again to resume)"), persisted, e);
            }
        }

        private RotationReport report(RotationOutcome outcome, String reason, AccessKeyLastUsed stillInUse,
                                      Instant deleteNotBefore) {
            return new RotationReport(outcome, state.userName(), state.oldAccessKeyId(), state.newAccessKeyId(),
                    timings, reason, stillInUse, deleteNotBefore, runStart, clock.instant());
        }
    }

    private void remember(SigningCredentials credentials) {
        if (credentials != null) {
            remembered.put(credentials.accessKeyId(), credentials);
        }
    }

    private void emit(RotationEvent event) {
        for (RotationListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                // a listener cannot stop or break the rotation
            }
        }
    }

    private static boolean advanced(AccessKeyLastUsed before, AccessKeyLastUsed after) {
        return after.date() != null && (before.date() == null || after.date().isAfter(before.date()));
    }

    private static SigningCredentials currentOf(io.keywarden.sdk.auth.CredentialsProvider provider) {
        try {
            return provider.resolveCredentials();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String quoted(String name) {
        return "'" + name + "'";
    }

    private static String describe(List<AccessKeyMetadata> keys) {
        return keys.isEmpty() ? "none" : keys.stream().map(k -> k.accessKeyId() + " " + k.status().wireName())
                .collect(Collectors.joining(", "));
    }

    /**
     * Builds a {@link KeyRotator}. Required: the {@link #client}, and a {@link #credentialsProvider provider} to
     * hot-swap and/or a {@link #sink}. {@link #build()} checks every setting.
     */
    public static final class Builder {
        private KeywardenClient client;
        private String userName = KeywardenClient.ME;
        private String accessKeyId;
        private MutableCredentialsProvider provider;
        private CredentialsSink sink;
        private Duration quietPeriod = Duration.ofMinutes(1);
        private Duration quietPeriodTimeout = Duration.ofMinutes(15);
        private Duration pollInterval = Duration.ofSeconds(5);
        private Duration newKeyVerificationTimeout = Duration.ofSeconds(30);
        private Duration healthCheckDelay = Duration.ofSeconds(1);
        private GracePeriod gracePeriod = GracePeriod.none();
        private boolean deleteInactiveKeyFirst;
        private Callable<?> healthCheck;
        private RotationStateStore stateStore;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.THREAD_SLEEP;
        private final List<RotationListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /** The client that makes the rotation's calls: signed by the key's user or by an administrator. Required. */
        public Builder client(KeywardenClient client) {
            this.client = client;
            return this;
        }

        /** Rotate a key of this user (the client must be allowed to manage its keys). */
        public Builder userName(String userName) {
            this.userName = userName;
            return this;
        }

        /** Rotate a key of the client's own user ({@code me}); the default. */
        public Builder ownKey() {
            this.userName = KeywardenClient.ME;
            return this;
        }

        /** The key to rotate; default the key the provider holds, else the one the sink holds. */
        public Builder accessKeyId(String accessKeyId) {
            this.accessKeyId = accessKeyId;
            return this;
        }

        /** The provider the application signs with, into which the new key is hot-swapped. */
        public Builder credentialsProvider(MutableCredentialsProvider provider) {
            this.provider = provider;
            return this;
        }

        /** Where the new key is persisted (a profile file, a callback). */
        public Builder sink(CredentialsSink sink) {
            this.sink = sink;
            return this;
        }

        /**
         * How long the old key's last use must stay unchanged before it is deactivated; default 1 minute. Choose it
         * well above how long the applications take to pick up the new key (a profile file is re-read within a
         * second by {@code ProfileCredentialsProvider}) plus the server's last-used flush interval (1 s by default).
         * {@link Duration#ZERO} deactivates at once.
         */
        public Builder quietPeriod(Duration quietPeriod) {
            this.quietPeriod = quietPeriod;
            return this;
        }

        /** How long to wait for the quiet period before giving up without deactivating; default 15 minutes. */
        public Builder quietPeriodTimeout(Duration quietPeriodTimeout) {
            this.quietPeriodTimeout = quietPeriodTimeout;
            return this;
        }

        /** How often to read the old key's last use while waiting; default 5 seconds. */
        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        /** How long the new key may be refused before the rotation gives up on it; default 30 seconds. */
        public Builder newKeyVerificationTimeout(Duration timeout) {
            this.newKeyVerificationTimeout = timeout;
            return this;
        }

        /**
         * How long to wait after deactivating before running the health check, so every server instance refuses the
         * old key by then; default 1 second (servers sharing a database converge within 1 s).
         */
        public Builder healthCheckDelay(Duration delay) {
            this.healthCheckDelay = delay;
            return this;
        }

        /** When the old key is deleted; default {@link GracePeriod#none()}. */
        public Builder gracePeriod(GracePeriod gracePeriod) {
            this.gracePeriod = gracePeriod;
            return this;
        }

        /** Whether a second, Inactive key of the user may be deleted to make room; default false (an error). */
        public Builder deleteInactiveKeyFirst(boolean allowed) {
            this.deleteInactiveKeyFirst = allowed;
            return this;
        }

        /**
         * Checks the application still works once the old key is Inactive: it passes when it returns anything but
         * {@link Boolean#FALSE} and fails when it throws or returns false. Default: GetCallerIdentity signed with the
         * credentials the provider (else the sink) holds, which must be the new key.
         */
        public Builder healthCheck(Callable<?> healthCheck) {
            this.healthCheck = healthCheck;
            return this;
        }

        /** Where progress is persisted; default in memory (no resuming after the process ends). */
        public Builder stateStore(RotationStateStore stateStore) {
            this.stateStore = stateStore;
            return this;
        }

        /** The clock for waits, timings and dates; default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** How the rotator waits; default {@link Sleeper#THREAD_SLEEP}. Tests move a fake clock instead. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        /** Adds a listener for the rotation's events. */
        public Builder listener(RotationListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * @throws IllegalStateException    when the client, or both the provider and the sink, are missing
         * @throws IllegalArgumentException when a setting is invalid (the message says which and why)
         */
        public KeyRotator build() {
            if (client == null) {
                throw new IllegalStateException("client is required");
            }
            if (provider == null && sink == null) {
                throw new IllegalStateException("nothing would switch to the new key: give the credentials provider to"
                        + " hot-swap and/or a sink");
            }
            if (userName == null || userName.isBlank()) {
                throw new IllegalArgumentException("userName must not be blank");
            }
            if (accessKeyId != null && accessKeyId.isBlank()) {
                throw new IllegalArgumentException("accessKeyId must not be blank (leave it unset to rotate the key"
                        + " the provider or sink holds)");
            }
            requireNotNegative(quietPeriod, "quietPeriod");
            requireNotNegative(quietPeriodTimeout, "quietPeriodTimeout");
            if (quietPeriodTimeout.compareTo(quietPeriod) < 0) {
                throw new IllegalArgumentException("quietPeriodTimeout (" + quietPeriodTimeout
                        + ") must not be shorter than quietPeriod (" + quietPeriod + ")");
            }
            requireNotNegative(pollInterval, "pollInterval");
            if (pollInterval.isZero()) {
                throw new IllegalArgumentException("pollInterval must be positive");
            }
            requireNotNegative(newKeyVerificationTimeout, "newKeyVerificationTimeout");
            requireNotNegative(healthCheckDelay, "healthCheckDelay");
            Objects.requireNonNull(gracePeriod, "gracePeriod");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(sleeper, "sleeper");
            return new KeyRotator(this, stateStore != null ? stateStore : RotationStateStore.inMemory());
        }

        private static void requireNotNegative(Duration value, String what) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException(what + " must be zero or more, got " + value);
            }
        }
    }
}
