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
        inline.computeIfAbsent(k(account, userId), x -> new TreeMap<>()).put(policy.policyName(), policy);
    }

    @Override
    public synchronized Optional<InlinePolicy> getUserPolicy(AccountId account, String userId, String policyName) {
        return Optional.ofNullable(inline.getOrDefault(k(account, userId), new TreeMap<>()).get(policyName));
    }

    @Override
    public synchronized boolean deleteUserPolicy(AccountId account, String userId, String policyName) {
        TreeMap<String, InlinePolicy> m = inline.get(k(account, userId));
        return m != null && m.remove(policyName) != null;
    }

    @Override
    public synchronized List<InlinePolicy> userPolicies(AccountId account, String userId) {
        return List.copyOf(inline.getOrDefault(k(account, userId), new TreeMap<>()).values());
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
        if (findPolicy(account, policyArn).isEmpty()) {
            throw KeywardenException.of(ErrorCode.NO_SUCH_ENTITY,
                    "Policy " + policyArn + " does not exist or is not attachable.");
        }
        return attachments.computeIfAbsent(k(account, userId), x -> new LinkedHashSet<>()).add(policyArn);
    }

    @Override
    public synchronized boolean detach(AccountId account, String userId, String policyArn) {
        Set<String> s = attachments.get(k(account, userId));
        return s != null && s.remove(policyArn);
    }

    @Override
    public synchronized List<ManagedPolicy> attachedPolicies(AccountId account, String userId) {
        List<ManagedPolicy> out = new ArrayList<>();
        for (String arn : attachments.getOrDefault(k(account, userId), Set.of())) {
            ManagedPolicy p = managed.get(arn);
            if (p != null) {
                out.add(p.withAttachmentCount(count(arn)));
            }
        }
        out.sort(Comparator.comparing(ManagedPolicy::policyName));
        return out;
    }

    // ---------------------------------------------------------------- roles

    @Override
    public synchronized void putRolePolicy(AccountId account, String roleId, InlinePolicy policy) {
        roleInline.computeIfAbsent(k(account, roleId), x -> new TreeMap<>()).put(policy.policyName(), policy);
    }

    @Override
    public synchronized Optional<InlinePolicy> getRolePolicy(AccountId account, String roleId, String policyName) {
        return Optional.ofNullable(roleInline.getOrDefault(k(account, roleId), new TreeMap<>()).get(policyName));
    }

    @Override
    public synchronized boolean deleteRolePolicy(AccountId account, String roleId, String policyName) {
        TreeMap<String, InlinePolicy> m = roleInline.get(k(account, roleId));
        return m != null && m.remove(policyName) != null;
    }

    @Override
    public synchronized List<InlinePolicy> rolePolicies(AccountId account, String roleId) {
        return List.copyOf(roleInline.getOrDefault(k(account, roleId), new TreeMap<>()).values());
    }

    @Override
    public synchronized boolean attachRolePolicy(AccountId account, String roleId, String policyArn) {
        if (findPolicy(account, policyArn).isEmpty()) {
            throw KeywardenException.of(ErrorCode.NO_SUCH_ENTITY,
                    "Policy " + policyArn + " does not exist or is not attachable.");
        }
        return roleAttachments.computeIfAbsent(k(account, roleId), x -> new LinkedHashSet<>()).add(policyArn);
    }

    @Override
    public synchronized boolean detachRolePolicy(AccountId account, String roleId, String policyArn) {
        Set<String> s = roleAttachments.get(k(account, roleId));
        return s != null && s.remove(policyArn);
    }

    @Override
    public synchronized List<ManagedPolicy> roleAttachedPolicies(AccountId account, String roleId) {
        List<ManagedPolicy> out = new ArrayList<>();
        for (String arn : roleAttachments.getOrDefault(k(account, roleId), Set.of())) {
            ManagedPolicy p = managed.get(arn);
            if (p != null) {
                out.add(p.withAttachmentCount(count(arn)));
            }
        }
        out.sort(Comparator.comparing(ManagedPolicy::policyName));
        return out;
    }
}
