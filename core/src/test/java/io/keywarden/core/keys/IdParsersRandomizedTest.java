package io.keywarden.core.keys;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.UserName;
import io.keywarden.core.identity.UserPath;
import io.keywarden.core.port.PageRequest;
import io.keywarden.core.testing.RandomizedChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

/**
 * The parsers of identifiers that arrive on the wire (access key IDs, account IDs, user names and paths, key statuses,
 * list markers) on arbitrary and on nearly-valid input: each either accepts the value or refuses it with a 4xx
 * {@link KeywardenException} (never another exception, never a 5xx), and what is accepted round-trips.
 */
class IdParsersRandomizedTest {
    private static final int TRIES = 3_000;
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final char[] WORD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_".toCharArray();

    @Test
    void anyStringIsAnAccessKeyIdOrAValidationError() {
        RandomizedChecks.forAll(7_100L, TRIES, IdParsersRandomizedTest::idLike, s -> {
            AccessKeyId id = acceptedOrRefused(() -> AccessKeyId.of(s));
            if (id != null) {
                assertThat(id.value()).isEqualTo(s);
                Optional<AccountId> account = assertDoesNotThrowAndGet(id::account);
                account.ifPresent(a -> assertThat(a.value()).hasSize(12).containsOnlyDigits());
            }
        });
    }

    @Test
    void issuedKeyIdsCarryTheirAccountAndParseBack() {
        RandomizedChecks.forAll(7_200L, TRIES, r -> new Object[] {AccountId.random(r), r.nextLong()}, input -> {
            AccountId account = (AccountId) input[0];
            AccessKeyId id = AccessKeyId.generate(account, new Random((Long) input[1]));
            assertThat(id.value()).matches("AKIA[A-Z2-7]{16}");
            assertThat(AccessKeyId.of(id.value())).isEqualTo(id);
            assertThat(id.account()).contains(account);
        });
    }

    @Test
    void aKeyIdWithOneCharacterChangedStillDecodesWithoutFailing() {
        RandomizedChecks.forAll(7_300L, TRIES, r -> {
            char[] id = AccessKeyId.generate(AccountId.random(r), r).value().toCharArray();
            int at = r.nextInt(id.length);
            id[at] = r.nextBoolean() ? BASE32[r.nextInt(BASE32.length)] : WORD[r.nextInt(WORD.length)];
            return new String(id);
        }, s -> {
            AccessKeyId id = AccessKeyId.of(s);
            assertDoesNotThrowAndGet(id::account)
                    .ifPresent(a -> assertThat(a.value()).hasSize(12).containsOnlyDigits());
        });
    }

    @Test
    void anyStringIsAnAccountIdOrAValidationError() {
        RandomizedChecks.forAll(7_400L, TRIES, r -> r.nextBoolean() ? digits(r, 14) : RandomizedChecks.anyString(r, 14),
                s -> {
                    AccountId account = acceptedOrRefused(() -> AccountId.of(s));
                    if (account != null) {
                        assertThat(account.value()).hasSize(12).containsOnlyDigits();
                        assertThat(account.asLong()).isBetween(0L, 999_999_999_999L);
                    }
                });
    }

    @Test
    void anyStringIsAUserNameOrAValidationError() {
        RandomizedChecks.forAll(7_500L, TRIES, r -> r.nextBoolean() ? RandomizedChecks.string(r,
                "abcXYZ019+=,.@_-".toCharArray(), 70) : RandomizedChecks.anyString(r, 70), s -> {
            UserName name = acceptedOrRefused(() -> UserName.of(s));
            if (name != null) {
                assertThat(name.value()).isEqualTo(s).hasSizeBetween(1, UserName.MAX_LENGTH);
                assertThat(name.key()).isEqualTo(UserName.of(s.toUpperCase(java.util.Locale.ROOT)).key());
            }
        });
    }

