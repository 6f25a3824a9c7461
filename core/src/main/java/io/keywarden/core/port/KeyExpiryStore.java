package io.keywarden.core.port;

import io.keywarden.core.expiry.KeyExpiryPolicy;
import io.keywarden.core.identity.AccountId;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Persistence of an account's key expiry policy and of what its scheduler remembers about keys ("marks"): the warnings
 * it gave (once per key and threshold) and since when it has seen a key Inactive.
 */
public interface KeyExpiryStore {
    /** The policy and when it was last set. */
    record StoredPolicy(KeyExpiryPolicy policy, Instant updatedAt) {
    }

    Optional<StoredPolicy> policy(AccountId account);

    /** Sets the account's policy, replacing the one it had. */
    void putPolicy(AccountId account, KeyExpiryPolicy policy, Instant at);

    /** False when the account had no policy. */
    boolean deletePolicy(AccountId account);

    /** Every mark of the account's keys: access key ID to (mark to when it was set). */
    Map<String, Map<String, Instant>> marks(AccountId account);

    /** Sets a mark unless the key has it already; false when it had it. */
    boolean mark(AccountId account, String accessKeyId, String mark, Instant at);

    /** Removes one mark of a key (nothing when it has none). */
    void unmark(AccountId account, String accessKeyId, String mark);

    /** Removes every mark of a key (it was deleted). */
    void forget(AccountId account, String accessKeyId);
}
