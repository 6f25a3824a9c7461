package io.keywarden.core.port;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.keys.AccessKey;
import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.keys.LastUsed;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Persistence of access keys. Each live key holds a slot (1..max) per owner under a unique constraint, which is what
 * makes the per-user key limit hold under concurrency. Deleted keys keep their ID reserved so it is never reissued.
 */
public interface AccessKeyStore {
    enum InsertResult { INSERTED, SLOT_TAKEN, ID_TAKEN }

    /** Inserts a key with its sealed secret into the owner's slot, atomically. */
    InsertResult insert(StoredAccessKey key, int slot);

    /** A live (not deleted) key by ID, with its sealed secret. */
    Optional<StoredAccessKey> find(AccessKeyId id);

    /** The owner's live keys, oldest first. */
    List<AccessKey> listByOwner(AccountId account, String ownerId);

    /**
     * The owner's live keys for ListAccessKeys: as {@link #listByOwner}, but a store may answer from a cache that is
     * invalidated on every key change it sees (see {@link KeyChangeListener}); the keys' last-used records may then be
     * stale, which ListAccessKeys does not show. Checks that must see the database (may a user be deleted?) use
     * {@link #listByOwner}.
     */
    default List<AccessKey> listByOwnerForListing(AccountId account, String ownerId) {
        return listByOwner(account, ownerId);
    }

    /**
     * The live keys of many owners at once, oldest first per owner. The default asks per owner; stores override it
     * with one query.
     */
    default Map<String, List<AccessKey>> listByOwners(AccountId account, Collection<String> ownerIds) {
        Map<String, List<AccessKey>> out = new java.util.LinkedHashMap<>();
        for (String owner : ownerIds) {
            out.put(owner, listByOwner(account, owner));
        }
        return out;
    }

    /** False when the key does not exist (or is deleted). */
    boolean updateStatus(AccessKeyId id, KeyStatus status);

    /** Deletes a key for good (its ID stays reserved); false when it did not exist. */
    boolean delete(AccessKeyId id);

    /** Merges last-used records: for each key the later of the stored and the given record is kept. */
    void recordLastUsed(Map<AccessKeyId, LastUsed> batch);

    /** For each given owner with at least one Active key, the create date of its oldest Active key. */
    Map<String, Instant> oldestActiveKeyDates(AccountId account, Collection<String> ownerIds);

    /**
     * ListAccessKeys' view of an owner: its live keys and their descriptions (key ID to description: the owner's tags
     * whose key is one of the key IDs, as AWS's console stores descriptions), read together so that listing costs
     * no read per key. A caching store holds both and drops them on every {@link KeyChangeListener} event of the
     * owner's keys (a description's change is one). The default has no descriptions.
     */
    default Listing listingByOwner(AccountId account, String ownerId) {
        return new Listing(listByOwnerForListing(account, ownerId), Map.of());
    }

    /** An owner's keys for ListAccessKeys, with their descriptions by key ID. */
    record Listing(List<AccessKey> keys, Map<String, String> descriptions) {
        public Listing {
            keys = List.copyOf(keys);
            descriptions = Map.copyOf(descriptions);
        }
    }

    /** Whether {@link #listByOwnerForListing} would answer from memory now, without I/O. */
    default boolean listingInMemory(AccountId account, String ownerId) {
        return false;
    }
}
