package io.keywarden.sdk.model;

import io.keywarden.core.keys.KeyStatus;

import java.util.Objects;

/**
 * What quarantining a leaked key did: the owner now has the quarantine policy attached (denying everything but
 * reading and rotating its own keys) and the key has {@code status}. Undo by detaching {@code policyArn} from the
 * user ({@code detachUserPolicy}).
 *
 * @param userName        the key's owner
 * @param accessKeyId     the quarantined key
 * @param status          the key's status now (Inactive when it was deactivated)
 * @param policyArn       the quarantine policy's ARN
 * @param alreadyAttached whether the owner was quarantined already
 */
public record QuarantineResult(String userName, String accessKeyId, KeyStatus status, String policyArn,
                               boolean alreadyAttached) {
    public QuarantineResult {
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(policyArn, "policyArn");
    }
}