    @Test
    void anyStringIsAUserPathOrAValidationError() {
        RandomizedChecks.forAll(7_600L, TRIES, r -> r.nextBoolean()
                ? "/" + RandomizedChecks.string(r, "ab/-_.".toCharArray(), 20) + (r.nextBoolean() ? "/" : "")
                : RandomizedChecks.anyString(r, 30), s -> {
            UserPath path = acceptedOrRefused(() -> UserPath.of(s));
            if (path != null) {
                assertThat(path.value()).startsWith("/").endsWith("/");
            }
        });
    }

    @Test
    void anyStringIsAKeyStatusOrAValidationError() {
        RandomizedChecks.forAll(7_700L, TRIES / 3, r -> r.nextBoolean()
                ? RandomizedChecks.pick(r, "Active", "Inactive", "active", "ACTIVE", " Active", "")
                : RandomizedChecks.anyString(r, 10), s -> {
            KeyStatus status = acceptedOrRefused(() -> KeyStatus.parse(s));
            if (status != null) {
                assertThat(KeyStatus.parse(status.wireName())).isEqualTo(status);
            }
        });
    }

    @Test
    void anyMarkerIsAPositionOrAValidationErrorAndIssuedMarkersRoundTrip() {
        RandomizedChecks.forAll(7_800L, TRIES, r -> RandomizedChecks.anyString(r, 60), s -> {
            PageRequest page = acceptedOrRefused(() -> new PageRequest(s, 100));
            if (page != null) {
                acceptedOrRefused(page::afterKey);
            }
            if (!s.isEmpty()) {
                String marker = PageRequest.markerFor(s);
                if (marker.length() <= 320) {
                    assertThat(new PageRequest(marker, 1).afterKey()).isEqualTo(
                            new String(s.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                    java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        });
    }

    @Test
    void anyMaxItemsIsAPageSizeOrAValidationError() {
        RandomizedChecks.forAll(7_900L, TRIES, RandomizedChecks::anyInt, n -> {
            PageRequest page = acceptedOrRefused(() -> PageRequest.of(null, n));
            if (page != null) {
                assertThat(page.maxItems()).isBetween(1, 1000).isEqualTo(n);
            }
        });
    }

    // ---------------------------------------------------------------- helpers

    /** Mostly ID-shaped (prefixes, base32, lengths around 16-20 and 128), sometimes anything. */
    private static String idLike(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> RandomizedChecks.anyString(r, 140);
            case 1 -> RandomizedChecks.pick(r, "AKIA", "ASIA", "AIDA", "akia", "") + RandomizedChecks.string(r, BASE32, 20);
            case 2 -> RandomizedChecks.string(r, WORD, 135);
            default -> RandomizedChecks.pick(r, "AKIA", "ASIA") + exactly(r, BASE32, 16);
        };
    }

    private static String exactly(Random r, char[] alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet[r.nextInt(alphabet.length)]);
        }
        return out.toString();
    }

    private static String digits(Random r, int max) {
        return RandomizedChecks.string(r, "0123456789".toCharArray(), max);
    }

    /** The value, or null when refused with a client-error KeywardenException; any other outcome fails. */
    private static <T> T acceptedOrRefused(ThrowingSupplier<T> parse) {
        try {
            return parse.get();
        } catch (KeywardenException e) {
            assertThat(e.errorCode().httpStatus()).as(e.errorCode().toString()).isBetween(400, 499);
            assertThat(e.errorCode()).isIn(ErrorCode.VALIDATION_ERROR, ErrorCode.INVALID_INPUT);
            return null;
        }
    }

    private static <T> T assertDoesNotThrowAndGet(ThrowingSupplier<T> supplier) {
        Function<ThrowingSupplier<T>, T> call = ThrowingSupplier::get;
        Executable check = () -> call.apply(supplier);
        assertDoesNotThrow(check);
        return supplier.get();
    }

    @FunctionalInterface
    private interface ThrowingSupplier<T> {
        T get();
    }
}
