package io.keywarden.core.crypto;

import java.util.Arrays;
import java.util.Base64;

/** A versioned 256-bit AES master key that seals secrets at rest. {@link #toString()} never shows the key. */
public final class MasterKey {
    private final int version;
    private final byte[] key;

    private MasterKey(int version, byte[] key) {
        if (version < 1) {
            throw new IllegalArgumentException("master key version must be at least 1");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException("master key must be 32 bytes (AES-256), got " + key.length);
        }
        this.version = version;
        this.key = key.clone();
    }

    public static MasterKey of(int version, byte[] key) {
        return new MasterKey(version, key);
    }

    /** Parses the base64 of 32 bytes, as in {@code KEYWARDEN_MASTER_KEY}. */
    public static MasterKey fromBase64(int version, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("master key is not valid base64");
        }
        return new MasterKey(version, bytes);
    }

    /**
     * Parses versioned master keys written {@code <version>:<base64 of 32 bytes>}, comma-separated (spaces around
     * entries ignored), as in {@code KEYWARDEN_MASTER_KEYS}: e.g. {@code 1:AAAA…=,2:BBBB…=}.
     *
     * @return the keys, ascending by version
     * @throws IllegalArgumentException naming the entry at fault by its version or position (never a key's bytes)
     */
    public static java.util.List<MasterKey> parseList(String spec) {
        java.util.Objects.requireNonNull(spec, "spec");
        java.util.TreeMap<Integer, MasterKey> keys = new java.util.TreeMap<>();
        int position = 0;
        for (String entry : spec.split(",")) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            position++;
            int colon = e.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("master key entry " + position
                        + " must be written <version>:<base64 of 32 bytes>");
            }
            int version;
            try {
                version = Integer.parseInt(e.substring(0, colon).trim());
            } catch (NumberFormatException bad) {
                throw new IllegalArgumentException("master key entry " + position + " has no numeric version");
            }
            if (version < 1) {
                throw new IllegalArgumentException("master key version must be at least 1, entry " + position);
            }
            MasterKey key;
            try {
                key = fromBase64(version, e.substring(colon + 1));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("master key version " + version + ": " + bad.getMessage());
            }
            if (keys.put(version, key) != null) {
                throw new IllegalArgumentException("master key version " + version + " is listed twice");
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no master key is listed");
        }
        return java.util.List.copyOf(keys.values());
    }

    public int version() {
        return version;
    }

    byte[] keyBytes() {
        return key.clone();
    }

    /**
     * A key derived from this master key with HKDF-SHA256 (RFC 5869; no salt, {@code info} as the context), so that
     * every node holding the same master key derives the same key and no derived key reveals the master key or
     * another derived key.
     *
     * @param length the number of bytes, at most 255 × 32
     */
    public byte[] derive(String info, int length) {
        return Hkdf.sha256(key, new byte[32], info.getBytes(java.nio.charset.StandardCharsets.UTF_8), length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MasterKey other && version == other.version && Arrays.equals(key, other.key);
    }

    @Override
    public int hashCode() {
        return version;
    }

    @Override
    public String toString() {
        return "MasterKey[version=" + version + ", key=redacted]";
    }
}
