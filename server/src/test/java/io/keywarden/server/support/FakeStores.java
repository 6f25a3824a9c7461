package io.keywarden.server.support;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.User;
import io.keywarden.core.identity.UserName;
import io.keywarden.core.keys.AccessKey;
import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.keys.LastUsed;
import io.keywarden.core.port.AccessKeyStore;
import io.keywarden.core.port.StoredAccessKey;
import io.keywarden.core.port.UserStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Small in-memory stores for unit tests of the server's components; they count reads and keep batches. */
public final class FakeStores {
    private FakeStores() {
    }

    public static final class Keys implements AccessKeyStore {
        public final Map<AccessKeyId, StoredAccessKey> keys = new ConcurrentHashMap<>();
        public final AtomicInteger finds = new AtomicInteger();
        public volatile String lastFindThread;
        public final List<Map<AccessKeyId, LastUsed>> batches = new CopyOnWriteArrayList<>();
        public volatile RuntimeException failNextBatch;

        @Override
        public InsertResult insert(StoredAccessKey key, int slot) {
            return keys.putIfAbsent(key.key().id(), key) == null ? InsertResult.INSERTED : InsertResult.ID_TAKEN;
        }

        @Override
        public Optional<StoredAccessKey> find(AccessKeyId id) {
            finds.incrementAndGet();
            lastFindThread = Thread.currentThread().getName();
            return Optional.ofNullable(keys.get(id));
        }

        @Override
        public List<AccessKey> listByOwner(AccountId account, String ownerId) {
            List<AccessKey> out = new ArrayList<>();
            keys.values().forEach(k -> {
                if (k.key().owner().id().equals(ownerId)) {
                    out.add(k.key());
                }
            });
            return out;
        }

        @Override
        public boolean updateStatus(AccessKeyId id, KeyStatus status) {
            StoredAccessKey k = keys.get(id);
            if (k == null) {
                return false;
            }
            keys.put(id, new StoredAccessKey(k.key().withStatus(status), k.sealedSecret()));
            return true;
        }

        @Override
        public boolean delete(AccessKeyId id) {
            return keys.remove(id) != null;
        }

        @Override
        public void recordLastUsed(Map<AccessKeyId, LastUsed> batch) {
            RuntimeException failure = failNextBatch;
            if (failure != null) {
                failNextBatch = null;
                throw failure;
            }
            batches.add(Map.copyOf(batch));
        }

        @Override
        public Map<String, Instant> oldestActiveKeyDates(AccountId account, Collection<String> ownerIds) {
            return Map.of();
        }
    }

    public static final class Users implements UserStore {
        public final Map<String, User> byId = new ConcurrentHashMap<>();

        @Override
        public void insert(User user) {
            byId.put(user.userId(), user);
        }

        @Override
        public Optional<User> findByName(AccountId account, UserName name) {
            return byId.values().stream().filter(u -> u.userName().key().equals(name.key())).findFirst();
        }

        @Override
        public Optional<User> findById(AccountId account, String userId) {
            return Optional.ofNullable(byId.get(userId));
        }

        @Override
        public List<User> list(AccountId account, String pathPrefix, String afterKey, int limit) {
            return List.copyOf(byId.values());
        }

        @Override
        public boolean delete(AccountId account, String userId) {
            return byId.remove(userId) != null;
        }
    }
}
