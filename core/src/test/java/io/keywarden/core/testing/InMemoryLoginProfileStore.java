package io.keywarden.core.testing;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.password.LoginProfile;
import io.keywarden.core.port.LoginProfileStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Login profiles, hash history and sign-in failures in memory. */
public final class InMemoryLoginProfileStore implements LoginProfileStore {
    private final Map<String, LoginProfile> profiles = new ConcurrentHashMap<>();
    private final Map<String, LinkedList<String>> history = new ConcurrentHashMap<>();
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    private static String key(AccountId account, String ownerId) {
        return account.value() + "/" + ownerId;
    }

    @Override
    public Optional<LoginProfile> find(AccountId account, String ownerId) {
        return Optional.ofNullable(profiles.get(key(account, ownerId)));
    }

    @Override
    public Map<String, LoginProfile> findAll(AccountId account, Collection<String> ownerIds) {
        Map<String, LoginProfile> out = new HashMap<>();
        ownerIds.forEach(id -> find(account, id).ifPresent(p -> out.put(id, p)));
        return out;
    }

    @Override
    public synchronized boolean insert(LoginProfile profile) {
        if (profiles.putIfAbsent(key(profile.accountId(), profile.ownerId()), profile) != null) {
            return false;
        }
        remember(profile);
        return true;
    }

    @Override
    public synchronized boolean update(LoginProfile profile, boolean newHash) {
        String key = key(profile.accountId(), profile.ownerId());
        if (profiles.replace(key, profile) == null) {
            return false;
        }
        if (newHash) {
            remember(profile);
        }
        return true;
    }

    private void remember(LoginProfile profile) {
        LinkedList<String> hashes = history.computeIfAbsent(key(profile.accountId(), profile.ownerId()),
                k -> new LinkedList<>());
        hashes.addFirst(profile.passwordHash());
        while (hashes.size() > HISTORY) {
            hashes.removeLast();
        }
    }

    @Override
    public synchronized boolean delete(AccountId account, String ownerId) {
        history.remove(key(account, ownerId));
        failures.remove(key(account, ownerId));
        return profiles.remove(key(account, ownerId)) != null;
    }

    @Override
    public List<String> recentHashes(AccountId account, String ownerId, int count) {
        List<String> all = history.getOrDefault(key(account, ownerId), new LinkedList<>());
        return new ArrayList<>(all.subList(0, Math.min(count, all.size())));
    }

    @Override
    public void signedIn(AccountId account, String ownerId, Instant at) {
        profiles.computeIfPresent(key(account, ownerId), (k, p) -> new LoginProfile(p.accountId(), p.ownerId(),
                p.userName(), p.passwordHash(), p.createDate(), p.passwordLastChanged(), p.passwordResetRequired(), at));
        failures.remove(key(account, ownerId));
    }

    @Override
    public Failures failures(AccountId account, String ownerId) {
        return failures.getOrDefault(key(account, ownerId), Failures.NONE);
    }

    @Override
    public synchronized Failures addFailure(AccountId account, String ownerId, int lockAfter, Instant lockUntil) {
        Failures before = failures(account, ownerId);
        int count = before.count() + 1;
        Failures after = count >= lockAfter ? new Failures(0, lockUntil) : new Failures(count, before.lockedUntil());
        failures.put(key(account, ownerId), after);
        return after;
    }

    @Override
    public void clearFailures(AccountId account, String ownerId) {
        failures.remove(key(account, ownerId));
    }
}
