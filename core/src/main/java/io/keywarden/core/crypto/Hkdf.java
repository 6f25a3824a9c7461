package io.keywarden.core.crypto;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;

/** HKDF with HMAC-SHA256 (RFC 5869), on the JDK's HMAC: extract then expand. */
public final class Hkdf {
    private static final int HASH_LEN = 32;

    private Hkdf() {
    }

    /**
     * @param ikm    the input keying material
     * @param salt   the salt (HashLen zero bytes when the caller has none)
     * @param info   the context
     * @param length how many bytes to derive, 1 to 255 × 32
     */
    public static byte[] sha256(byte[] ikm, byte[] salt, byte[] info, int length) {
        if (length < 1 || length > 255 * HASH_LEN) {
            throw new IllegalArgumentException("HKDF-SHA256 derives 1 to 8160 bytes, not " + length);
        }
        try {
            Mac extract = Mac.getInstance("HmacSHA256");
            extract.init(new SecretKeySpec(salt.length == 0 ? new byte[HASH_LEN] : salt, "HmacSHA256"));
            byte[] prk = extract.doFinal(ikm);
            Mac expand = Mac.getInstance("HmacSHA256");
            expand.init(new SecretKeySpec(prk, "HmacSHA256"));
            byte[] out = new byte[length];
            byte[] block = new byte[0];
            int done = 0;
            for (int i = 1; done < length; i++) {
                expand.update(block);
                expand.update(info);
                expand.update((byte) i);
                block = expand.doFinal();
                int n = Math.min(HASH_LEN, length - done);
                System.arraycopy(block, 0, out, done, n);
                done += n;
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
