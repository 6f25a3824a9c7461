package io.keywarden.core.identity;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An IAM role of an account: who may assume it (its trust policy, {@code AssumeRolePolicyDocument}, stored as
 * written) and how long its sessions may last. Its permissions (inline and attached policies) are stored apart.
 *
 * @param roleId             {@code AROA} and 17 base32 characters
 * @param roleName           1-64 characters of {@code [\w+=,.@-]}, unique in the account ignoring case
 * @param description        null when it has none
 * @param maxSessionDuration seconds, 3600 to 43200
 * @param lastUsed           when a session of the role last made a request; null when none has yet
 */
public record Role(AccountId accountId, String roleId, String roleName, UserPath path, Instant createDate,
                   String assumeRolePolicyDocument, String description, int maxSessionDuration, List<Tag> tags,
                   RoleLastUsed lastUsed) {
    public static final int MAX_NAME_LENGTH = 64;
    public static final int DEFAULT_MAX_SESSION_DURATION = 3600;
    public static final int MIN_MAX_SESSION_DURATION = 3600;
    public static final int MAX_MAX_SESSION_DURATION = 43200;

    public Role {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(roleId, "roleId");
        Names.requireName(roleName, "roleName", MAX_NAME_LENGTH);
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(assumeRolePolicyDocument, "assumeRolePolicyDocument");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A role no session has used yet. */
    public Role(AccountId accountId, String roleId, String roleName, UserPath path, Instant createDate,
                String assumeRolePolicyDocument, String description, int maxSessionDuration, List<Tag> tags) {
        this(accountId, roleId, roleName, path, createDate, assumeRolePolicyDocument, description, maxSessionDuration,
                tags, null);
    }

    /** {@code arn:aws:iam::ACCOUNT:role{PATH}NAME}. */
    public String arn() {
        return Arns.role(accountId, path, roleName);
    }

    /** The case-folded name that uniqueness is decided on. */
    public String nameKey() {
        return nameKey(roleName);
    }

    public Role withLastUsed(RoleLastUsed used) {
        return new Role(accountId, roleId, roleName, path, createDate, assumeRolePolicyDocument, description,
                maxSessionDuration, tags, used);
    }

    public static String nameKey(String roleName) {
        return roleName.toLowerCase(Locale.ROOT);
    }

    public Role withDescription(String newDescription) {
        return new Role(accountId, roleId, roleName, path, createDate, assumeRolePolicyDocument, newDescription,
                maxSessionDuration, tags, lastUsed);
    }

    public Role withMaxSessionDuration(int seconds) {
        return new Role(accountId, roleId, roleName, path, createDate, assumeRolePolicyDocument, description, seconds,
                tags, lastUsed);
    }

    public Role withTags(List<Tag> newTags) {
        return new Role(accountId, roleId, roleName, path, createDate, assumeRolePolicyDocument, description,
                maxSessionDuration, newTags);
    }

    public Role withAssumeRolePolicyDocument(String document) {
        return new Role(accountId, roleId, roleName, path, createDate, document, description, maxSessionDuration, tags,
                lastUsed);
    }
}
