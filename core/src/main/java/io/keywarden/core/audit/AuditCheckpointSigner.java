package io.keywarden.core.audit;

import io.keywarden.core.crypto.MasterKey;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Signs and checks {@link AuditCheckpoint}s with HMAC-SHA256 under a key derived from the master key with HKDF
 * (context {@value #CONTEXT}), as the session token keys are: every node holding the master key signs and checks
 * alike, no key is stored anywhere else, and the derived key reveals neither the master key nor any other key
 * derived from it. Comparison is constant-time. With several master key versions (a rotation), checkpoints are
 * signed under the newest and checked under the version they name, so a checkpoint signed before the rotation still
 * verifies until {@link AuditRetention} re-signs it under the newest (before the old key can be retired).
 */
public final class AuditCheckpointSigner {
    public static final String CONTEXT = "keywarden audit checkpoint v1";
    private static final HexFormat HEX = HexFormat.of();

    private final int keyVersion;
    private final Map<Integer, SecretKeySpec> keys;

    private AuditCheckpointSigner(Map<Integer, SecretKeySpec> keys) {
        this.keys = Map.copyOf(keys);
        this.keyVersion = new TreeMap<>(keys).lastKey();
    }

    public static AuditCheckpointSigner of(MasterKey masterKey) {
        return of(List.of(Objects.requireNonNull(masterKey, "masterKey")));
    }

    /** Signs under the newest of {@code masterKeys}; checks under whichever version a checkpoint names. */
    public static AuditCheckpointSigner of(Collection<MasterKey> masterKeys) {
        if (masterKeys.isEmpty()) {
            throw new IllegalArgumentException("no master key");
        }
        Map<Integer, SecretKeySpec> keys = new TreeMap<>();
        for (MasterKey k : masterKeys) {
            keys.put(k.version(), new SecretKeySpec(k.derive(CONTEXT, 32), "HmacSHA256"));
        }
        return new AuditCheckpointSigner(keys);
    }

    /** True when {@code checkpoint} is signed under the newest master key version (nothing to re-sign). */
    public boolean isCurrent(AuditCheckpoint checkpoint) {
        return checkpoint.keyVersion() == keyVersion;
    }

    /** The checkpoint signed (its key version set to this signer's). */
    public AuditCheckpoint sign(AuditCheckpoint unsigned) {
        AuditCheckpoint c = new AuditCheckpoint(unsigned.accountId(), unsigned.lastSeq(), unsigned.lastHash(),
                unsigned.lastEventTime(), unsigned.archive(), unsigned.createdAt(), keyVersion, "");
        return c.withSignature(HEX.formatHex(mac(keys.get(keyVersion), c.signedText())));
    }

    /** Why the checkpoint's signature does not hold, or null when it does. */
    public String problemWith(AuditCheckpoint checkpoint) {
        SecretKeySpec key = keys.get(checkpoint.keyVersion());
        if (key == null) {
            return "the audit checkpoint is signed under master key version " + checkpoint.keyVersion()
                    + ", which is not configured (configured: " + new TreeMap<>(keys).keySet() + ")";
        }
        byte[] given;
        try {
            given = HEX.parseHex(checkpoint.signature());
        } catch (IllegalArgumentException e) {
            return "the audit checkpoint's signature is not hex";
        }
        if (!MessageDigest.isEqual(given, mac(key, checkpoint.signedText()))) {
            return "the audit checkpoint's signature does not match: it was changed or forged";
        }
        return null;
    }

    private static byte[] mac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
