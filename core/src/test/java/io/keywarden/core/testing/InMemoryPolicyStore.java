package io.keywarden.core.testing;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.permissions.InlinePolicy;
import io.keywarden.core.permissions.ManagedPolicy;
import io.keywarden.core.port.PolicyStore;
import io.keywarden.core.port.RolePolicyStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A {@link PolicyStore} and {@link RolePolicyStore} in memory (one store, so that role attachments count in a policy's
 * attachment count and keep it from being deleted), held to the store contract (server's {@code InMemoryPolicyStoreTest}) except for
 * what needs the users: it takes policies for any user ID, and users with policies can be deleted from a user store.
 */
public final class InMemoryPolicyStore implements PolicyStore, RolePolicyStore {
    private final Map<String, TreeMap<String, InlinePolicy>> inline = new HashMap<>();
    private final Map<String, ManagedPolicy> managed = new HashMap<>();
    private final Map<String, Set<String>> attachments = new HashMap<>();
    private final Map<String, TreeMap<String, InlinePolicy>> roleInline = new HashMap<>();
    private final Map<String, Set<String>> roleAttachments = new HashMap<>();

    private static String k(AccountId a, String id) {
        return a.value() + "/" + id;
    }

    @Override
    public synchronized void putUserPolicy(AccountId account, String userId, InlinePolicy policy) {
        put(inline, k(account, userId), policy);
    }

    @Override
    public synchronized Optional<InlinePolicy> getUserPolicy(AccountId account, String userId, String policyName) {
        return get(inline, k(account, userId), policyName);
    }

    @Override
    public synchronized boolean deleteUserPolicy(AccountId account, String userId, String policyName) {
        return delete(inline, k(account, userId), policyName);
    }

    @Override
    public synchronized List<InlinePolicy> userPolicies(AccountId account, String userId) {
        return list(inline, k(account, userId));
    }

    @Override
    public synchronized void createPolicy(ManagedPolicy policy) {
        boolean taken = managed.values().stream().anyMatch(p -> p.accountId().equals(policy.accountId())
                && p.policyName().equalsIgnoreCase(policy.policyName()));
        if (taken) {
            throw KeywardenException.of(ErrorCode.ENTITY_ALREADY_EXISTS,
                    "A policy called " + policy.policyName() + " already exists. Duplicate names are not allowed.");
        }
        managed.put(policy.arn(), policy);
    }

    private int count(String arn) {
        return (int) (attachments.values().stream().filter(s -> s.contains(arn)).count()
                + roleAttachments.values().stream().filter(s -> s.contains(arn)).count());
    }

    @Override
    public synchronized Optional<ManagedPolicy> findPolicy(AccountId account, String arn) {
        return Optional.ofNullable(managed.get(arn)).filter(p -> p.accountId().equals(account))
                .map(p -> p.withAttachmentCount(count(arn)));
    }

    @Override
    public synchronized boolean deletePolicy(AccountId account, String arn) {
        if (findPolicy(account, arn).isEmpty()) {
            return false;
        }
        if (count(arn) > 0) {
            throw KeywardenException.of(ErrorCode.DELETE_CONFLICT, "Cannot delete a policy attached to entities.");
        }
        return managed.remove(arn) != null;
    }

    @Override
    public synchronized List<ManagedPolicy> listPolicies(AccountId account, String pathPrefix, boolean onlyAttached,
                                                         String afterName, int limit) {
        return managed.values().stream()
                .filter(p -> p.accountId().equals(account) && p.path().startsWith(pathPrefix))
                .map(p -> p.withAttachmentCount(count(p.arn())))
                .filter(p -> !onlyAttached || p.attachmentCount() > 0)
                .filter(p -> afterName == null || p.policyName().compareTo(afterName) > 0)
                .sorted(Comparator.comparing(ManagedPolicy::policyName))
                .limit(limit).toList();
    }

    @Override
    public synchronized boolean attach(AccountId account, String userId, String policyArn) {
        return attach(attachments, account, userId, policyArn);
    }

    @Override
    public synchronized boolean detach(AccountId account, String userId, String policyArn) {
        return detach(attachments, k(account, userId), policyArn);
    }

    @Override
    public synchronized List<ManagedPolicy> attachedPolicies(AccountId account, String userId) {
        return attached(attachments, k(account, userId));
    }

    // ---------------------------------------------------------------- roles

    @Override
    public synchronized void putRolePolicy(AccountId account, String roleId, InlinePolicy policy) {
        put(roleInline, k(account, roleId), policy);
    }

    @Override
    public synchronized Optional<InlinePolicy> getRolePolicy(AccountId account, String roleId, String policyName) {
        return get(roleInline, k(account, roleId), policyName);
    }

    @Override
    public synchronized boolean deleteRolePolicy(AccountId account, String roleId, String policyName) {
        return delete(roleInline, k(account, roleId), policyName);
    }

    @Override
    public synchronized List<InlinePolicy> rolePolicies(AccountId account, String roleId) {
        return list(roleInline, k(account, roleId));
    }

    @Override
    public synchronized boolean attachRolePolicy(AccountId account, String roleId, String policyArn) {
        return attach(roleAttachments, account, roleId, policyArn);
    }

    @Override
    public synchronized boolean detachRolePolicy(AccountId account, String roleId, String policyArn) {
        return detach(roleAttachments, k(account, roleId), policyArn);
    }

    @Override
    public synchronized List<ManagedPolicy> roleAttachedPolicies(AccountId account, String roleId) {
        return attached(roleAttachments, k(account, roleId));
    }

    // ---------------------------------------------------------------- one implementation for users and roles

    private static void put(Map<String, TreeMap<String, InlinePolicy>> byOwner, String owner, InlinePolicy policy) {
        byOwner.computeIfAbsent(owner, x -> new TreeMap<>()).put(policy.policyName(), policy);
    }

    private static Optional<InlinePolicy> get(Map<String, TreeMap<String, InlinePolicy>> byOwner, String owner,
                                              String policyName) {
        return Optional.ofNullable(byOwner.getOrDefault(owner, new TreeMap<>()).get(policyName));
    }

    private static boolean delete(Map<String, TreeMap<String, InlinePolicy>> byOwner, String owner,
                                  String policyName) {
        TreeMap<String, InlinePolicy> m = byOwner.get(owner);
        return m != null && m.remove(policyName) != null;
    }

    private static List<InlinePolicy> list(Map<String, TreeMap<String, InlinePolicy>> byOwner, String owner) {
        return List.copyOf(byOwner.getOrDefault(owner, new TreeMap<>()).values());
    }

    private boolean attach(Map<String, Set<String>> byOwner, AccountId account, String ownerId, String policyArn) {
        if (findPolicy(account, policyArn).isEmpty()) {
            throw KeywardenException.of(ErrorCode.NO_SUCH_ENTITY,
                    "Policy " + policyArn + " does not exist or is not attachable.");
        }
        return byOwner.computeIfAbsent(k(account, ownerId), x -> new LinkedHashSet<>()).add(policyArn);
    }

    private static boolean detach(Map<String, Set<String>> byOwner, String owner, String policyArn) {
        Set<String> s = byOwner.get(owner);
        return s != null && s.remove(policyArn);
    }

    private List<ManagedPolicy> attached(Map<String, Set<String>> byOwner, String owner) {
        List<ManagedPolicy> out = new ArrayList<>();
        for (String arn : byOwner.getOrDefault(owner, Set.of())) {
            ManagedPolicy p = managed.get(arn);
            if (p != null) {
                out.add(p.withAttachmentCount(count(arn)));
            }
        }
        out.sort(Comparator.comparing(ManagedPolicy::policyName));
        return out;
    }
}
