package io.keywarden.core.crypto;

import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.keys.SecretAccessKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.SecureRandom;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Damaged sealed data always fails as a {@link SecretSealer.SealingException}, whatever its length. */
class SecretSealerDamageTest {
    private static final AccessKeyId ID = AccessKeyId.of("AKIARZPUZDIKGB2VALC4");
    private final SecretSealer sealer = SecretSealer.create(MasterKey.of(1, new byte[32]), new SecureRandom());

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 12, 13, 27, 28, 40, 68})
    void damagedDataOfAnyLengthIsASealingException(int length) {
        String sealed = "v1:" + Base64.getEncoder().encodeToString(new byte[length]);
        assertThatThrownBy(() -> sealer.unseal(ID, sealed)).isInstanceOf(SecretSealer.SealingException.class)
                .hasMessageContaining(ID.value());
    }

    @Test
    void sealedSecretsStillRoundTrip() {
        SecretAccessKey secret = SecretAccessKey.generate(new SecureRandom());
        assertThat(sealer.unseal(ID, sealer.seal(ID, secret))).isEqualTo(secret);
    }
}
