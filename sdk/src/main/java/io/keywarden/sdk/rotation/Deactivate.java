package io.keywarden.sdk.rotation;

import io.keywarden.core.keys.KeyStatus;

import java.time.Instant;

/**
 * Step 4, {@link RotationStep#DEACTIVATE}: makes the old key Inactive, not deleted, so a failed verification can
 * still bring it back ({@code SWITCHED} to {@code DEACTIVATED}). Due only once this run saw the old key fall quiet
 * ({@link WaitForQuiet}); the call is signed with the new key if the client signs with the old one.
 */
final class Deactivate implements Step {

    @Override
    public Next act(RotationContext ctx) {
        RotationState state = ctx.state();
        Instant started = ctx.startStep(RotationStep.DEACTIVATE);
        ctx.clientAvoiding(state.oldAccessKeyId(), ctx.newCredentials())
                .updateAccessKey(state.userName(), state.oldAccessKeyId(), KeyStatus.INACTIVE);
        ctx.save(state.moveTo(RotationPhase.DEACTIVATED, ctx.now()));
        ctx.endStep(RotationStep.DEACTIVATE, started, "deactivated " + state.oldAccessKeyId());
        return Next.to(Next.VERIFY);
    }
}
