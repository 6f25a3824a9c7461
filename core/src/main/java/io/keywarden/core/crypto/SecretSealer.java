package io.keywarden.core.crypto;

import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.keys.SecretAccessKey;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Seals secret access keys at rest with AES-256-GCM. The sealed form is {@code v<version>:<base64(nonce || ciphertext+tag)>};
 * the key ID is the additional authenticated data, so a sealed secret cannot be moved to another key. New secrets are
 * sealed under the current master key; older versions stay readable while they are configured, so the master key can
 * be rotated ({@link #reseal}).
 */
public final class SecretSealer {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MasterKey current;
    private final Map<Integer, MasterKey> byVersion = new HashMap<>();
    private final RandomGenerator random;

    private SecretSealer(MasterKey current, List<MasterKey> older, RandomGenerator random) {
        this.current = Objects.requireNonNull(current, "current");
        this.random = Objects.requireNonNull(random, "random");
        for (MasterKey k : older) {
            byVersion.put(k.version(), k);
        }
        byVersion.put(current.version(), current);
    }

    /** @param random a cryptographically strong generator (e.g. {@code SecureRandom}) for the nonces */
    public static SecretSealer create(MasterKey current, List<MasterKey> older, RandomGenerator random) {
        return new SecretSealer(current, older, random);
    }

    public static SecretSealer create(MasterKey current, RandomGenerator random) {
        return new SecretSealer(current, List.of(), random);
    }

    public int currentVersion() {
        return current.version();
    }

    /** The master key versions this sealer opens, ascending. */
    public java.util.SortedSet<Integer> configuredVersions() {
        return java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(byVersion.keySet()));
    }

    /** Whether secrets sealed under this master key version can be opened. */
    public boolean opens(int version) {
        return byVersion.containsKey(version);
    }

    /**
     * The master key version a sealed secret names ({@code v<version>:…}), or -1 when the text is not in that form.
     * Reads the prefix only; says nothing about whether the data opens.
     */
    public static int versionOf(String sealed) {
        if (sealed == null || sealed.length() < 3 || sealed.charAt(0) != 'v') {
            return -1;
        }
        int colon = sealed.indexOf(':');
        if (colon < 2 || colon > 11) {
            return -1;
        }
        long version = 0;
        for (int i = 1; i < colon; i++) {
            char c = sealed.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            version = version * 10 + (c - '0');
        }
        return version >= 1 && version <= Integer.MAX_VALUE ? (int) version : -1;
    }

    public String seal(AccessKeyId keyId, SecretAccessKey secret) {
        return sealText(keyId.value(), secret.reveal(), "key " + keyId);
    }

    /**
     * Seals any other secret (a webhook's signing secret) the same way; {@code context} (say {@code webhook:ID}) is the
     * additional authenticated data, so the sealed value cannot be moved to another owner.
     */
    public String seal(String context, String secret) {
        return sealText(context, secret, context);
    }

    /** Opens what {@link #seal(String, String)} sealed with the same context; fails as {@link #unseal} does. */
    public String unseal(String context, String sealed) {
        return unsealText(context, sealed, context);
    }

    private String sealText(String aad, String secret, String what) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, current, nonce);
            cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            byte[] ct = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + ct.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(ct, 0, out, NONCE_BYTES, ct.length);
            return "v" + current.version() + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed for " + what, e);
        }
    }

    /**
     * Unseals a secret. Fails loudly ({@link SealingException}) when the master key version is unknown, the data is
     * damaged, or the master key is not the one that sealed it.
     */
    public SecretAccessKey unseal(AccessKeyId keyId, String sealed) {
        return SecretAccessKey.of(unsealText(keyId.value(), sealed, "key " + keyId));
    }

    private String unsealText(String aad, String sealed, String what) {
        int colon = sealed == null ? -1 : sealed.indexOf(':');
        if (colon < 2 || sealed.charAt(0) != 'v') {
            throw new SealingException("sealed secret of " + what + " is not in the v<version>:<data> form");
        }
        int version;
        byte[] data;
        try {
            version = Integer.parseInt(sealed.substring(1, colon));
            data = Base64.getDecoder().decode(sealed.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new SealingException("sealed secret of " + what + " is damaged");
        }
        MasterKey key = byVersion.get(version);
        if (key == null) {
            throw new SealingException("sealed secret of " + what + " needs master key version " + version
                    + ", which is not configured");
        }
        if (data.length < NONCE_BYTES + TAG_BITS / 8) {
            // shorter than nonce + tag: GCM would fail with a ProviderException rather than a checked exception
            throw new SealingException("sealed secret of " + what + " is damaged");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(data, NONCE_BYTES));
            cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SealingException("cannot unseal the secret of " + what + " with master key version " + version
                    + ": wrong master key or tampered data");
        } catch (GeneralSecurityException e) {
            throw new SealingException("cannot unseal the secret of " + what + ": " + e.getClass().getSimpleName());
        }
    }

    /** True when the sealed value is under an older master key and should be resealed. */
    public boolean needsReseal(String sealed) {
        return sealed == null || !sealed.startsWith("v" + current.version() + ":");
    }

    /** Re-seals under the current master key (master key rotation). */
    public String reseal(AccessKeyId keyId, String sealed) {
        return seal(keyId, unseal(keyId, sealed));
    }

    private static Cipher cipher(int mode, MasterKey key, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key.keyBytes(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        return cipher;
    }

    /** A sealed secret that cannot be opened: a configuration or data-integrity failure, never a client error. */
    public static final class SealingException extends RuntimeException {
        public SealingException(String message) {
            super(message);
        }
    }
}
