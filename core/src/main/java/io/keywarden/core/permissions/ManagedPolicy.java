package io.keywarden.core.permissions;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Arns;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer-managed policy (one version, {@code v1}: Keywarden does not keep policy versions yet).
 *
 * @param attachmentCount how many users it is attached to, as stored
 */
public record ManagedPolicy(AccountId accountId, String policyId, String policyName, String path, String document,
                            String description, Instant createDate, Instant updateDate, int attachmentCount) {
    public ManagedPolicy {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(policyName, "policyName");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(updateDate, "updateDate");
        description = description == null ? "" : description;
    }

    public String arn() {
        return Arns.policy(accountId, path, policyName);
    }

    public String defaultVersionId() {
        return "v1";
    }

    public ManagedPolicy withAttachmentCount(int count) {
        return new ManagedPolicy(accountId, policyId, policyName, path, document, description, createDate, updateDate, count);
    }
}
