package io.keywarden.core.crypto;

import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.keys.SecretAccessKey;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretSealerTest {
    private final SecureRandom random = new SecureRandom();
    private final AccessKeyId id = AccessKeyId.of("AKIARZPUZDIKGB2VALC4");

    private MasterKey key(int version) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return MasterKey.of(version, bytes);
    }

    @Test
    void sealThenUnsealRoundTrips() {
        SecretSealer sealer = SecretSealer.create(key(1), random);
        SecretAccessKey secret = SecretAccessKey.generate(random);
        String sealed = sealer.seal(id, secret);
        assertThat(sealed).startsWith("v1:").doesNotContain(secret.reveal());
        assertThat(sealer.unseal(id, sealed)).isEqualTo(secret);
    }

    @Test
    void sealingTheSameSecretTwiceGivesDifferentCiphertexts() {
        SecretSealer sealer = SecretSealer.create(key(1), random);
        SecretAccessKey secret = SecretAccessKey.generate(random);
        assertThat(sealer.seal(id, secret)).isNotEqualTo(sealer.seal(id, secret));
    }

    @Test
    void wrongMasterKeyFailsLoudly() {
        String sealed = SecretSealer.create(key(1), random).seal(id, SecretAccessKey.generate(random));
        SecretSealer other = SecretSealer.create(key(1), random);
        assertThatThrownBy(() -> other.unseal(id, sealed))
                .isInstanceOf(SecretSealer.SealingException.class)
                .hasMessageContaining("wrong master key");
    }

    @Test
    void aSealedSecretCannotBeMovedToAnotherKey() {
        SecretSealer sealer = SecretSealer.create(key(1), random);
        String sealed = sealer.seal(id, SecretAccessKey.generate(random));
        assertThatThrownBy(() -> sealer.unseal(AccessKeyId.of("AKIARZPUZDIKGB2VALC5"), sealed))
                .isInstanceOf(SecretSealer.SealingException.class);
    }

    @Test
    void tamperedCiphertextIsDetected() {
        SecretSealer sealer = SecretSealer.create(key(1), random);
        String sealed = sealer.seal(id, SecretAccessKey.generate(random));
        byte[] data = Base64.getDecoder().decode(sealed.substring(3));
        data[data.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(data);
        assertThatThrownBy(() -> sealer.unseal(id, tampered)).isInstanceOf(SecretSealer.SealingException.class);
        assertThatThrownBy(() -> sealer.unseal(id, "garbage")).isInstanceOf(SecretSealer.SealingException.class);
        assertThatThrownBy(() -> sealer.unseal(id, "v1:!!!")).isInstanceOf(SecretSealer.SealingException.class);
    }

    @Test
    void masterKeyRotationKeepsOldSecretsReadableAndResealsUnderTheNewVersion() {
        MasterKey v1 = key(1);
        MasterKey v2 = key(2);
        SecretAccessKey secret = SecretAccessKey.generate(random);
        String sealedV1 = SecretSealer.create(v1, random).seal(id, secret);

        SecretSealer rotated = SecretSealer.create(v2, List.of(v1), random);
        assertThat(rotated.unseal(id, sealedV1)).isEqualTo(secret);
        assertThat(rotated.needsReseal(sealedV1)).isTrue();
        String sealedV2 = rotated.reseal(id, sealedV1);
        assertThat(sealedV2).startsWith("v2:");
        assertThat(rotated.needsReseal(sealedV2)).isFalse();
        assertThatThrownBy(() -> SecretSealer.create(v2, random).unseal(id, sealedV1))
                .hasMessageContaining("master key version 1");
    }

    @Test
    void masterKeyMustBe32BytesAndNeverPrints() {
        assertThatThrownBy(() -> MasterKey.of(1, new byte[16])).hasMessageContaining("32 bytes");
        MasterKey k = MasterKey.fromBase64(1, Base64.getEncoder().encodeToString(new byte[32]));
        assertThat(k.toString()).contains("redacted").doesNotContain("AAAA");
        assertThatThrownBy(() -> MasterKey.fromBase64(1, "not base64 !")).hasMessageContaining("base64");
    }
}
