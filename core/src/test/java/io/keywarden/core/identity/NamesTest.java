package io.keywarden.core.identity;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"alice", "Bob", "a", "x+y=z,w.v@u_t-s", "0123456789"})
    void validUserNamesAreAccepted(String name) {
        assertThat(UserName.of(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "slash/", "star*", "ünicode", "colon:", "tab\t"})
    void invalidUserNamesAreValidationErrors(String name) {
        assertThatThrownBy(() -> UserName.of(name))
                .isInstanceOfSatisfying(KeywardenException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.VALIDATION_ERROR))
                .hasMessageStartingWith("1 validation error detected: Value at 'userName'");
    }

    @Test
    void userNamesLongerThan64AreRejected() {
        assertThat(UserName.of("a".repeat(64)).value()).hasSize(64);
        assertThatThrownBy(() -> UserName.of("a".repeat(65))).hasMessageContaining("less than or equal to 64");
    }

    @Test
    void userNameUniquenessIsCaseInsensitive() {
        assertThat(UserName.of("Alice").key()).isEqualTo(UserName.of("aLICE").key());
        assertThat(UserName.of("Alice").value()).isEqualTo("Alice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/division/", "/division/team/"})
    void validPathsAreAccepted(String path) {
        assertThat(UserPath.of(path).value()).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "division", "/division", "division/", "/a b/", "//"})
    void invalidPathsAreRejected(String path) {
        assertThatThrownBy(() -> UserPath.of(path)).isInstanceOf(KeywardenException.class);
    }

    @Test
    void arnsFollowAwsFormat() {
        AccountId account = AccountId.of("123456789012");
        User user = new User(account, "AIDAEXAMPLE", UserName.of("bob"), UserPath.of("/div/"), Instant.EPOCH);
        assertThat(user.arn()).isEqualTo("arn:aws:iam::123456789012:user/div/bob");
        assertThat(Principal.root(account).arn()).isEqualTo("arn:aws:iam::123456789012:root");
        assertThat(Principal.root(account).userId()).isEqualTo("123456789012");
        assertThat(Principal.user(user).userId()).isEqualTo("AIDAEXAMPLE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678901", "1234567890123", "12345678901a", ""})
    void accountIdsAreTwelveDigits(String value) {
        assertThatThrownBy(() -> AccountId.of(value)).isInstanceOf(KeywardenException.class);
    }

    @Test
    void randomAccountIdsAreTwelveDigits() {
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < 1000; i++) {
            assertThat(AccountId.random(r).value()).matches("[1-9][0-9]{11}");
        }
    }
}
