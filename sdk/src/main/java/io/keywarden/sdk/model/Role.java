package io.keywarden.sdk.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An IAM role (CreateRole, GetRole, ListRoles).
 *
 * @param roleName                 the role name, unique in the account ignoring case
 * @param roleId                   {@code AROA…}
 * @param arn                      {@code arn:aws:iam::ACCOUNT:role/PATH/NAME}, what {@link AssumeRoleRequest} takes
 * @param path                     {@code /} or {@code /division/team/}
 * @param createDate               when the role was created
 * @param assumeRolePolicyDocument the trust policy (who may assume the role), as stored: plain JSON, not URL-encoded
 * @param description              the description, or {@code null} when it has none
 * @param maxSessionDuration       the longest session AssumeRole may grant (1 to 12 hours)
 * @param tags                     the role's tags, empty when it has none
 * @param roleLastUsed             when a session of the role was last used (GetRole); {@code null} in listings, which
 *                                 leave it out as AWS's ListRoles does
 */
public record Role(String roleName, String roleId, String arn, String path, Instant createDate,
                   String assumeRolePolicyDocument, String description, Duration maxSessionDuration, List<Tag> tags,
                   RoleLastUsed roleLastUsed) {
    public Role {
        Objects.requireNonNull(roleName, "roleName");
        Objects.requireNonNull(roleId, "roleId");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(assumeRolePolicyDocument, "assumeRolePolicyDocument");
        Objects.requireNonNull(maxSessionDuration, "maxSessionDuration");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A role as a listing shows it (no {@code roleLastUsed}). */
    public Role(String roleName, String roleId, String arn, String path, Instant createDate,
                String assumeRolePolicyDocument, String description, Duration maxSessionDuration, List<Tag> tags) {
        this(roleName, roleId, arn, path, createDate, assumeRolePolicyDocument, description, maxSessionDuration, tags,
                null);
    }

    /** The description; empty when the role has none. */
    public Optional<String> descriptionIfAny() {
        return Optional.ofNullable(description);
    }
}
