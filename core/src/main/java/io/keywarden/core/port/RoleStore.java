package io.keywarden.core.port;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Role;
import io.keywarden.core.identity.RoleLastUsed;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Persistence of roles. Names are unique case-insensitively per account ({@link Role#nameKey()}). */
public interface RoleStore {
    /** Inserts a role; throws {@code EntityAlreadyExists} when the name is taken (enforced by the database). */
    void insert(Role role);

    /** A role by name, ignoring case. */
    Optional<Role> findByName(AccountId account, String roleName);

    Optional<Role> findById(AccountId account, String roleId);

    /**
     * Roles whose path starts with {@code pathPrefix}, ordered by {@link Role#nameKey()}, after {@code afterKey}
     * (exclusive, null for the start), at most {@code limit}.
     */
    List<Role> list(AccountId account, String pathPrefix, String afterKey, int limit);

    /** Stores a role's description, maximum session duration and trust policy; false when it does not exist. */
    boolean update(Role role);

    /** Replaces a role's tags (TagRole, UntagRole); false when it does not exist. */
    boolean updateTags(AccountId account, String roleId, List<io.keywarden.core.identity.Tag> tags);

    /**
     * Deletes a role; false when it did not exist; {@code DeleteConflict} when it still has inline or attached
     * policies (the database decides a race with a put or an attach).
     */
    boolean delete(AccountId account, String roleId);

    /**
     * Stores when sessions of roles were last used (by role ID), in one batch; a use older than the one stored, and a
     * role that no longer exists, are ignored.
     */
    void recordLastUsed(Map<String, RoleLastUsed> byRoleId);
}
