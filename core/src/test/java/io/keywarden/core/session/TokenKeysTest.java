package io.keywarden.core.session;

import io.keywarden.core.crypto.Hkdf;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenKeysTest {
    private static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String K2 = Base64.getEncoder().encodeToString(filled(7));

    private static byte[] filled(int b) {
        byte[] k = new byte[32];
        java.util.Arrays.fill(k, (byte) b);
        return k;
    }

    @Test
    void theFirstListedKeySealsAndAllOpen() {
        TokenKeys keys = TokenKeys.parse(" new:" + K2 + " , old:" + K1);
        assertThat(keys.sealing().id()).isEqualTo("new");
        assertThat(keys.ids()).containsExactly("new", "old");
        assertThat(keys.byId("old")).isPresent();
        assertThat(keys.byId("gone")).isEmpty();
    }

    @Test
    void badSpecificationsAreRefusedWithoutShowingKeys() {
        assertThatThrownBy(() -> TokenKeys.parse("")).hasMessageContaining("at least one");
        assertThatThrownBy(() -> TokenKeys.parse(K1)).hasMessageContaining("no key ID");
        assertThatThrownBy(() -> TokenKeys.parse("a:" + K1 + ",a:" + K2)).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> TokenKeys.parse("a:%%%")).hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> TokenKeys.parse("a:" + Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> TokenKeys.parse("bad id:" + K1)).hasMessageContaining("key ID")
                .message().doesNotContain(K1);
    }

    /** RFC 5869 test case 1. */
    @Test
    void hkdfMatchesTheRfcVector() {
        HexFormat hex = HexFormat.of();
        byte[] okm = Hkdf.sha256(hex.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"),
                hex.parseHex("000102030405060708090a0b0c"), hex.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);
        assertThat(hex.formatHex(okm)).isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                + "34007208d5b887185865");
    }
}
