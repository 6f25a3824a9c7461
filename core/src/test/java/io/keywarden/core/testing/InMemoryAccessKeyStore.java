package io.keywarden.core.testing;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.keys.AccessKey;
import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.keys.LastUsed;
import io.keywarden.core.port.AccessKeyStore;
import io.keywarden.core.port.StoredAccessKey;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An {@link AccessKeyStore} in memory with the same slot and ID-reservation semantics as the database. */
public final class InMemoryAccessKeyStore implements AccessKeyStore {
    private final Map<AccessKeyId, StoredAccessKey> live = new HashMap<>();
    private final Map<AccessKeyId, Integer> slots = new HashMap<>();
    private final Set<AccessKeyId> everIssued = new HashSet<>();

    @Override
    public synchronized InsertResult insert(StoredAccessKey key, int slot) {
        if (everIssued.contains(key.key().id())) {
            return InsertResult.ID_TAKEN;
        }
        boolean taken = live.values().stream().anyMatch(k -> k.key().owner().id().equals(key.key().owner().id())
                && k.key().accountId().equals(key.key().accountId()) && slots.get(k.key().id()) == slot);
        if (taken) {
            return InsertResult.SLOT_TAKEN;
        }
        live.put(key.key().id(), key);
        slots.put(key.key().id(), slot);
        everIssued.add(key.key().id());
        return InsertResult.INSERTED;
    }

    @Override
    public synchronized Optional<StoredAccessKey> find(AccessKeyId id) {
        return Optional.ofNullable(live.get(id));
    }

    @Override
    public synchronized List<AccessKey> listByOwner(AccountId account, String ownerId) {
        return live.values().stream().map(StoredAccessKey::key)
                .filter(k -> k.accountId().equals(account) && k.owner().id().equals(ownerId))
                .sorted(Comparator.comparing(AccessKey::createDate).thenComparing(k -> k.id().value()))
                .toList();
    }

    @Override
    public synchronized boolean updateStatus(AccessKeyId id, KeyStatus status) {
        StoredAccessKey s = live.get(id);
        if (s == null) {
            return false;
        }
        live.put(id, new StoredAccessKey(s.key().withStatus(status), s.sealedSecret()));
        return true;
    }

    @Override
    public synchronized boolean delete(AccessKeyId id) {
        slots.remove(id);
        return live.remove(id) != null;
    }

    @Override
    public synchronized void recordLastUsed(Map<AccessKeyId, LastUsed> batch) {
        batch.forEach((id, used) -> {
            StoredAccessKey s = live.get(id);
            if (s != null) {
                AccessKey k = s.key();
                LastUsed merged = LastUsed.latest(k.lastUsed(), used);
                live.put(id, new StoredAccessKey(new AccessKey(k.id(), k.accountId(), k.owner(), k.status(),
                        k.createDate(), merged), s.sealedSecret()));
            }
        });
    }

    @Override
    public synchronized Map<String, Instant> oldestActiveKeyDates(AccountId account, Collection<String> ownerIds) {
        Map<String, Instant> out = new HashMap<>();
        for (StoredAccessKey s : live.values()) {
            AccessKey k = s.key();
            if (k.accountId().equals(account) && k.isActive() && ownerIds.contains(k.owner().id())) {
                out.merge(k.owner().id(), k.createDate(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return out;
    }
}
