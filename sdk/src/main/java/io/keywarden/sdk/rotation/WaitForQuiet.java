package io.keywarden.sdk.rotation;

import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.auth.MutableCredentialsProvider;
import io.keywarden.sdk.model.AccessKeyLastUsed;

import java.time.Duration;
import java.time.Instant;

import static io.keywarden.sdk.rotation.RotationContext.currentOf;
import static io.keywarden.sdk.rotation.RotationContext.min;

/**
 * Step 3, {@link RotationStep#WAIT_FOR_QUIET}: waits until the old key's last use stays unchanged for the quiet
 * period ({@code SWITCHED}; nothing is persisted, a later run waits afresh). Every advance restarts the quiet period.
 * At the timeout the run ends <em>without</em> deactivating anything and reports where the old key was last used
 * ({@link RotationOutcome#KEY_STILL_IN_USE}). Before waiting, a provider that holds the old key again (an
 * application restarted from an old copy) is given the new one. The same watch, {@link #watch}, decides when a
 * rollback may delete the new key.
 */
final class WaitForQuiet implements Step {

    /** What a watch saw: whether the key stayed unused for the quiet period, and its last use. */
    record Quiet(boolean reached, AccessKeyLastUsed lastUse) {
    }

    @Override
    public Next act(RotationContext ctx) {
        RotationState state = ctx.state();
        MutableCredentialsProvider provider = ctx.settings().provider();
        SigningCredentials newCredentials = ctx.newCredentials();
        if (provider != null && newCredentials != null && !newCredentials.equals(currentOf(provider))) {
            provider.set(newCredentials); // a restarted application may have loaded the old key
        }
        Duration quietPeriod = ctx.settings().quietPeriod();
        Instant started = ctx.startStep(RotationStep.WAIT_FOR_QUIET);
        Quiet quiet = watch(ctx, state.oldAccessKeyId(), newCredentials, RotationStep.WAIT_FOR_QUIET);
        if (!quiet.reached()) {
            AccessKeyLastUsed use = quiet.lastUse();
            String reason = "key " + state.oldAccessKeyId() + " was still in use after waiting "
                    + Durations.format(ctx.settings().quietPeriodTimeout()) + " for " + Durations.format(quietPeriod)
                    + " without use: last used " + use.date() + " for service " + use.serviceName()
                    + " in region " + use.region() + ". It was not deactivated; both keys are Active and the"
                    + " sink and provider hold " + state.newAccessKeyId() + ". Move whatever still uses it, then"
                    + " run again (or roll back)";
            ctx.endStep(RotationStep.WAIT_FOR_QUIET, started, "timed out: still in use");
            return ctx.end(ctx.report(RotationOutcome.KEY_STILL_IN_USE, reason, use, null));
        }
        ctx.endStep(RotationStep.WAIT_FOR_QUIET, started, state.oldAccessKeyId() + " unused for "
                + Durations.format(quietPeriod));
        ctx.saw(RotationContext.Seen.OLD_KEY_QUIET);
        return Next.to(Next.DEACTIVATE);
    }

    /**
     * Polls the key's last use until it has not advanced for the quiet period (counted from this watch's first
     * look, or from the last advance seen), or until the quiet-period timeout. The polls are not signed with that key
     * (which would keep it busy): with {@code other} if the client signs with it. Progress goes to the listeners as
     * {@code waitStep}.
     */
    static Quiet watch(RotationContext ctx, String keyId, SigningCredentials other, RotationStep waitStep) {
        Duration quietPeriod = ctx.settings().quietPeriod();
        Duration timeout = ctx.settings().quietPeriodTimeout();
        KeywardenClient poller = ctx.clientAvoiding(keyId, other);
        Instant start = ctx.now();
        AccessKeyLastUsed baseline = poller.getAccessKeyLastUsed(keyId);
        AccessKeyLastUsed lastSeenUse = baseline;
        Instant quietSince = start;
        while (true) {
            Instant now = ctx.now();
            Duration quietFor = Duration.between(quietSince, now);
            Duration elapsed = Duration.between(start, now);
            ctx.emit(new RotationEvent.Waiting(now, waitStep, keyId, elapsed, quietFor, quietPeriod, timeout,
                    lastSeenUse));
            if (quietFor.compareTo(quietPeriod) >= 0) {
                return new Quiet(true, lastSeenUse);
            }
            if (elapsed.compareTo(timeout) >= 0) {
                return new Quiet(false, lastSeenUse);
            }
            Duration untilQuiet = quietPeriod.minus(quietFor);
            Duration untilTimeout = timeout.minus(elapsed);
            ctx.pause(min(ctx.settings().pollInterval(), min(untilQuiet, untilTimeout)));
            AccessKeyLastUsed current = poller.getAccessKeyLastUsed(keyId);
            if (advanced(baseline, current)) {
                baseline = current;
                lastSeenUse = current;
                quietSince = ctx.now();
                ctx.emit(new RotationEvent.KeyInUse(quietSince, current));
            }
        }
    }

    private static boolean advanced(AccessKeyLastUsed before, AccessKeyLastUsed after) {
        return after.date() != null && (before.date() == null || after.date().isAfter(before.date()));
    }
}
