package io.keywarden.core.keys;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.UserName;

import java.util.Objects;
import java.util.Optional;

/**
 * Who owns an access key: the root user (id = the account ID, as {@code aws:userid}) or an IAM user.
 * User names cannot change, so the name is kept beside the ID.
 */
public record KeyOwner(String id, UserName userName) {
    public KeyOwner {
        Objects.requireNonNull(id, "id");
    }

    public static KeyOwner root(AccountId account) {
        return new KeyOwner(account.value(), null);
    }

    public static KeyOwner user(String userId, UserName userName) {
        return new KeyOwner(userId, Objects.requireNonNull(userName, "userName"));
    }

    public boolean isRoot() {
        return userName == null;
    }

    public Optional<UserName> name() {
        return Optional.ofNullable(userName);
    }
}
