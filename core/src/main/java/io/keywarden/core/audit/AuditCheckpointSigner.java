package io.keywarden.core.audit;

import io.keywarden.core.crypto.MasterKey;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Signs and checks {@link AuditCheckpoint}s with HMAC-SHA256 under a key derived from the master key with HKDF
 * (context {@value #CONTEXT}), as the session token keys are: every node holding the master key signs and checks
 * alike, no key is stored anywhere else, and the derived key reveals neither the master key nor any other key
 * derived from it. Comparison is constant-time.
 */
public final class AuditCheckpointSigner {
    public static final String CONTEXT = "keywarden audit checkpoint v1";
    private static final HexFormat HEX = HexFormat.of();

    private final int keyVersion;
    private final SecretKeySpec key;

    private AuditCheckpointSigner(int keyVersion, byte[] key) {
        this.keyVersion = keyVersion;
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    public static AuditCheckpointSigner of(MasterKey masterKey) {
        Objects.requireNonNull(masterKey, "masterKey");
        return new AuditCheckpointSigner(masterKey.version(), masterKey.derive(CONTEXT, 32));
    }

    /** The checkpoint signed (its key version set to this signer's). */
    public AuditCheckpoint sign(AuditCheckpoint unsigned) {
        AuditCheckpoint c = new AuditCheckpoint(unsigned.accountId(), unsigned.lastSeq(), unsigned.lastHash(),
                unsigned.lastEventTime(), unsigned.archive(), unsigned.createdAt(), keyVersion, "");
        return c.withSignature(HEX.formatHex(mac(c.signedText())));
    }

    /** Why the checkpoint's signature does not hold, or null when it does. */
    public String problemWith(AuditCheckpoint checkpoint) {
        if (checkpoint.keyVersion() != keyVersion) {
            return "the audit checkpoint is signed under master key version " + checkpoint.keyVersion()
                    + ", not the current version " + keyVersion;
        }
        byte[] given;
        try {
            given = HEX.parseHex(checkpoint.signature());
        } catch (IllegalArgumentException e) {
            return "the audit checkpoint's signature is not hex";
        }
        if (!MessageDigest.isEqual(given, mac(checkpoint.signedText()))) {
            return "the audit checkpoint's signature does not match: it was changed or forged";
        }
        return null;
    }

    private byte[] mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
