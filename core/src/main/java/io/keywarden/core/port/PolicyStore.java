package io.keywarden.core.port;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.permissions.InlinePolicy;
import io.keywarden.core.permissions.ManagedPolicy;

import java.util.List;
import java.util.Optional;

/** Persistence of inline user policies, managed policies and their attachments to users. */
public interface PolicyStore {
    /** Creates or replaces a user's inline policy (inline policy names are case-sensitive). */
    void putUserPolicy(AccountId account, String userId, InlinePolicy policy);

    Optional<InlinePolicy> getUserPolicy(AccountId account, String userId, String policyName);

    boolean deleteUserPolicy(AccountId account, String userId, String policyName);

    /** All of a user's inline policies, ordered by name as {@link String#compareTo} orders them. */
    List<InlinePolicy> userPolicies(AccountId account, String userId);

    /**
     * Creates a managed policy; throws {@code EntityAlreadyExists} when the name is taken in the account. Names are
     * not distinguished by case (as IAM's): {@code MyPolicy} and {@code mypolicy} cannot both exist.
     */
    void createPolicy(ManagedPolicy policy);

    /** A managed policy by ARN, with its current attachment count. */
    Optional<ManagedPolicy> findPolicy(AccountId account, String arn);

    /** Deletes a managed policy that has no attachments; false when it did not exist. */
    boolean deletePolicy(AccountId account, String arn);

    /**
     * Managed policies whose path starts with {@code pathPrefix}, ordered by name, after {@code afterName}
     * (exclusive), at most {@code limit}; only attached ones when {@code onlyAttached}.
     */
    List<ManagedPolicy> listPolicies(AccountId account, String pathPrefix, boolean onlyAttached, String afterName, int limit);

    /** Attaches; false when it was attached already. */
    boolean attach(AccountId account, String userId, String policyArn);

    /** Detaches; false when it was not attached. */
    boolean detach(AccountId account, String userId, String policyArn);

    /** The managed policies attached to a user, ordered by name as {@link String#compareTo} orders them. */
    List<ManagedPolicy> attachedPolicies(AccountId account, String userId);
}
