package io.keywarden.sdk.rotation;

import io.keywarden.sdk.exception.LimitExceededException;
import io.keywarden.sdk.model.AccessKeyMetadata;
import io.keywarden.sdk.model.CreatedAccessKey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.keywarden.sdk.rotation.RotationContext.describe;
import static io.keywarden.sdk.rotation.RotationContext.quoted;

/**
 * Step 1, {@link RotationStep#CREATE_KEY}: creates the second key while the first still works ({@code STARTED} to
 * {@code KEY_CREATED}).
 *
 * <p>A new rotation first checks the user has only the key being rotated (an Inactive second key is deleted when
 * {@code deleteInactiveKeyFirst} allows it; anything else stops with an error saying what to do). A resumed
 * {@code STARTED} rotation instead deletes a key the previous run created but never recorded: it stopped during the
 * create call, and nobody ever received that key's secret. {@link #startOver} is the way back here from later phases
 * whose new key never got out.
 */
final class CreateKey implements Step {
    /** How much older than the rotation's start a leftover second key may look and still be taken for its own. */
    private static final Duration CLOCK_SKEW_ALLOWANCE = Duration.ofMinutes(15);

    @Override
    public Next act(RotationContext ctx) {
        Instant started = ctx.startStep(RotationStep.CREATE_KEY);
        // a state never saved is a new rotation; a saved STARTED one was left by a run that stopped
        String detail = ctx.persisted() == null ? checkStart(ctx) : discardOrphans(ctx);
        String userName = ctx.settings().userName();
        CreatedAccessKey created;
        try {
            created = ctx.settings().client().createAccessKey(ctx.state().userName());
        } catch (LimitExceededException e) {
            ctx.clearStore();
            ctx.state(null);
            throw new RotationException("user " + quoted(userName) + " got another access key while the rotation"
                    + " started (" + e.errorMessage() + "); nothing was changed", null, e);
        }
        ctx.newCredentials(created.credentials());
        ctx.save(ctx.state().withNewAccessKeyId(created.accessKeyId(), ctx.now())
                .moveTo(RotationPhase.KEY_CREATED, ctx.now()));
        ctx.endStep(RotationStep.CREATE_KEY, started, detail + "created " + created.accessKeyId());
        return Next.to(Next.SWITCH);
    }

    /** Checks the user has room for the new key, deleting an Inactive second key if allowed; saves the start. */
    private static String checkStart(RotationContext ctx) {
        String userName = ctx.settings().userName();
        String keyId = ctx.state().oldAccessKeyId();
        List<AccessKeyMetadata> keys = ctx.listKeys();
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
            if (!ctx.settings().deleteInactiveKeyFirst()) {
                throw new RotationException("user " + quoted(userName) + " already has two access keys, "
                        + keyId + " (Active, the one to rotate) and " + other.accessKeyId() + " (Inactive): delete"
                        + " the Inactive key first, or allow the rotation to do it (deleteInactiveKeyFirst)");
            }
            ctx.deleteKey(other.accessKeyId(), null);
            detail = "deleted the Inactive key " + other.accessKeyId() + " first; ";
        }
        ctx.save(ctx.state());
        return detail;
    }

    /**
     * Deletes a second key the previous run created but never recorded (it stopped during the create call); a key
     * this rotation cannot have created (Inactive, or older than its start) stops it instead.
     *
     * @return what was deleted, for the step's detail ({@code ""} or ending in {@code "; "})
     */
    static String discardOrphans(RotationContext ctx) {
        RotationState state = ctx.state();
        List<AccessKeyMetadata> keys = ctx.listKeys();
        ctx.requireOldKey(keys);
        List<String> deleted = new ArrayList<>();
        for (AccessKeyMetadata key : keys) {
            if (key.accessKeyId().equals(state.oldAccessKeyId())) {
                continue;
            }
            if (!key.isActive() || key.createDate().isBefore(state.startedAt().minus(CLOCK_SKEW_ALLOWANCE))) {
                throw new RotationException("user " + quoted(state.userName()) + " has a key "
                        + key.accessKeyId() + " (" + key.status().wireName() + ", created " + key.createDate()
                        + ") that this rotation did not create; resolve it, then clear "
                        + ctx.settings().stateStore());
            }
            ctx.deleteKey(key.accessKeyId(), null);
            deleted.add(key.accessKeyId());
        }
        return deleted.isEmpty() ? "" : "deleted the never-used key " + String.join(", ", deleted)
                + " left by the previous run; ";
    }

    /**
     * Deletes the new key, whose secret never reached the sink or the provider, and goes back to {@code STARTED}:
     * the rotation starts over with another key.
     */
    static Next startOver(RotationContext ctx, String why) {
        Instant started = ctx.startStep(RotationStep.CREATE_KEY);
        RotationState state = ctx.state();
        String newKey = state.newAccessKeyId();
        ctx.deleteKey(newKey, ctx.oldCredentials());
        ctx.save(new RotationState(RotationPhase.STARTED, state.userName(), state.oldAccessKeyId(), null,
                state.startedAt(), ctx.now(), null, null, null, null));
        ctx.endStep(RotationStep.CREATE_KEY, started, "deleted the never-used new key " + newKey + " (" + why
                + "); starting over");
        return Next.to(Next.CREATE_KEY);
    }
}
