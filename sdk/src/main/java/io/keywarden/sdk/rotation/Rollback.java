package io.keywarden.sdk.rotation;

import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.auth.MutableCredentialsProvider;
import io.keywarden.sdk.model.AccessKeyLastUsed;
import io.keywarden.sdk.model.AccessKeyMetadata;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link RotationStep#ROLLBACK}: undoes the rotation ({@code ROLLING_BACK}, saved with its reason, to
 * {@code ROLLED_BACK}, and the store cleared). Due when a step (or {@link KeyRotator#rollback()}) decided on it in
 * this run, or when a run finds {@code ROLLING_BACK} persisted.
 *
 * <p>It reactivates the old key, switches the sink and provider back to it (only if this run knows its secret;
 * otherwise the application keeps the working new key and both stay Active, and the report says so), waits until the
 * new key falls quiet ({@link WaitForQuiet#watch}) and deletes it. A new key still in use at the timeout is left
 * Active and the rotation stays {@code ROLLING_BACK} for a later run. Before the new key existed, it deletes any key
 * the previous run created but did not record.
 */
final class Rollback implements Step {

    @Override
    public Next act(RotationContext ctx) {
        Instant started = ctx.startStep(RotationStep.ROLLBACK);
        if (ctx.state().phase() != RotationPhase.ROLLING_BACK) {
            String reason = ctx.rollbackReason();
            ctx.emit(new RotationEvent.RollbackStarted(ctx.now(), reason));
            ctx.save(ctx.state().moveTo(RotationPhase.ROLLING_BACK, ctx.now()).withReason(reason));
        }
        RotationState state = ctx.state();
        String reason = state.reason() == null ? "rollback requested" : state.reason();
        SigningCredentials oldCredentials = ctx.oldCredentials();
        List<String> done = new ArrayList<>();
        List<AccessKeyMetadata> keys = ctx.listKeys();
        AccessKeyMetadata old = ctx.requireOldKey(keys);
        if (!old.isActive()) {
            ctx.clientAvoiding(old.accessKeyId(), ctx.newCredentials())
                    .updateAccessKey(state.userName(), old.accessKeyId(), KeyStatus.ACTIVE);
            done.add("reactivated " + old.accessKeyId());
        }
        String newKey = state.newAccessKeyId();
        boolean handedOut = state.switchedAt() != null;
        if (newKey == null) {
            String orphans = CreateKey.discardOrphans(ctx);
            if (!orphans.isEmpty()) {
                done.add(orphans.substring(0, orphans.length() - 2));
            }
            return finish(ctx, started, reason, done, null);
        }
        boolean newExists = keys.stream().anyMatch(k -> k.accessKeyId().equals(newKey));
        if (handedOut) {
            if (oldCredentials == null) {
                done.add("the old key's secret is not known to this run (neither the provider nor the sink holds"
                        + " it), so the sink and provider keep " + newKey + " and both keys stay Active");
                return finish(ctx, started, reason, done, newExists ? newKey : null);
            }
            switchBack(ctx, oldCredentials);
            done.add("switched back to " + old.accessKeyId());
        }
        if (newExists) {
            if (handedOut) {
                WaitForQuiet.Quiet quiet = WaitForQuiet.watch(ctx, newKey, oldCredentials, RotationStep.ROLLBACK);
                if (!quiet.reached()) {
                    AccessKeyLastUsed use = quiet.lastUse();
                    done.add(newKey + " is still in use (last used " + use.date() + " for " + use.serviceName()
                            + " in " + use.region() + "), so it is left Active; run again to delete it");
                    ctx.endStep(RotationStep.ROLLBACK, started, String.join("; ", done));
                    String fullReason = reason + "; " + String.join("; ", done);
                    ctx.emit(new RotationEvent.RolledBack(ctx.now(), fullReason,
                            Duration.between(started, ctx.now())));
                    return ctx.end(ctx.report(RotationOutcome.ROLLED_BACK, fullReason, null, null));
                }
            }
            ctx.deleteKey(newKey, oldCredentials);
            done.add("deleted " + newKey);
        }
        return finish(ctx, started, reason, done, null);
    }

    /** Puts the old key back into the sink (unless it holds it already) and the provider. */
    private static void switchBack(RotationContext ctx, SigningCredentials oldCredentials) {
        CredentialsSink sink = ctx.settings().sink();
        MutableCredentialsProvider provider = ctx.settings().provider();
        if (sink != null && !sink.load().map(oldCredentials::equals).orElse(false)) {
            sink.store(oldCredentials);
        }
        if (provider != null) {
            provider.set(oldCredentials);
        }
    }

    private static Next finish(RotationContext ctx, Instant started, String reason, List<String> done,
                               String keptNewKey) {
        RotationState state = ctx.state();
        ctx.state(new RotationState(RotationPhase.ROLLED_BACK, state.userName(), state.oldAccessKeyId(), keptNewKey,
                state.startedAt(), ctx.now(), state.switchedAt(), state.deactivatedAt(), null, reason));
        ctx.clearStore();
        String summary = done.isEmpty() ? "nothing to undo" : String.join("; ", done);
        ctx.endStep(RotationStep.ROLLBACK, started, summary);
        ctx.emit(new RotationEvent.RolledBack(ctx.now(), reason + " (" + summary + ")",
                Duration.between(started, ctx.now())));
        return ctx.end(ctx.report(RotationOutcome.ROLLED_BACK, reason + " (" + summary + ")", null, null));
    }
}
