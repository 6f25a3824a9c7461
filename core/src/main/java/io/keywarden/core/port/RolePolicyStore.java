package io.keywarden.core.port;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.permissions.InlinePolicy;
import io.keywarden.core.permissions.ManagedPolicy;

import java.util.List;
import java.util.Optional;

/**
 * Persistence of roles' permissions: inline role policies and the attachment of managed policies to roles. The store
 * of managed policies ({@link PolicyStore}) counts role attachments in a policy's attachment count and refuses to
 * delete a policy attached to a role, so one implementation holds both.
 */
public interface RolePolicyStore {
    /** Creates or replaces a role's inline policy (names are case-sensitive); {@code NoSuchEntity} when the role is gone. */
    void putRolePolicy(AccountId account, String roleId, InlinePolicy policy);

    Optional<InlinePolicy> getRolePolicy(AccountId account, String roleId, String policyName);

    boolean deleteRolePolicy(AccountId account, String roleId, String policyName);

    /** All of a role's inline policies, ordered by name as {@link String#compareTo} orders them. */
    List<InlinePolicy> rolePolicies(AccountId account, String roleId);

    /** Attaches; false when it was attached already; {@code NoSuchEntity} when the policy or the role is gone. */
    boolean attachRolePolicy(AccountId account, String roleId, String policyArn);

    /** Detaches; false when it was not attached. */
    boolean detachRolePolicy(AccountId account, String roleId, String policyArn);

    /** The managed policies attached to a role, ordered by name as {@link String#compareTo} orders them. */
    List<ManagedPolicy> roleAttachedPolicies(AccountId account, String roleId);
}
