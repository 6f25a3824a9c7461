package io.keywarden.core.testing;

import io.keywarden.core.expiry.KeyExpiryPolicy;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.port.KeyExpiryStore;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link KeyExpiryStore} in memory. */
public final class InMemoryKeyExpiryStore implements KeyExpiryStore {
    private final Map<AccountId, StoredPolicy> policies = new ConcurrentHashMap<>();
    private final Map<AccountId, Map<String, Map<String, Instant>>> marks = new ConcurrentHashMap<>();

    @Override
    public Optional<StoredPolicy> policy(AccountId account) {
        return Optional.ofNullable(policies.get(account));
    }

    @Override
    public void putPolicy(AccountId account, KeyExpiryPolicy policy, Instant at) {
        policies.put(account, new StoredPolicy(policy, at));
    }

    @Override
    public boolean deletePolicy(AccountId account) {
        return policies.remove(account) != null;
    }

    @Override
    public synchronized Map<String, Map<String, Instant>> marks(AccountId account) {
        Map<String, Map<String, Instant>> copy = new HashMap<>();
        marks.getOrDefault(account, Map.of()).forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        return copy;
    }

    @Override
    public synchronized boolean mark(AccountId account, String accessKeyId, String mark, Instant at) {
        return marks.computeIfAbsent(account, a -> new HashMap<>()).computeIfAbsent(accessKeyId, k -> new HashMap<>())
                .putIfAbsent(mark, at) == null;
    }

    @Override
    public synchronized void unmark(AccountId account, String accessKeyId, String mark) {
        Map<String, Instant> m = marks.getOrDefault(account, Map.of()).get(accessKeyId);
        if (m != null) {
            m.remove(mark);
        }
    }

    @Override
    public synchronized void forget(AccountId account, String accessKeyId) {
        marks.getOrDefault(account, new HashMap<>()).remove(accessKeyId);
    }
}
