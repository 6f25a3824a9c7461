package io.keywarden.core.session;

import io.keywarden.core.crypto.MasterKey;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The keys that seal and open session tokens: the first seals new tokens, every one listed opens them, so a key can
 * be rotated by putting a new one first and removing the old one once the longest session sealed with it has ended
 * (36 hours at most). Each key has an ID, written in clear in the token's header, so opening never tries keys in turn.
 *
 * <p>Configured as {@code kid:base64(32 bytes),kid2:base64(32 bytes)} ({@code keywarden.sessions.token-keys}); when
 * nothing is configured, one key derived from the master key ({@link #derivedFrom}), so every node sharing the master
 * key opens every node's tokens with no further setup. {@link #toString()} shows the key IDs only.
 */
public final class TokenKeys {
    /** The HKDF context of the key derived from the master key. */
    static final String DERIVATION_INFO = "keywarden session token key v1";
    private static final int MAX_ID = 32;

    /** One key: its ID and its 32 bytes (AES-256). */
    public static final class TokenKey {
        private final String id;
        private final byte[] key;
        private final javax.crypto.spec.SecretKeySpec spec;

        private TokenKey(String id, byte[] key) {
            if (!validId(id)) {
                throw new IllegalArgumentException("a session token key ID is 1 to " + MAX_ID
                        + " characters of [A-Za-z0-9._-], not '" + id + "'");
            }
            if (key.length != 32) {
                throw new IllegalArgumentException("session token key " + id + " must be 32 bytes (AES-256), got "
                        + key.length);
            }
            this.id = id;
            this.key = key.clone();
            this.spec = new javax.crypto.spec.SecretKeySpec(this.key, "AES");
        }

        public String id() {
            return id;
        }

        byte[] keyBytes() {
            return key;
        }

        javax.crypto.spec.SecretKeySpec spec() {
            return spec;
        }

        @Override
        public String toString() {
            return "TokenKey[id=" + id + ", key=redacted]";
        }
    }

    private final TokenKey sealing;
    private final Map<String, TokenKey> byId;

    private TokenKeys(List<TokenKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one session token key is needed");
        }
        Map<String, TokenKey> map = new LinkedHashMap<>();
        for (TokenKey k : keys) {
            if (map.put(k.id(), k) != null) {
                throw new IllegalArgumentException("session token key ID " + k.id() + " is listed twice");
            }
        }
        this.sealing = keys.get(0);
        this.byId = map;
    }

    public static TokenKeys of(String id, byte[] key) {
        return new TokenKeys(List.of(new TokenKey(id, key)));
    }

    /** Keys in order: the first seals. */
    public static TokenKeys of(List<Map.Entry<String, byte[]>> keys) {
        List<TokenKey> list = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : keys) {
            list.add(new TokenKey(e.getKey(), e.getValue()));
        }
        return new TokenKeys(list);
    }

    /**
     * Parses {@code kid:base64,kid2:base64} (spaces around entries ignored).
     *
     * @throws IllegalArgumentException naming the entry at fault (never a key's bytes)
     */
    public static TokenKeys parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        List<TokenKey> keys = new ArrayList<>();
        for (String entry : spec.split(",")) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            int colon = e.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("a session token key must be written kid:base64(32 bytes); "
                        + "an entry has no key ID");
            }
            String id = e.substring(0, colon).trim();
            byte[] key;
            try {
                key = Base64.getDecoder().decode(e.substring(colon + 1).trim());
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("session token key " + id + " is not valid base64");
            }
            keys.add(new TokenKey(id, key));
        }
        return new TokenKeys(keys);
    }

    /** One key derived from the master key with HKDF-SHA256, named {@code mk<version>}. */
    public static TokenKeys derivedFrom(MasterKey masterKey) {
        return of("mk" + masterKey.version(), masterKey.derive(DERIVATION_INFO, 32));
    }

    /**
     * One key derived from each master key ({@code mk<version>}): the newest version's seals new tokens, the older
     * versions' still open the tokens issued before the rotation (until their master key is retired).
     */
    public static TokenKeys derivedFrom(List<MasterKey> masterKeys) {
        List<MasterKey> sorted = new ArrayList<>(masterKeys);
        sorted.sort(java.util.Comparator.comparingInt(MasterKey::version).reversed());
        List<TokenKey> keys = new ArrayList<>();
        for (MasterKey k : sorted) {
            keys.add(new TokenKey("mk" + k.version(), k.derive(DERIVATION_INFO, 32)));
        }
        return new TokenKeys(keys);
    }

    /** The key new tokens are sealed with. */
    public TokenKey sealing() {
        return sealing;
    }

    /** The key of this ID, if it is configured. */
    public Optional<TokenKey> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    static boolean validId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "TokenKeys[sealing=" + sealing.id() + ", ids=" + byId.keySet() + "]";
    }
}
