package io.keywarden.core.identity;

import java.util.Objects;
import java.util.Optional;

/**
 * Who signed a request: the account's root user, one of its IAM users (with a long-term key, or with temporary
 * credentials from GetSessionToken, which act as the user), or a session of an assumed role.
 */
public sealed interface Principal {
    AccountId accountId();

    /** {@code aws:userid}: the user ID for a user, the account ID for root, {@code ROLEID:SESSION} for a role session. */
    String userId();

    String arn();

    /**
     * {@code aws:PrincipalType}: {@code Account} for root, {@code User} for an IAM user, {@code AssumedRole} for a
     * role session.
     */
    String type();

    /** The IAM user behind the principal; empty for root and for a role session. */
    Optional<User> user();

    /** Whether this is the account's root user (never "no user": a role session has no user either). */
    default boolean isRoot() {
        return this instanceof Root;
    }

    /**
     * {@code aws:PrincipalArn}: the ARN policies name the principal by; the role's ARN for a role session (not the
     * session's {@code assumed-role} ARN), {@link #arn()} otherwise.
     */
    default String principalArn() {
        return arn();
    }

    /** CloudTrail's {@code userIdentity.type}: {@code Root}, {@code IAMUser} or {@code AssumedRole}. */
    default String identityType() {
        if (this instanceof Root) {
            return "Root";
        }
        return this instanceof AssumedRole ? "AssumedRole" : "IAMUser";
    }

    static Principal root(AccountId accountId) {
        return new Root(accountId);
    }

    static Principal user(User user) {
        return new IamUser(user);
    }

    record Root(AccountId accountId) implements Principal {
        public Root {
            Objects.requireNonNull(accountId, "accountId");
        }

        @Override
        public String userId() {
            return accountId.value();
        }

        @Override
        public String arn() {
            return accountId.rootArn();
        }

        @Override
        public String type() {
            return "Account";
        }

        @Override
        public Optional<User> user() {
            return Optional.empty();
        }
    }

    static Principal assumedRole(AccountId accountId, String roleId, String roleName, String rolePath,
                                 String sessionName) {
        return new AssumedRole(accountId, roleId, roleName, rolePath, sessionName);
    }

    /**
     * A session of an assumed role: {@code arn:aws:sts::ACCT:assumed-role/ROLENAME/SESSION} (no path), user ID
     * {@code ROLEID:SESSION}.
     *
     * @param rolePath the role's path, {@code /} or {@code /a/b/}
     */
    record AssumedRole(AccountId accountId, String roleId, String roleName, String rolePath, String sessionName)
            implements Principal {
        public AssumedRole {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(roleId, "roleId");
            Objects.requireNonNull(roleName, "roleName");
            Objects.requireNonNull(rolePath, "rolePath");
            Objects.requireNonNull(sessionName, "sessionName");
        }

        @Override
        public String userId() {
            return roleId + ":" + sessionName;
        }

        @Override
        public String arn() {
            return "arn:aws:sts::" + accountId.value() + ":assumed-role/" + roleName + "/" + sessionName;
        }

        /** {@code arn:aws:iam::ACCT:role{path}{name}}. */
        public String roleArn() {
            return "arn:aws:iam::" + accountId.value() + ":role" + rolePath + roleName;
        }

        @Override
        public String principalArn() {
            return roleArn();
        }

        @Override
        public String type() {
            return "AssumedRole";
        }

        @Override
        public Optional<User> user() {
            return Optional.empty();
        }
    }

    record IamUser(User value) implements Principal {
        public IamUser {
            Objects.requireNonNull(value, "user");
        }

        @Override
        public AccountId accountId() {
            return value.accountId();
        }

        @Override
        public String userId() {
            return value.userId();
        }

        @Override
        public String arn() {
            return value.arn();
        }

        @Override
        public String type() {
            return "User";
        }

        @Override
        public Optional<User> user() {
            return Optional.of(value);
        }
    }
}
