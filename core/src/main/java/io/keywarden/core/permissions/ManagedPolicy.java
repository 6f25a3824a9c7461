package io.keywarden.core.permissions;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Arns;

import java.time.Instant;
import java.util.Objects;

/**
 * A managed policy (one version, {@code v1}: Keywarden does not keep policy versions yet): a customer-managed one
 * ({@code arn:aws:iam::ACCOUNT:policy{path}{name}}), or one of Keywarden's built-in AWS-managed-style policies
 * ({@code arn:aws:iam::aws:policy{path}{name}}, {@link #awsManaged}), created in an account when it is first needed
 * and never changed or deleted by callers.
 *
 * @param attachmentCount how many users it is attached to, as stored
 * @param awsManaged      whether it is a built-in policy named under {@code arn:aws:iam::aws:policy}
 */
public record ManagedPolicy(AccountId accountId, String policyId, String policyName, String path, String document,
                            String description, Instant createDate, Instant updateDate, int attachmentCount,
                            boolean awsManaged) {
    /** The ARN prefix of AWS-managed (built-in) policies. */
    public static final String AWS_MANAGED_PREFIX = "arn:aws:iam::aws:policy/";

    /** A customer-managed policy. */
    public ManagedPolicy(AccountId accountId, String policyId, String policyName, String path, String document,
                         String description, Instant createDate, Instant updateDate, int attachmentCount) {
        this(accountId, policyId, policyName, path, document, description, createDate, updateDate, attachmentCount,
                false);
    }

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
        return awsManaged ? "arn:aws:iam::aws:policy" + path + policyName : Arns.policy(accountId, path, policyName);
    }

    public String defaultVersionId() {
        return "v1";
    }

    public ManagedPolicy withAttachmentCount(int count) {
        return new ManagedPolicy(accountId, policyId, policyName, path, document, description, createDate, updateDate, count,
                awsManaged);
    }
}
