package io.keywarden.core.sigv4;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The verifier's signature check: the same answer as comparing the signer's hex string, for every difference. */
class SigV4CryptoTest {
    private static final Random RANDOM = new Random(20261129L);

    @Test
    void hexEqualsAcceptsExactlyTheLowerCaseHexOfTheBytes() {
        for (int run = 0; run < 500; run++) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String hex = SigV4Crypto.hex(bytes);
            assertThat(SigV4Crypto.hexEquals(bytes, hex)).isTrue();

            int at = RANDOM.nextInt(hex.length());
            char other = "0123456789abcdef".charAt((Character.digit(hex.charAt(at), 16) + 1 + RANDOM.nextInt(15)) % 16);
            assertThat(SigV4Crypto.hexEquals(bytes, hex.substring(0, at) + other + hex.substring(at + 1))).isFalse();
            assertThat(SigV4Crypto.hexEquals(bytes, hex.substring(0, at) + "g" + hex.substring(at + 1))).isFalse();
            assertThat(SigV4Crypto.hexEquals(bytes, hex.substring(1))).isFalse();
            assertThat(SigV4Crypto.hexEquals(bytes, hex + "0")).isFalse();
            if (!hex.equals(hex.toUpperCase())) {
                // AWS signatures are lower-case hex; the former string comparison refused upper case too
                assertThat(SigV4Crypto.hexEquals(bytes, hex.toUpperCase())).isFalse();
            }
        }
        assertThat(SigV4Crypto.hexEquals(new byte[] {0}, "0\u0000")).isFalse();
        assertThat(SigV4Crypto.hexEquals(new byte[0], "")).isTrue();
    }

    @Test
    void signatureMatchesIsTheHexHmacOfTheStringToSign() {
        CredentialScope scope = CredentialScope.of(Instant.parse("2026-11-29T15:25:00Z"), "us-east-1", "iam");
        javax.crypto.spec.SecretKeySpec key = SigV4Crypto.deriveSigningKey("wJalrXUtnFEMI/K7MDENG+bPxRfiCYzEXAMPLEKEY",
                scope);
        String canonical = "GET\n/\nAction=ListUsers&Version=2010-05-08\nhost:iam.amazonaws.com\n\nhost\n"
                + SigV4Crypto.EMPTY_SHA256;
        String signature = SigV4Crypto.signature(key, StringToSign.build("20261129T152500Z", scope, canonical));
        assertThat(SigV4Crypto.signatureMatches(key, StringToSign.build("20261129T152500Z", scope, canonical),
                signature)).isTrue();
        assertThat(SigV4Crypto.signatureMatches(key, StringToSign.build("20261129T152501Z", scope, canonical),
                signature)).isFalse();
        assertThat(SigV4Crypto.signatureMatches(key, StringToSign.build("20261129T152500Z", scope, canonical + " "),
                signature)).isFalse();
    }
}
