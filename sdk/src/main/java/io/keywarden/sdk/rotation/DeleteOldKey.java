package io.keywarden.sdk.rotation;

import io.keywarden.sdk.model.AccessKeyMetadata;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static io.keywarden.sdk.rotation.RotationContext.min;

/**
 * Step 6, {@link RotationStep#DELETE_OLD_KEY}: deletes the old key once its {@link GracePeriod} is over
 * ({@code VERIFIED} to {@code COMPLETED}, and the store cleared): at once, after waiting within the run, or in a later
 * run. Until then the run ends with {@link RotationOutcome#OLD_KEY_INACTIVE}, the rotation left in the store. A key
 * someone reactivated meanwhile is not deleted: something still needs it, and the rotation ends with an error saying
 * so. A key already gone (a repeated step) completes the rotation.
 */
final class DeleteOldKey implements Step {

    @Override
    public Next act(RotationContext ctx) {
        GracePeriod gracePeriod = ctx.settings().gracePeriod();
        RotationState state = ctx.state();
        Instant now = ctx.now();
        Instant notBefore = state.deleteNotBefore() == null ? now : state.deleteNotBefore();
        Duration remaining = Duration.between(now, notBefore);
        boolean waitHere = !gracePeriod.isDeferred() && remaining.compareTo(gracePeriod.duration()) <= 0;
        if ((gracePeriod.isDeferred() && (ctx.hasSeen(RotationContext.Seen.VERIFIED) || remaining.compareTo(Duration.ZERO) > 0))
                || (!waitHere && remaining.compareTo(Duration.ZERO) > 0)) {
            return ctx.end(ctx.report(RotationOutcome.OLD_KEY_INACTIVE, null, null, notBefore));
        }
        Instant started = ctx.startStep(RotationStep.DELETE_OLD_KEY);
        waitGrace(ctx, started, notBefore);
        String oldKey = state.oldAccessKeyId();
        Optional<AccessKeyMetadata> old = ctx.listKeys().stream().filter(k -> k.accessKeyId().equals(oldKey))
                .findFirst();
        if (old.isPresent() && old.get().isActive()) {
            ctx.clearStore();
            throw new RotationException("key " + oldKey + " was reactivated during its grace period, so it was not"
                    + " deleted; the rotation is over with both keys Active. Something still needs " + oldKey
                    + ": its last use says where", state, null);
        }
        if (old.isPresent()) {
            ctx.deleteKey(oldKey, ctx.newCredentials());
        }
        ctx.state(state.moveTo(RotationPhase.COMPLETED, ctx.now()));
        ctx.clearStore();
        ctx.endStep(RotationStep.DELETE_OLD_KEY, started, old.isPresent() ? "deleted " + oldKey
                : oldKey + " was already deleted");
        return ctx.end(ctx.report(RotationOutcome.COMPLETED, null, null, null));
    }

    /** Waits until {@code notBefore}, telling the listeners how far the grace period got. */
    private static void waitGrace(RotationContext ctx, Instant start, Instant notBefore) {
        Duration total = Duration.between(start, notBefore);
        while (true) {
            Instant now = ctx.now();
            if (!now.isBefore(notBefore)) {
                return;
            }
            Duration elapsed = Duration.between(start, now);
            ctx.emit(new RotationEvent.Waiting(now, RotationStep.DELETE_OLD_KEY, ctx.state().oldAccessKeyId(),
                    elapsed, elapsed, total, total, null));
            ctx.pause(min(ctx.settings().pollInterval(), Duration.between(now, notBefore)));
        }
    }
}
