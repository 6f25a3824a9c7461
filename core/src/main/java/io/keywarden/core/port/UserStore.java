package io.keywarden.core.port;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.User;
import io.keywarden.core.identity.UserName;

import java.util.List;
import java.util.Optional;

/** Persistence of users. Names are unique case-insensitively per account ({@link UserName#key()}). */
public interface UserStore {
    /** Inserts a user; throws {@code EntityAlreadyExists} when the name is taken (enforced by the database). */
    void insert(User user);

    Optional<User> findByName(AccountId account, UserName name);

    Optional<User> findById(AccountId account, String userId);

    /**
     * Users whose path starts with {@code pathPrefix}, ordered by {@link UserName#key()}, after {@code afterKey}
     * (exclusive, null for the start), at most {@code limit}.
     */
    List<User> list(AccountId account, String pathPrefix, String afterKey, int limit);

    /** Deletes a user; false when it did not exist. */
    boolean delete(AccountId account, String userId);
}
