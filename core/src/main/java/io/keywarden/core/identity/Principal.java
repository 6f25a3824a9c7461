package io.keywarden.core.identity;

import java.util.Objects;
import java.util.Optional;

/** Who signed a request: the account's root user or one of its IAM users. */
public sealed interface Principal {
    AccountId accountId();

    /** {@code aws:userid}: the user ID for a user, the account ID for root. */
    String userId();

    String arn();

    /** {@code aws:PrincipalType}: {@code Account} for root, {@code User} for an IAM user. */
    String type();

    /** The IAM user behind the principal; empty for root. */
    Optional<User> user();

    default boolean isRoot() {
        return this instanceof Root;
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
