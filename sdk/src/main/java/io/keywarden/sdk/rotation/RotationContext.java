package io.keywarden.sdk.rotation;

import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.auth.CredentialsProvider;
import io.keywarden.sdk.auth.StaticCredentialsProvider;
import io.keywarden.sdk.exception.NoSuchEntityException;
import io.keywarden.sdk.model.AccessKeyLastUsed;
import io.keywarden.sdk.model.AccessKeyMetadata;
import io.keywarden.sdk.rotation.RotationReport.StepTiming;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One run of a rotation, as its {@link Step}s share it: the settings, the state (as last persisted and as changed
 * since), the secrets this run knows, the step timings for the report, the clients it signs with, and how the run
 * ended. The helpers here are the ones several steps need: listing and deleting keys, choosing who signs, saving,
 * waiting, timing and reporting. Not thread-safe: a run is one thread.
 */
final class RotationContext {

    /** What a run saw happen that decides what comes next but is not persisted (a later run looks again). */
    enum Seen {
        /** The old key stayed unused for the quiet period: it may be deactivated. */
        OLD_KEY_QUIET,
        /** The application was verified in this run: a deferred deletion is left to a later run. */
        VERIFIED
    }

    private final RotationSettings settings;
    private final Instant runStart;
    private final List<StepTiming> timings = new ArrayList<>();
    private final Map<String, KeywardenClient> derivedClients = new LinkedHashMap<>();
    private RotationState state;
    private RotationState persisted;
    private SigningCredentials oldCredentials;
    private SigningCredentials newCredentials;
    private RotationStep step;
    private final Set<Seen> seen = EnumSet.noneOf(Seen.class);
    private String rollbackReason;
    private RotationReport outcome;

    RotationContext(RotationSettings settings) {
        this.settings = settings;
        this.runStart = settings.clock().instant();
    }

    // ---- what the run knows ------------------------------------------------------------------------------------

    RotationSettings settings() {
        return settings;
    }

    Instant now() {
        return settings.clock().instant();
    }

    Instant runStart() {
        return runStart;
    }

    /** The rotation as this run sees it; {@code null} before it starts (or after a start that changed nothing). */
    RotationState state() {
        return state;
    }

    /** The state last persisted, for error messages ("progress saved: phase …"); {@code null} before the first. */
    RotationState persisted() {
        return persisted;
    }

    /** Takes up a rotation {@code saved} by an earlier run. */
    void resume(RotationState saved) {
        state = saved;
        persisted = saved;
    }

    /** Changes the state in memory only (a step about to clear the store, or not yet allowed to save). */
    void state(RotationState next) {
        state = next;
    }

    /** Persists {@code next} as the rotation's state. */
    void save(RotationState next) {
        state = next;
        settings.stateStore().save(next);
        persisted = next;
    }

    /** Forgets the rotation in the store: it ended (or never really started). */
    void clearStore() {
        settings.stateStore().clear();
    }

    SigningCredentials oldCredentials() {
        return oldCredentials;
    }

    SigningCredentials newCredentials() {
        return newCredentials;
    }

    void newCredentials(SigningCredentials credentials) {
        newCredentials = credentials;
    }

    /** The step under way, for the failure event and message; {@code null} before the first. */
    RotationStep step() {
        return step;
    }

    /** Records that this run saw {@code fact}. */
    void saw(Seen fact) {
        seen.add(fact);
    }

    boolean hasSeen(Seen fact) {
        return seen.contains(fact);
    }

    /**
     * Decides on a rollback, for {@code reason}: the {@link Rollback} step is due from now on (it persists the
     * reason with the {@code ROLLING_BACK} phase).
     */
    Next rollBack(String reason) {
        rollbackReason = reason;
        return Next.to(Next.ROLLBACK);
    }

    /** Why this run decided to roll back, or {@code null} if it did not. */
    String rollbackReason() {
        return rollbackReason;
    }

    /** Whether the run is over (a step returned a report). */
    boolean ended() {
        return outcome != null;
    }

    /** The report the run ended with, or {@code null} while it goes on. */
    RotationReport outcome() {
        return outcome;
    }

    /** Ends the run with {@code report}; a step run again afterwards returns the same report. */
    Next end(RotationReport report) {
        outcome = report;
        return Next.done(report);
    }

    /** A report of this run so far. */
    RotationReport report(RotationOutcome result, String reason, AccessKeyLastUsed stillInUse,
                          Instant deleteNotBefore) {
        return new RotationReport(result, state.userName(), state.oldAccessKeyId(), state.newAccessKeyId(),
                timings, reason, stillInUse, deleteNotBefore, runStart, now());
    }

    // ---- secrets and keys --------------------------------------------------------------------------------------

