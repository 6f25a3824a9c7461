package io.keywarden.core.signin;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.User;
import io.keywarden.core.identity.UserName;
import io.keywarden.core.identity.UserPath;
import io.keywarden.core.password.LoginProfile;
import io.keywarden.core.password.PasswordPolicy;
import io.keywarden.core.signin.PasswordSignIn.Outcome;
import io.keywarden.core.signin.PasswordSignIn.Refused;
import io.keywarden.core.signin.PasswordSignIn.SignedIn;
import io.keywarden.core.testing.FakePasswordHasher;
import io.keywarden.core.testing.InMemoryAccountSettingsStore;
import io.keywarden.core.testing.InMemoryLoginProfileStore;
import io.keywarden.core.testing.InMemoryUserStore;
import io.keywarden.core.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in outcomes, lock-out with a fixed clock, and one hash per attempt whatever exists. */
class PasswordSignInServiceTest {
    private final AccountId account = AccountId.of("123456789012");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
    private final InMemoryUserStore users = new InMemoryUserStore();
    private final InMemoryLoginProfileStore profiles = new InMemoryLoginProfileStore();
    private final InMemoryAccountSettingsStore settings = new InMemoryAccountSettingsStore();
    private final FakePasswordHasher hasher = new FakePasswordHasher();
    private PasswordSignInService signIn;
    private User alice;

    @BeforeEach
    void setUp() {
        alice = new User(account, "AIDAALICE", UserName.of("alice"), UserPath.ROOT, clock.instant());
        users.insert(alice);
        profiles.insert(new LoginProfile(account, alice.userId(), "alice", hasher.hash("Alice-Pass-1".toCharArray()),
                clock.instant(), clock.instant(), false, null));
        profiles.insert(new LoginProfile(account, account.value(), null, hasher.hash("Root-Pass-1".toCharArray()),
                clock.instant(), clock.instant(), false, null));
        signIn = new PasswordSignInService(account, users, profiles, settings, hasher, clock, 3,
                Duration.ofMinutes(15), new SecureRandom());
    }

    private Outcome attempt(String acct, String user, String password) {
        return signIn.signIn(acct, user, password.toCharArray(), "192.0.2.1");
    }

    @Test
    void theRightPasswordSignsInTheUserOrRootAndRecordsTheUse() {
        Outcome o = attempt("123456789012", "alice", "Alice-Pass-1");
        assertThat(o).isInstanceOfSatisfying(SignedIn.class, s -> {
            assertThat(s.principal().user()).contains(alice);
            assertThat(s.passwordResetRequired()).isFalse();
        });
        assertThat(profiles.find(account, alice.userId()).orElseThrow().passwordLastUsed()).isEqualTo(clock.instant());
        assertThat(attempt("1234-5678-9012", "", "Root-Pass-1")).isInstanceOfSatisfying(SignedIn.class,
                s -> assertThat(s.principal().isRoot()).isTrue());
    }

    @Test
    void theAliasStandsForTheAccountId() {
        settings.putAlias(account, "example-corp");
        assertThat(attempt("example-corp", "alice", "Alice-Pass-1")).isInstanceOf(SignedIn.class);
        assertThat(attempt("other-corp", "alice", "Alice-Pass-1")).isInstanceOf(Refused.class);
    }

    @Test
    void everyRefusalCostsOneHashCheckWhateverExists() {
        int before = hasher.verifications.get();
        assertThat(attempt("999999999999", "alice", "x")).isEqualTo(new Refused("unknown account"));
        assertThat(attempt("123456789012", "nobody", "x")).isEqualTo(new Refused("unknown user"));
        assertThat(attempt("123456789012", "bad name!", "x")).isEqualTo(new Refused("unknown user"));
        assertThat(attempt("123456789012", "alice", "x")).isEqualTo(new Refused("wrong password"));
        assertThat(hasher.verifications.get() - before).isEqualTo(4);
    }

    @Test
    void aUserWithoutLoginProfileIsRefused() {
        users.insert(new User(account, "AIDABOB", UserName.of("bob"), UserPath.ROOT, clock.instant()));
        assertThat(attempt("123456789012", "bob", "x")).isEqualTo(new Refused("no login profile"));
    }

    @Test
    void consecutiveFailuresLockTheUserOutForAWhile() {
        attempt("123456789012", "alice", "wrong-1");
        attempt("123456789012", "alice", "wrong-2");
        Outcome third = attempt("123456789012", "alice", "wrong-3");
        assertThat(((Refused) third).reason()).startsWith("wrong password; locked out until");
        assertThat(attempt("123456789012", "alice", "Alice-Pass-1"))
                .isEqualTo(new Refused("locked out after repeated failures"));
        clock.advance(Duration.ofMinutes(14));
        assertThat(attempt("123456789012", "alice", "Alice-Pass-1")).isInstanceOf(Refused.class);
        clock.advance(Duration.ofMinutes(1));
        assertThat(attempt("123456789012", "alice", "Alice-Pass-1")).isInstanceOf(SignedIn.class);
    }

