package io.keywarden.core.keys;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.AccountId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessKeyIdTest {
    @Test
    void knownExampleKeysDecodeToTheirAccounts() {
        assertThat(AccessKeyId.of("AKIARZPUZDIKGB2VALC4").account()).contains(AccountId.of("123456789012"));
        assertThat(AccessKeyId.of("ASIAY34FZKBOKMUTVV7A").account()).contains(AccountId.of("609629065308"));
    }

    @Test
    void oldStyleKeysCarryNoAccount() {
        assertThat(AccessKeyId.of("AKIAIOSFODNN7EXAMPLE").account()).isEmpty();
        assertThat(AccessKeyId.of("AKIDEXAMPLE12345678").account()).isEmpty();
    }

    @Test
    void encodingRoundTripsForManyAccounts() {
        Random seeds = new Random(42);
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 20_000; i++) {
            AccountId account = AccountId.random(seeds);
            AccessKeyId id = AccessKeyId.generate(account, random);
            assertThat(id.value()).hasSize(20).startsWith("AKIA").matches("AKIA[A-Z2-7]{16}");
            assertThat(id.account()).as(id.value()).contains(account);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"000000000000", "000000000001", "999999999999", "123456789012", "100000000000", "555555555555"})
    void encodingRoundTripsAtTheEdges(String account) {
        AccessKeyId id = AccessKeyId.generate(AccountId.of(account), new SecureRandom());
        assertThat(id.account()).contains(AccountId.of(account));
        AccessKeyId temp = AccessKeyId.generate(AccessKeyId.TEMPORARY_PREFIX, AccountId.of(account), new SecureRandom());
        assertThat(temp.value()).startsWith("ASIA");
        assertThat(temp.isTemporary()).isTrue();
        assertThat(temp.account()).contains(AccountId.of(account));
    }

    @Test
    void fifthCharacterReflectsTheOffset() {
        AccessKeyId id = AccessKeyId.generate(AccountId.of("123456789012"), new SecureRandom());
        assertThat(id.value().charAt(4)).isIn('Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', '2', '3', '4', '5', '6', '7');
    }

    @Test
    void generatedIdsAreDistinct() {
        SecureRandom random = new SecureRandom();
        Set<String> ids = new HashSet<>();
        AccountId account = AccountId.of("123456789012");
        for (int i = 0; i < 10_000; i++) {
            ids.add(AccessKeyId.generate(account, random).value());
        }
        assertThat(ids).hasSize(10_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "AKIA", "AKIA12345678901", "AKIA-1234567890123", "AKIA 1234567890123", "AKIAÄ234567890123"})
    void malformedIdsAreValidationErrors(String value) {
        assertThatThrownBy(() -> AccessKeyId.of(value))
                .isInstanceOfSatisfying(KeywardenException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.VALIDATION_ERROR));
    }

    @Test
    void overlongIdsAreValidationErrors() {
        assertThatThrownBy(() -> AccessKeyId.of("A".repeat(129))).isInstanceOf(KeywardenException.class)
                .hasMessageContaining("less than or equal to 128");
    }
    @Test
    void onlyAkiaOrAsiaWithSixteenBase32CharactersIsWellFormed() {
        assertThat(AccessKeyId.isWellFormed("AKIAQYLPMN5HHHFPZAM2")).isTrue();
        assertThat(AccessKeyId.isWellFormed("ASIAQYLPMN5HHHFPZAM2")).isTrue();
        assertThat(AccessKeyId.isWellFormed("AKIAIOSFODNN7EXAMPLE")).isTrue();
        for (String id : new String[] {"AKIAQYLPMN5HHHFPZ018", "AKIDQYLPMN5HHHFPZAM2", "akiaqylpmn5hhhfpzam2",
                "AKIAQYLPMN5HHHFPZAM", "AKIAQYLPMN5HHHFPZAM22", "", "AKIA" + "A".repeat(8_000)}) {
            assertThat(AccessKeyId.isWellFormed(id)).as(id).isFalse();
        }
        assertThat(AccessKeyId.isWellFormed(null)).isFalse();
    }
}