    /** Learns the old and new secrets from whatever holds them: earlier runs of the rotator, the provider, the sink. */
    void captureCredentials(Collection<SigningCredentials> remembered) {
        List<SigningCredentials> candidates = new ArrayList<>(remembered);
        if (settings.provider() != null) {
            SigningCredentials p = currentOf(settings.provider());
            if (p != null) {
                candidates.add(p);
            }
        }
        if (settings.sink() != null) {
            settings.sink().load().ifPresent(candidates::add);
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

    /** The key to rotate: the one named, else the provider's, else the sink's. */
    String currentKeyId() {
        String id = settings.accessKeyId() != null ? settings.accessKeyId() : currentKeyIdOrNull();
        if (id == null) {
            throw new RotationException("no key to rotate: name it (accessKeyId), or give a credentials provider"
                    + " or a sink that holds it");
        }
        return id;
    }

    String currentKeyIdOrNull() {
        if (settings.provider() != null) {
            SigningCredentials c = currentOf(settings.provider());
            if (c != null) {
                return c.accessKeyId();
            }
        }
        if (settings.sink() != null) {
            return settings.sink().load().map(SigningCredentials::accessKeyId).orElse(null);
        }
        return null;
    }

    /** The user as the API addresses it: the rotation's, or the configured one before the rotation exists. */
    String userName() {
        return state == null ? settings.userName() : state.userName();
    }

    List<AccessKeyMetadata> listKeys() {
        List<AccessKeyMetadata> keys = new ArrayList<>();
        // once the old key may be Inactive, do not sign with it
        KeywardenClient lister = state != null && state.deactivatedAt() != null
                ? clientAvoiding(state.oldAccessKeyId(), newCredentials) : settings.client();
        lister.listAllAccessKeys(userName()).forEach(keys::add);
        return keys;
    }

    AccessKeyMetadata requireOldKey(List<AccessKeyMetadata> keys) {
        return keys.stream().filter(k -> k.accessKeyId().equals(state.oldAccessKeyId())).findFirst()
                .orElseThrow(() -> new RotationException("key " + state.oldAccessKeyId() + " of user "
                        + quoted(state.userName()) + " no longer exists, so this rotation cannot go on (its keys: "
                        + describe(keys) + "); clear " + settings.stateStore(), state, null));
    }

    /** Deletes a key, signing with {@code alternative} if the client signs with that very key; gone already is fine. */
    void deleteKey(String keyId, SigningCredentials alternative) {
        try {
            clientAvoiding(keyId, alternative).deleteAccessKey(userName(), keyId);
        } catch (NoSuchEntityException e) {
            // already gone: a repeated step
        }
    }

    /**
     * The client, unless it currently signs with {@code keyId} (about to be deactivated or deleted) and the
     * other key's credentials are known: then a client signing with those.
     */
    KeywardenClient clientAvoiding(String keyId, SigningCredentials alternative) {
        SigningCredentials signing = currentOf(settings.client().credentialsProvider());
        if (alternative != null && signing != null && signing.accessKeyId().equals(keyId)) {
            return clientSigningWith(alternative);
        }
        return settings.client();
    }

    /** A client like the rotator's that signs with {@code credentials}; closed when the run ends. */
    KeywardenClient clientSigningWith(SigningCredentials credentials) {
        return derivedClients.computeIfAbsent(credentials.accessKeyId(),
                id -> settings.client().withCredentialsProvider(StaticCredentialsProvider.create(credentials)));
    }

    /** Closes the clients this run made. */
    void closeClients() {
        derivedClients.values().forEach(KeywardenClient::close);
    }

    // ---- time, events ------------------------------------------------------------------------------------------

    Instant startStep(RotationStep next) {
        step = next;
        Instant now = now();
        emit(new RotationEvent.StepStarted(now, next));
        return now;
    }

    void endStep(RotationStep finished, Instant started, String detail) {
        Instant now = now();
        Duration took = Duration.between(started, now);
        timings.add(new StepTiming(finished, started, took, detail));
        emit(new RotationEvent.StepFinished(now, finished, took, detail));
    }

    /** Waits with the rotator's sleeper (not at all for zero); an interruption stops the run, progress saved. */
    void pause(Duration duration) {
        settings.sleeper().pause(duration, e -> new RotationException("interrupted" + (persisted == null ? ""
                : " (progress saved: phase " + persisted.phase() + "; run again to resume)"), persisted, e));
    }

    void emit(RotationEvent event) {
        for (RotationListener listener : settings.listeners()) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                // a listener cannot stop or break the rotation
            }
        }
    }

    // ---- small helpers -----------------------------------------------------------------------------------------

    /** What {@code provider} holds now, or {@code null} when it cannot say. */
    static SigningCredentials currentOf(CredentialsProvider provider) {
        try {
            return provider.resolveCredentials();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static String quoted(String name) {
        return "'" + name + "'";
    }

    static String describe(List<AccessKeyMetadata> keys) {
        return keys.isEmpty() ? "none" : keys.stream().map(k -> k.accessKeyId() + " " + k.status().wireName())
                .collect(Collectors.joining(", "));
    }
}
