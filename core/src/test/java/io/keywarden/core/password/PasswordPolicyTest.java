package io.keywarden.core.password;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {
    private static final PasswordPolicy STRICT = PasswordPolicy.of(10, true, true, true, true, true, 90, 3, false);

    @Test
    void eachCharacterRuleIsEnforcedWithAwsWording() {
        assertThat(STRICT.violation("Ab1!".toCharArray(), "u")).contains("Password should have a minimum length of 10");
        assertThat(STRICT.violation("abcdefgh1!".toCharArray(), "u"))
                .contains("Password should have at least one uppercase letter");
        assertThat(STRICT.violation("ABCDEFGH1!".toCharArray(), "u"))
                .contains("Password should have at least one lowercase letter");
        assertThat(STRICT.violation("Abcdefghi!".toCharArray(), "u")).contains("Password should have at least one number");
        assertThat(STRICT.violation("Abcdefghi1".toCharArray(), "u")).contains("Password should have at least one symbol");
        assertThat(STRICT.violation("Abcdefgh1!".toCharArray(), "u")).isEmpty();
    }

    @Test
    void onlyAwsSymbolsCountAsSymbols() {
        PasswordPolicy symbols = PasswordPolicy.of(6, true, false, false, false, true, null, null, false);
        assertThat(symbols.violation("abcdef~".toCharArray(), null)).isPresent();
        assertThat(symbols.violation("abcdef'".toCharArray(), null)).isEmpty();
    }

    @Test
    void theDefaultPolicyWantsEightCharactersOfThreeKindsAndNotTheUserName() {
        assertThat(PasswordPolicy.NONE.violation("Abc1234".toCharArray(), "u")).isPresent();
        assertThat(PasswordPolicy.NONE.violation("abcdefgh1".toCharArray(), "u")).isPresent();
        assertThat(PasswordPolicy.NONE.violation("Abcdefgh1".toCharArray(), "u")).isEmpty();
        assertThat(PasswordPolicy.NONE.violation("Alice-2026".toCharArray(), "alice-2026"))
                .contains("Password should not be the user name");
        assertThat(PasswordPolicy.NONE.allowUsersToChangePassword()).isTrue();
        assertThat(PasswordPolicy.NONE.expirePasswords()).isFalse();
    }

    @Test
    void rangesAreAwsRangesAndAbsentLengthIsSix() {
        assertThat(PasswordPolicy.of(null, false, false, false, false, false, null, null, false)
                .minimumPasswordLength()).isEqualTo(6);
        assertRange(() -> PasswordPolicy.of(5, false, false, false, false, false, null, null, false),
                "greater than or equal to 6");
        assertRange(() -> PasswordPolicy.of(129, false, false, false, false, false, null, null, false),
                "less than or equal to 128");
        assertRange(() -> PasswordPolicy.of(8, false, false, false, false, false, 0, null, false),
                "greater than or equal to 1");
        assertRange(() -> PasswordPolicy.of(8, false, false, false, false, false, 1096, null, false),
                "less than or equal to 1095");
        assertRange(() -> PasswordPolicy.of(8, false, false, false, false, false, null, 25, false),
                "less than or equal to 24");
    }

    @Test
    void expiryIsMaxAgeDaysAfterTheChange() {
        Instant changed = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(STRICT.expiry(changed)).contains(Instant.parse("2026-04-01T00:00:00Z"));
        assertThat(STRICT.expirePasswords()).isTrue();
        assertThat(PasswordPolicy.NONE.expiry(changed)).isEmpty();
    }

    @Test
    void checkThrowsPasswordPolicyViolation() {
        assertThatThrownBy(() -> STRICT.check("short".toCharArray(), null))
                .isInstanceOfSatisfying(KeywardenException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.PASSWORD_POLICY_VIOLATION));
    }

    private static void assertRange(Runnable r, String text) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(KeywardenException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.VALIDATION_ERROR);
            assertThat(e.getMessage()).contains(text);
        });
    }
}
