package io.keywarden.core.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.crypto.spec.SecretKeySpec;

/**
 * Caches derived SigV4 signing keys per access key id, secret, date, region and service, so that a verify with a
 * warm cache costs one HMAC instead of five.
 *
 * <p>The cache key holds a SHA-256 fingerprint of the secret (never the secret), so a changed secret can never
 * reuse a stale derived key. The cache is bounded: when full, entries for other dates go first, then arbitrary
 * ones, down to 90% of the bound. Lookups are a {@link ConcurrentHashMap} read and take no lock. Only keys that
 * verified a signature are stored (see {@link SigV4Verifier}), so unsigned garbage cannot fill the cache.
 */
public final class SigningKeyCache {

    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    private final int maxEntries;
    private final ConcurrentHashMap<Key, SecretKeySpec> keys;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    private SigningKeyCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, got " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.keys = new ConcurrentHashMap<>(Math.min(maxEntries, 1024));
    }

    /** A cache of at most {@value #DEFAULT_MAX_ENTRIES} signing keys. */
    public static SigningKeyCache create() {
        return new SigningKeyCache(DEFAULT_MAX_ENTRIES);
    }

    public static SigningKeyCache create(int maxEntries) {
        return new SigningKeyCache(maxEntries);
    }

    /** The cache key: the secret enters only as the first 128 bits of its SHA-256. */
    record Key(String accessKeyId, long secretHigh, long secretLow, String date, String region, String service) {
        @Override
        public String toString() {
            return "Key[" + accessKeyId + ", " + date + "/" + region + "/" + service + "]";
        }
    }

    static Key keyFor(String accessKeyId, String secretAccessKey, CredentialScope scope) {
        byte[] fingerprint = SigV4Crypto.sha256(secretAccessKey.getBytes(StandardCharsets.UTF_8));
        return new Key(accessKeyId, toLong(fingerprint, 0), toLong(fingerprint, 8), scope.date(), scope.region(),
                scope.service());
    }

    private static long toLong(byte[] bytes, int from) {
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = (value << 8) | (bytes[i] & 0xFF);
        }
        return value;
    }

    /** The cached signing key, or {@code null}; counts a hit or a miss. */
    SecretKeySpec get(Key key) {
        SecretKeySpec signingKey = keys.get(key);
        if (signingKey == null) {
            misses.increment();
        } else {
            hits.increment();
        }
        return signingKey;
    }

    void put(Key key, SecretKeySpec signingKey) {
        Objects.requireNonNull(signingKey, "signingKey");
        if (keys.size() >= maxEntries && !keys.containsKey(key)) {
            evict(key.date());
        }
        keys.put(key, signingKey);
    }

    private void evict(String currentDate) {
        keys.keySet().removeIf(k -> !k.date().equals(currentDate));
        int target = Math.max(0, maxEntries - Math.max(1, maxEntries / 10));
        Iterator<Key> it = keys.keySet().iterator();
        while (keys.size() > target && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    /** Drops every signing key of {@code accessKeyId} (for example when the key is deactivated or deleted). */
    public void invalidate(String accessKeyId) {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        keys.keySet().removeIf(k -> k.accessKeyId().equals(accessKeyId));
    }

    public void invalidateAll() {
        keys.clear();
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    public int size() {
        return keys.size();
    }

    public int maxEntries() {
        return maxEntries;
    }

    @Override
    public String toString() {
        return "SigningKeyCache[size=" + size() + ", maxEntries=" + maxEntries + ", hits=" + hits() + ", misses="
                + misses() + "]";
    }
}
