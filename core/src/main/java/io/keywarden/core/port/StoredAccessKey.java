package io.keywarden.core.port;

import io.keywarden.core.keys.AccessKey;

import java.util.Objects;

/** An access key as stored: metadata plus the sealed secret (never the plaintext). */
public record StoredAccessKey(AccessKey key, String sealedSecret) {
    public StoredAccessKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(sealedSecret, "sealedSecret");
    }

    @Override
    public String toString() {
        return "StoredAccessKey[key=" + key + ", sealedSecret=[sealed]]";
    }
}
