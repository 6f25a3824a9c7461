package io.keywarden.core.keys;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretAccessKeyTest {
    @Test
    void generatedSecretsAreFortyBase64Characters() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String s = SecretAccessKey.generate(random).reveal();
            assertThat(s).hasSize(40).matches("[A-Za-z0-9+/]{40}");
            seen.add(s);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void toStringNeverShowsTheSecret() {
        SecretAccessKey secret = SecretAccessKey.generate(new SecureRandom());
        assertThat(secret.toString()).doesNotContain(secret.reveal()).contains("redacted");
    }

    @Test
    void emptySecretIsRejected() {
        assertThatThrownBy(() -> SecretAccessKey.of("")).hasMessageContaining("secretAccessKey");
    }

    @Test
    void statusParsesExactlyAsAws() {
        assertThat(KeyStatus.parse("Active")).isEqualTo(KeyStatus.ACTIVE);
        assertThat(KeyStatus.parse("Inactive")).isEqualTo(KeyStatus.INACTIVE);
        assertThatThrownBy(() -> KeyStatus.parse("active")).hasMessageContaining("Value at 'status'");
        assertThatThrownBy(() -> KeyStatus.parse("Expired")).hasMessageContaining("enum value set");
        assertThatThrownBy(() -> KeyStatus.parse(null)).hasMessageContaining("status");
    }
}
