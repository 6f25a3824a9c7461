package io.keywarden.sdk.rotation;

import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.auth.MutableCredentialsProvider;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

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
 *
 * <h2>How it is built</h2>
 * This class is the public face and a small driver. Each step above is one package-private class ({@code CreateKey},
 * {@code Switch}, {@code WaitForQuiet}, {@code Deactivate}, {@code Verify}, {@code DeleteOldKey}, {@code Rollback})
 * sharing one run's {@code RotationContext}; {@code Next.from} is the one table of which step a persisted phase is
 * due for, so resuming is starting the loop there, and a step run again when it is not due changes nothing. Waits go
 * through the SDK's one sleeper and the new key's retries through its one back-off, as the HTTP client's do.
 */
public final class KeyRotator {

    /**
     * Waits; replaced in tests to move a fake clock instead of sleeping. The public face of the SDK's one sleeper:
     * {@link #THREAD_SLEEP} is the one the HTTP client's retries use too.
     */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper THREAD_SLEEP = io.keywarden.sdk.internal.Sleeper.THREAD_SLEEP::sleep;

        void sleep(Duration duration) throws InterruptedException;
    }

    private final RotationSettings settings;
    /** Secrets this rotator learnt in earlier runs, so a later run in the same process can still switch back. */
    private final Map<String, SigningCredentials> remembered = new ConcurrentHashMap<>();

    private KeyRotator(RotationSettings settings) {
        this.settings = settings;
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
        return run(false);
    }

    /**
     * Undoes the unfinished rotation in the state store: reactivates the old key, switches the sink and provider back
     * to it (when this run knows its secret: the provider or the sink holds it), waits until the new key falls quiet
     * and deletes it.
     *
     * @throws RotationException when there is nothing to roll back or a call fails
     */
    public RotationReport rollback() {
        return run(true);
    }

    /** The settings every run starts from (for the steps' tests). */
    RotationSettings settings() {
        return settings;
    }

    /** The unfinished rotation in the state store, if any. */
    public Optional<RotationState> pendingRotation() {
        return settings.stateStore().load();
    }

    @Override
    public String toString() {
        return "KeyRotator[user=" + settings.userName() + ", accessKeyId="
                + (settings.accessKeyId() == null ? "current" : settings.accessKeyId()) + ", sink=" + settings.sink()
                + ", stateStore=" + settings.stateStore() + "]";
    }

    // ---- the driver: where to start, then one step after the other -------------------------------------------------

    /**
     * One run: finds where the rotation is, runs the steps ({@link Step}, one class each) until one returns the
     * report, and turns any failure into a {@link RotationException} naming the step and the progress saved.
     */
    private RotationReport run(boolean rollbackRequested) {
        RotationContext ctx = new RotationContext(settings);
        try {
            Next next = rollbackRequested ? startRollback(ctx) : start(ctx);
            while (!next.isDone()) {
                next = next.step().run(ctx);
            }
            ctx.emit(new RotationEvent.Finished(ctx.now(), next.report()));
            return next.report();
        } catch (RotationException e) {
            ctx.emit(new RotationEvent.Failed(ctx.now(), ctx.step(), e.getMessage()));
            throw e;
        } catch (RuntimeException e) {
            RotationStep step = ctx.step();
            RotationState persisted = ctx.persisted();
            RotationException failure = new RotationException(
                    (step == null ? "the rotation" : "step \"" + step.description() + "\"") + " failed"
                            + (persisted == null ? "" : " (progress saved: phase " + persisted.phase()
                            + "; run again to resume)") + ": " + e.getMessage(), persisted, e);
            ctx.emit(new RotationEvent.Failed(ctx.now(), step, failure.getMessage()));
            throw failure;
        } finally {
            ctx.closeClients();
            RotationState state = ctx.state();
            if (state == null || state.phase().isTerminal()) {
                remembered.clear();
            } else {
                remember(ctx.oldCredentials());
                remember(ctx.newCredentials());
            }
        }
    }

    /** {@link #rotate()}: takes up the unfinished rotation in the store, or starts a new one. */
    private Next start(RotationContext ctx) {
        Optional<RotationState> saved = settings.stateStore().load();
        if (saved.isPresent() && !saved.get().phase().isTerminal()) {
            resume(ctx, saved.get());
        } else {
            if (saved.isPresent()) {
                ctx.clearStore();
            }
            String keyId = ctx.currentKeyId();
            ctx.emit(new RotationEvent.Started(ctx.runStart(), settings.userName(), keyId, null));
            ctx.state(RotationState.started(settings.userName(), keyId, ctx.now()));
            ctx.captureCredentials(remembered.values());
        }
        return Next.from(ctx);
    }

    /** {@link #rollback()}: takes up the unfinished rotation in the store and decides on a rollback. */
    private Next startRollback(RotationContext ctx) {
        RotationState saved = settings.stateStore().load().filter(s -> !s.phase().isTerminal())
                .orElseThrow(() -> new RotationException("there is no unfinished rotation in " + settings.stateStore()
                        + " to roll back"));
        resume(ctx, saved);
        return saved.phase() == RotationPhase.ROLLING_BACK ? Next.from(ctx) : ctx.rollBack("rollback requested");
    }

    private void resume(RotationContext ctx, RotationState saved) {
        ctx.resume(saved);
        checkSameRotation(ctx, saved);
        ctx.emit(new RotationEvent.Started(ctx.runStart(), saved.userName(), saved.oldAccessKeyId(), saved.phase()));
        ctx.captureCredentials(remembered.values());
    }

    private void checkSameRotation(RotationContext ctx, RotationState saved) {
        boolean sameUser = saved.userName().equals(settings.userName());
        String keyId = settings.accessKeyId() != null ? settings.accessKeyId() : ctx.currentKeyIdOrNull();
        if (!sameUser || (keyId != null && !saved.concerns(keyId))) {
            throw new RotationException(settings.stateStore() + " holds an unfinished rotation of key "
                    + saved.oldAccessKeyId() + " of user " + RotationContext.quoted(saved.userName()) + " (phase "
                    + saved.phase() + "), not of " + (keyId == null ? "" : "key " + keyId + " of ") + "user "
                    + RotationContext.quoted(settings.userName())
                    + "; finish or roll back that one first (or use another state store)");
        }
    }

    private void remember(SigningCredentials credentials) {
        if (credentials != null) {
            remembered.put(credentials.accessKeyId(), credentials);
        }
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

        /** Rotate a key of the client's own user ({@code ~}); the default. */
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
            return new KeyRotator(new RotationSettings(client, userName, accessKeyId, provider, sink, quietPeriod,
                    quietPeriodTimeout, pollInterval, newKeyVerificationTimeout, healthCheckDelay, gracePeriod,
                    deleteInactiveKeyFirst, healthCheck, stateStore != null ? stateStore : RotationStateStore.inMemory(),
                    clock, sleeper::sleep, listeners));
        }

        private static void requireNotNegative(Duration value, String what) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException(what + " must be zero or more, got " + value);
            }
        }
    }
}
