package io.keywarden.server.cache;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.keys.AccessKey;
import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.keys.LastUsed;
import io.keywarden.core.port.AccessKeyStore;
import io.keywarden.core.port.StoredAccessKey;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An access-key store that forwards every call (for tests that watch or delay some of them). */
class ForwardingStore implements AccessKeyStore {
    private final AccessKeyStore target;

    ForwardingStore(AccessKeyStore target) {
        this.target = target;
    }

    @Override
    public InsertResult insert(StoredAccessKey key, int slot) {
        return target.insert(key, slot);
    }

    @Override
    public Optional<StoredAccessKey> find(AccessKeyId id) {
        return target.find(id);
    }

    @Override
    public List<AccessKey> listByOwner(AccountId account, String ownerId) {
        return target.listByOwner(account, ownerId);
    }

    @Override
    public boolean updateStatus(AccessKeyId id, KeyStatus status) {
        return target.updateStatus(id, status);
    }

    @Override
    public boolean delete(AccessKeyId id) {
        return target.delete(id);
    }

    @Override
    public void recordLastUsed(Map<AccessKeyId, LastUsed> batch) {
        target.recordLastUsed(batch);
    }

    @Override
    public Map<String, Instant> oldestActiveKeyDates(AccountId account, Collection<String> ownerIds) {
        return target.oldestActiveKeyDates(account, ownerIds);
    }
}