    @Test
    void aSuccessForgetsEarlierFailures() {
        attempt("123456789012", "alice", "wrong-1");
        attempt("123456789012", "alice", "wrong-2");
        attempt("123456789012", "alice", "Alice-Pass-1");
        attempt("123456789012", "alice", "wrong-3");
        assertThat(attempt("123456789012", "alice", "Alice-Pass-1")).isInstanceOf(SignedIn.class);
    }

    @Test
    void anExpiredPasswordMustBeChangedOrUnderHardExpiryIsRefused() {
        settings.putPasswordPolicy(account, PasswordPolicy.of(8, false, false, false, false, true, 30, null, false));
        clock.advance(Duration.ofDays(30));
        assertThat(attempt("123456789012", "alice", "Alice-Pass-1")).isInstanceOfSatisfying(SignedIn.class,
                s -> assertThat(s.passwordResetRequired()).isTrue());
        settings.putPasswordPolicy(account, PasswordPolicy.of(8, false, false, false, false, true, 30, null, true));
        assertThat(attempt("123456789012", "alice", "Alice-Pass-1"))
                .isEqualTo(new Refused("password expired (hard expiry)"));
    }

    @Test
    void resetRequiredIsPassedOn() {
        profiles.update(profiles.find(account, alice.userId()).orElseThrow().withResetRequired(true), false);
        assertThat(attempt("123456789012", "alice", "Alice-Pass-1")).isInstanceOfSatisfying(SignedIn.class,
                s -> assertThat(s.passwordResetRequired()).isTrue());
    }

    @Test
    void theFailureThatLocksAUserOutPublishesOneNotificationWithoutThePassword() {
        java.util.List<io.keywarden.core.notify.Notification> published = new java.util.ArrayList<>();
        // the announcement is written in the transaction that counts the failure: a crash loses neither or both
        boolean[] inTransaction = {false};
        java.util.List<Boolean> publishedInTransaction = new java.util.ArrayList<>();
        io.keywarden.core.port.Transactions tx = work -> {
            inTransaction[0] = true;
            try {
                work.run();
            } finally {
                inTransaction[0] = false;
            }
        };
        PasswordSignInService announcing = new PasswordSignInService(account, users, profiles, settings, hasher,
                clock, 3, Duration.ofMinutes(15), new SecureRandom(), n -> {
                    published.add(n);
                    publishedInTransaction.add(inTransaction[0]);
                }, tx);
        for (int i = 0; i < 2; i++) {
            announcing.signIn("123456789012", "alice", "wrong-one".toCharArray(), "192.0.2.9");
        }
        assertThat(published).isEmpty();
        announcing.signIn("123456789012", "alice", "wrong-one".toCharArray(), "192.0.2.9");
        // refused while locked: no further announcement
        announcing.signIn("123456789012", "alice", "Alice-Pass-1".toCharArray(), "192.0.2.9");
        announcing.signIn("123456789012", "alice", "wrong-one".toCharArray(), "192.0.2.9");

        assertThat(publishedInTransaction).containsExactly(true);
        assertThat(published).singleElement().satisfies(n -> {
            assertThat(n.event()).isEqualTo(io.keywarden.core.notify.NotificationEvent.SIGN_IN_FAILED_REPEATEDLY);
            assertThat(n.account()).isEqualTo("123456789012");
            assertThat(n.time()).isEqualTo(clock.instant());
            assertThat(n.detail()).containsEntry("userName", "alice").containsEntry("root", false)
                    .containsEntry("failedAttempts", 3).containsEntry("sourceIp", "192.0.2.9")
                    .containsEntry("lockedUntil", clock.instant().plus(Duration.ofMinutes(15)).toString())
                    .containsEntry("principalArn", "arn:aws:iam::123456789012:user/alice");
            assertThat(n.detail().toString()).doesNotContain("wrong-one").doesNotContain("Alice-Pass-1");
        });

        // the root user's lock-out is announced too
        for (int i = 0; i < 3; i++) {
            announcing.signIn("123456789012", "", "wrong-root".toCharArray(), "192.0.2.9");
        }
        assertThat(published).hasSize(2);
        assertThat(published.get(1).detail()).containsEntry("root", true).doesNotContainKey("userName")
                .containsEntry("principalArn", "arn:aws:iam::123456789012:root");
    }
}
