package io.keywarden.sdk.rotation;

import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.exception.InvalidClientTokenIdException;
import io.keywarden.sdk.internal.Backoff;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static io.keywarden.sdk.rotation.RotationContext.min;

/**
 * Step 2, {@link RotationStep#SWITCH}: checks the new key works, then hands it to the sink and hot-swaps it into the
 * provider ({@code KEY_CREATED} through {@code SWITCHING} to {@code SWITCHED}).
 *
 * <p>The check is GetCallerIdentity signed by the new key, retried with a doubling back-off while it is refused (a
 * new key may take a moment to reach every server); a key still refused at the timeout, or a sink that fails, rolls
 * the rotation back. {@code SWITCHING} is saved before the sink is written, so a run that stops there knows the key
 * may have got out: resumed, the switch completes when this run knows the new secret (the sink holds it), starts
 * over when the sink holds another key (the new one never got out), and stops asking the operator to choose when
 * the sink cannot say. A {@code KEY_CREATED} rotation whose secret died with the previous run starts over.
 */
final class Switch implements Step {
    /** The waits between refused checks of the new key: 100 ms, doubling, at most 2 s each. */
    private static final Backoff VERIFY_RETRY = Backoff.withoutJitter(Duration.ofMillis(100), Duration.ofSeconds(2));

    @Override
    public Next act(RotationContext ctx) {
        if (ctx.state().phase() == RotationPhase.SWITCHING) {
            return resume(ctx);
        }
        return ctx.newCredentials() == null
                ? CreateKey.startOver(ctx, "its secret was lost when the previous run stopped")
                : switchToNewKey(ctx);
    }

    private static Next switchToNewKey(RotationContext ctx) {
        CredentialsSink sink = ctx.settings().sink();
        Instant started = ctx.startStep(RotationStep.SWITCH);
        String problem = verifyNewKey(ctx);
        if (problem != null) {
            ctx.endStep(RotationStep.SWITCH, started, "not switched: " + problem);
            return ctx.rollBack("the new key " + ctx.state().newAccessKeyId() + " did not work: " + problem);
        }
        ctx.save(ctx.state().moveTo(RotationPhase.SWITCHING, ctx.now()));
        if (sink != null) {
            try {
                sink.store(ctx.newCredentials());
            } catch (RuntimeException e) {
                ctx.endStep(RotationStep.SWITCH, started, "not switched: the sink failed");
                return ctx.rollBack("the sink " + sink + " could not store the new key: " + e.getMessage());
            }
        }
        hotSwap(ctx);
        ctx.save(ctx.state().moveTo(RotationPhase.SWITCHED, ctx.now()));
        ctx.endStep(RotationStep.SWITCH, started, "switched to " + ctx.state().newAccessKeyId()
                + (sink == null ? "" : ", stored in " + sink)
                + (ctx.settings().provider() == null ? "" : ", hot-swapped"));
        return Next.to(Next.WAIT_FOR_QUIET);
    }

    /** GetCallerIdentity signed by the new key, retried while it is refused; {@code null} when it works. */
    private static String verifyNewKey(RotationContext ctx) {
        Duration timeout = ctx.settings().newKeyVerificationTimeout();
        KeywardenClient verifier = ctx.clientSigningWith(ctx.newCredentials());
        Instant deadline = ctx.now().plus(timeout);
        for (int retry = 0; ; retry++) {
            try {
                verifier.callerIdentity();
                return null;
            } catch (InvalidClientTokenIdException e) {
                Instant now = ctx.now();
                if (!now.isBefore(deadline)) {
                    return "GetCallerIdentity signed by it was refused for " + Durations.format(timeout)
                            + " (" + e.code() + ")";
                }
                ctx.pause(min(VERIFY_RETRY.delay(retry), Duration.between(now, deadline)));
            }
        }
    }

    private static Next resume(RotationContext ctx) {
        CredentialsSink sink = ctx.settings().sink();
        RotationState state = ctx.state();
        if (ctx.newCredentials() != null) {
            Instant started = ctx.startStep(RotationStep.SWITCH);
            hotSwap(ctx);
            ctx.save(state.moveTo(RotationPhase.SWITCHED, ctx.now()));
            ctx.endStep(RotationStep.SWITCH, started, "the sink holds " + state.newAccessKeyId() + "; switched");
            return Next.to(Next.WAIT_FOR_QUIET);
        }
        Optional<SigningCredentials> inSink = sink == null ? Optional.empty() : sink.load();
        if (sink == null || inSink.isPresent()) {
            return CreateKey.startOver(ctx, "the previous run stopped before the sink got it");
        }
        throw new RotationException("the previous run stopped while handing the new key " + state.newAccessKeyId()
                + " to " + sink + ", which cannot say what it holds; if the applications already use "
                + state.newAccessKeyId() + ", put it in the provider and run again, otherwise roll back"
                + " (rollback()), which keeps " + state.oldAccessKeyId(), state, null);
    }

    /** Gives the provider (if any) the new key, key ID and secret at once. */
    private static void hotSwap(RotationContext ctx) {
        if (ctx.settings().provider() != null) {
            ctx.settings().provider().set(ctx.newCredentials());
        }
    }
}
