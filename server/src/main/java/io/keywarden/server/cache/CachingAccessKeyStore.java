package io.keywarden.server.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.keys.AccessKey;
import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.keys.LastUsed;
import io.keywarden.core.port.AccessKeyStore;
import io.keywarden.core.port.KeyChangeListener;
import io.keywarden.core.port.StoredAccessKey;
import io.keywarden.server.settings.KeywardenConfig;
import io.keywarden.server.persistence.JdbcAccessKeyStore;
import io.micronaut.context.annotation.Primary;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access-key store the use cases see: the JDBC store, with each owner's key list for ListAccessKeys
 * ({@link #listByOwnerForListing}) held in memory so that listing one's keys costs no database read. Everything else
 * goes to the database as before.
 *
 * <p>Invalidation: a write made through this store drops its owner's list once the write has committed; every
 * {@link KeyChangeListener} event (this server's own, and those another node's changes produce once they are relayed
 * to this one) drops the list of the key's owner, or every list when the key belongs to no list this store knows (a
 * key created elsewhere); and lists expire after {@code keywarden.auth.key-cache-ttl} like the credentials, which
 * bounds staleness from other nodes. A list read from the database while a write was committing is not kept (a
 * counter of invalidations is compared before and after the read, under the lock the invalidations take), so an
 * invalidation can never be overtaken by a slower read.
 */
@Primary
@Singleton
public class CachingAccessKeyStore implements AccessKeyStore, KeyChangeListener {
    private record Owner(String account, String ownerId) {
    }

    private final AccessKeyStore delegate;
    /** Each owner's keys with their descriptions (the owner's tags keyed by key ID): one read fills both. */
    private final Cache<Owner, Listing> lists;
    /** Key ID to owner, for the keys of cached lists and keys this store wrote or read: invalidation by key ID. */
    private final ConcurrentHashMap<String, Owner> owners = new ConcurrentHashMap<>();
    private final long maxIndexed;
    private final Object lock = new Object();
    private volatile long invalidations;

    @Inject
    public CachingAccessKeyStore(JdbcAccessKeyStore delegate, KeywardenConfig.Auth auth) {
        this((AccessKeyStore) delegate, auth);
    }

    CachingAccessKeyStore(AccessKeyStore delegate, KeywardenConfig.Auth auth) {
        this.delegate = delegate;
        this.lists = Caffeine.newBuilder()
                .maximumSize(auth.getKeyCacheMaxSize())
                .expireAfterWrite(auth.getKeyCacheTtl())
                .build();
        this.maxIndexed = 2 * auth.getKeyCacheMaxSize();
    }

    @Override
    public boolean listingInMemory(AccountId account, String ownerId) {
        return lists.getIfPresent(new Owner(account.value(), ownerId)) != null;
    }

    @Override
    public List<AccessKey> listByOwnerForListing(AccountId account, String ownerId) {
        return listingByOwner(account, ownerId).keys();
    }

    @Override
    public Listing listingByOwner(AccountId account, String ownerId) {
        Owner owner = new Owner(account.value(), ownerId);
        Listing cached = lists.getIfPresent(owner);
        if (cached != null) {
            return cached;
        }
        long before = invalidations;
        Listing loaded = delegate.listingByOwner(account, ownerId);
        synchronized (lock) {
            if (invalidations == before) {
                if (owners.size() + loaded.keys().size() > maxIndexed) {
                    forgetAll();
                }
                for (AccessKey key : loaded.keys()) {
                    owners.put(key.id().value(), owner);
                }
                lists.put(owner, loaded);
            }
        }
        return loaded;
    }

    @Override
    public void accessKeyChanged(AccessKeyId id) {
        invalidate(id.value(), null);
    }

    /** Drops every cached list (tests, and whatever must start afresh). */
    public void invalidateAll() {
        synchronized (lock) {
            invalidations++;
            forgetAll();
        }
    }

    /** How many owners' lists are held (tests and metrics). */
    public long cachedLists() {
        lists.cleanUp();
        return lists.estimatedSize();
    }

    private void invalidate(String keyId, Owner knownOwner) {
        synchronized (lock) {
            invalidations++;
            Owner owner = knownOwner != null ? knownOwner : owners.get(keyId);
            if (owner == null) {
                // a key this node has not seen (e.g. created through another node): whose list it joins is unknown
                forgetAll();
            } else {
                lists.invalidate(owner);
            }
        }
    }

    private void forgetAll() {
        lists.invalidateAll();
        owners.clear();
    }

    private void remember(AccessKey key) {
        if (owners.size() < maxIndexed) {
            owners.put(key.id().value(), new Owner(key.accountId().value(), key.owner().id()));
        }
    }

    // ---------------------------------------------------------------- writes: delegate, then invalidate

    @Override
    public InsertResult insert(StoredAccessKey key, int slot) {
        InsertResult result = delegate.insert(key, slot);
        if (result == InsertResult.INSERTED) {
            AccessKey k = key.key();
            Owner owner = new Owner(k.accountId().value(), k.owner().id());
            owners.put(k.id().value(), owner);
            invalidate(k.id().value(), owner);
        }
        return result;
    }

    @Override
    public boolean updateStatus(AccessKeyId id, KeyStatus status) {
        boolean updated = delegate.updateStatus(id, status);
        invalidate(id.value(), null);
        return updated;
    }

    @Override
    public boolean delete(AccessKeyId id) {
        boolean deleted = delegate.delete(id);
        invalidate(id.value(), null);
        return deleted;
    }

    // ---------------------------------------------------------------- reads that must see the database

    @Override
    public Optional<StoredAccessKey> find(AccessKeyId id) {
        Optional<StoredAccessKey> found = delegate.find(id);
        found.ifPresent(s -> remember(s.key()));
        return found;
    }

    @Override
    public List<AccessKey> listByOwner(AccountId account, String ownerId) {
        return delegate.listByOwner(account, ownerId);
    }

    @Override
    public Map<String, List<AccessKey>> listByOwners(AccountId account, Collection<String> ownerIds) {
        return delegate.listByOwners(account, ownerIds);
    }

    @Override
    public void recordLastUsed(Map<AccessKeyId, LastUsed> batch) {
        delegate.recordLastUsed(batch);
    }

    @Override
    public Map<String, Instant> oldestActiveKeyDates(AccountId account, Collection<String> ownerIds) {
        return delegate.oldestActiveKeyDates(account, ownerIds);
    }
}
