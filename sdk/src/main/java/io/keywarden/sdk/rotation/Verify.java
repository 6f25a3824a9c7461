package io.keywarden.sdk.rotation;

import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.auth.MutableCredentialsProvider;

import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * Step 5, {@link RotationStep#VERIFY}: after the health-check delay (so every server refuses the old key by then),
 * checks the application still works without the old key ({@code DEACTIVATED} to {@code VERIFIED}, with the grace
 * period's end as the date the old key may be deleted). A failing check rolls back. The default check is
 * GetCallerIdentity signed with the credentials the application holds (the provider's, else the sink's), which must
 * be the new key.
 */
final class Verify implements Step {

    @Override
    public Next act(RotationContext ctx) {
        Instant started = ctx.startStep(RotationStep.VERIFY);
        ctx.pause(ctx.settings().healthCheckDelay());
        String failure = runHealthCheck(ctx);
        if (failure != null) {
            ctx.endStep(RotationStep.VERIFY, started, "the health check failed");
            return ctx.rollBack("the health check failed after " + ctx.state().oldAccessKeyId()
                    + " was deactivated: " + failure);
        }
        Instant now = ctx.now();
        ctx.save(ctx.state().moveTo(RotationPhase.VERIFIED, now)
                .withDeleteNotBefore(now.plus(ctx.settings().gracePeriod().duration())));
        ctx.saw(RotationContext.Seen.VERIFIED);
        ctx.endStep(RotationStep.VERIFY, started, "the application works with " + ctx.state().newAccessKeyId());
        return Next.to(Next.DELETE_OLD_KEY);
    }

    /** {@code null} when the health check passes, else why not. */
    private static String runHealthCheck(RotationContext ctx) {
        Callable<?> healthCheck = ctx.settings().healthCheck();
        try {
            Object answer = healthCheck != null ? healthCheck.call() : defaultHealthCheck(ctx);
            return Boolean.FALSE.equals(answer) ? "it answered false" : null;
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** GetCallerIdentity with the credentials the application holds (provider, else sink), which must be new. */
    private static Object defaultHealthCheck(RotationContext ctx) {
        MutableCredentialsProvider provider = ctx.settings().provider();
        CredentialsSink sink = ctx.settings().sink();
        SigningCredentials held = provider != null ? provider.resolveCredentials()
                : sink != null ? sink.load().orElse(null) : ctx.newCredentials();
        if (held == null) {
            throw new IllegalStateException("the sink holds no credentials");
        }
        String newKey = ctx.state().newAccessKeyId();
        if (!held.accessKeyId().equals(newKey)) {
            throw new IllegalStateException("the application holds " + held.accessKeyId() + ", not the new key "
                    + newKey);
        }
        return ctx.clientSigningWith(held).callerIdentity();
    }
}
