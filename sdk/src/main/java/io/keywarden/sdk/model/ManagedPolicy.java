package io.keywarden.sdk.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer-managed policy (CreatePolicy, GetPolicy, ListPolicies). Keywarden keeps one version of each, {@code v1}.
 *
 * @param policyName       the name, unique in the account ignoring case
 * @param policyId         {@code ANPA…}
 * @param arn              {@code arn:aws:iam::ACCOUNT:policy/PATH/NAME}; what attach, detach, get and delete take
 * @param path             {@code /} or {@code /division/team/}
 * @param defaultVersionId {@code v1}
 * @param attachmentCount  how many users it is attached to
 * @param isAttachable     always true for customer-managed policies
 * @param description      the description, empty when none was given
 * @param createDate       when it was created
 * @param updateDate       when it was last changed
 * @param policyDocument   the JSON document as created; {@code null} in listings (see {@link #document()})
 */
public record ManagedPolicy(String policyName, String policyId, String arn, String path, String defaultVersionId,
                            int attachmentCount, boolean isAttachable, String description, Instant createDate,
                            Instant updateDate, String policyDocument) {
    public ManagedPolicy {
        Objects.requireNonNull(policyName, "policyName");
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(defaultVersionId, "defaultVersionId");
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(updateDate, "updateDate");
        description = description == null ? "" : description;
    }

    /** The policy document; empty in listings, which do not carry documents. */
    public Optional<String> document() {
        return Optional.ofNullable(policyDocument);
    }
}
