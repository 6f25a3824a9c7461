package io.keywarden.core.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** SHA-256, HMAC-SHA256 and hex, with one reusable digest and MAC per thread. */
final class SigV4Crypto {
    static final String HMAC_SHA256 = "HmacSHA256";

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK must provide SHA-256", e);
        }
    });

    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance(HMAC_SHA256);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK must provide HmacSHA256", e);
        }
    });

    /** Hex SHA-256 of the empty string, the payload hash of a request without a body. */
    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private SigV4Crypto() {
    }

    static byte[] sha256(byte[] data) {
        return SHA256.get().digest(data); // digest() leaves the instance reset for the next use
    }

    static String sha256Hex(byte[] data) {
        return data.length == 0 ? EMPTY_SHA256 : hex(sha256(data));
    }

    static String sha256Hex(String data) {
        return sha256Hex(data.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(byte[] key, String data) {
        return hmac(new SecretKeySpec(key, HMAC_SHA256), data);
    }

    static byte[] hmac(SecretKeySpec key, String data) {
        Mac mac = HMAC.get();
        try {
            mac.init(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 rejected a key", e);
        }
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")}. */
    static SecretKeySpec deriveSigningKey(String secretAccessKey, CredentialScope scope) {
        byte[] kDate = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), scope.date());
        byte[] kRegion = hmac(kDate, scope.region());
        byte[] kService = hmac(kRegion, scope.service());
        return new SecretKeySpec(hmac(kService, SigV4Names.TERMINATOR), HMAC_SHA256);
    }

    /** Hex HMAC of the string to sign with the signing key: the signature. */
    static String signature(SecretKeySpec signingKey, String stringToSign) {
        return hex(hmac(signingKey, stringToSign));
    }

    /**
     * Whether {@code claimedHex} is the signature of the request: the hex HMAC, under the signing key, of the string
     * to sign, compared with the MAC's bytes in constant time ({@link #hexEquals}).
     */
    static boolean signatureMatches(SecretKeySpec signingKey, String stringToSign, String claimedHex) {
        return hexEquals(hmac(signingKey, stringToSign), claimedHex);
    }

    /**
     * Whether {@code hex} is the lower-case hex form of {@code expected}, without an early exit on the first
     * difference: the time taken depends on the length and the characters of {@code hex} (the client's), never on
     * where it differs from {@code expected}.
     */
    static boolean hexEquals(byte[] expected, String hex) {
        if (hex.length() != expected.length * 2) {
            return false;
        }
        int difference = 0;
        for (int i = 0; i < expected.length; i++) {
            int high = lowerHexValue(hex.charAt(2 * i));
            int low = lowerHexValue(hex.charAt(2 * i + 1));
            // an invalid digit is -1: its bits make the difference non-zero
            difference |= ((high << 4) | low) ^ (expected[i] & 0xFF);
            difference |= (high | low) & 0x100;
        }
        return difference == 0;
    }

    private static int lowerHexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }
}
