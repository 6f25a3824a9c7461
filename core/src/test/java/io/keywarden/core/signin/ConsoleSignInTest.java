package io.keywarden.core.signin;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.error.SignInRefused;
import io.keywarden.core.auth.Caller;
import io.keywarden.core.authz.AuthorizationRequest;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.identity.User;
import io.keywarden.core.identity.UserName;
import io.keywarden.core.identity.UserPath;
import io.keywarden.core.permissions.SessionRules;
import io.keywarden.core.session.Session;
import io.keywarden.core.session.SessionKind;
import io.keywarden.core.session.SessionRevocations;
import io.keywarden.core.session.SessionTokens;
import io.keywarden.core.session.TokenKeys;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsoleSignInTest {
    private static final AccountId ACCOUNT = new AccountId("123456789012");
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final User ALICE = new User(ACCOUNT, "AIDAEXAMPLEEXAMPLE1", UserName.of("alice"), UserPath.ROOT,
            NOW);
    private final SessionTokens tokens = new SessionTokens(ACCOUNT, TokenKeys.of("k", new byte[32]),
            Clock.fixed(NOW, ZoneOffset.UTC), new Random(1));

    private static Caller longTerm(Principal p) {
        return new Caller(p, "AKIAQYLPMN5HQQQQQQQQ", NOW, "", "", true, "us-east-1", "iam");
    }

    private static Duration lifetime(ConsoleSignIn.Attempt a) {
        SessionTokens.Issued issued = ((ConsoleSignIn.SignedIn) a).issued();
        return Duration.between(issued.session().issuedAt(), issued.session().expiresAt());
    }

    @Test
    void anAccessKeySignsInAsItsPrincipalForTwelveHoursAndRootForOne() {
        ConsoleSignIn signIn = new ConsoleSignIn(PasswordSignIn.NONE, tokens, ConsoleSignIn.Durations.DEFAULT);
        ConsoleSignIn.Attempt user = signIn.withAccessKey(longTerm(Principal.user(ALICE)));
        assertThat(user).isInstanceOf(ConsoleSignIn.SignedIn.class);
        assertThat(((ConsoleSignIn.SignedIn) user).issued().session().kind()).isEqualTo(SessionKind.CONSOLE);
        assertThat(((ConsoleSignIn.SignedIn) user).issued().session().principal()).isEqualTo(Principal.user(ALICE));
        assertThat(lifetime(user)).isEqualTo(Duration.ofHours(12));
        assertThat(lifetime(signIn.withAccessKey(longTerm(Principal.root(ACCOUNT))))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void durationsAreConfigurableWithinBounds() {
        ConsoleSignIn signIn = new ConsoleSignIn(PasswordSignIn.NONE, tokens,
                new ConsoleSignIn.Durations(Duration.ofHours(2), Duration.ofMinutes(30)));
        assertThat(lifetime(signIn.withAccessKey(longTerm(Principal.user(ALICE))))).isEqualTo(Duration.ofHours(2));
        assertThat(lifetime(signIn.withAccessKey(longTerm(Principal.root(ACCOUNT)))))
                .isEqualTo(Duration.ofMinutes(30));
        assertThatThrownBy(() -> new ConsoleSignIn.Durations(Duration.ofMinutes(5), Duration.ofHours(1)))
                .hasMessageContaining("between 15m and 36h");
    }

    @Test
    void temporaryCredentialsCannotSignIn() {
        ConsoleSignIn signIn = new ConsoleSignIn(PasswordSignIn.NONE, tokens, ConsoleSignIn.Durations.DEFAULT);
        ConsoleSignIn.SignedIn first = (ConsoleSignIn.SignedIn) signIn.withAccessKey(longTerm(Principal.user(ALICE)));
        Caller temporary = new Caller(Principal.user(ALICE), first.issued().session().accessKeyId(), NOW, "", "",
                true, "us-east-1", "iam", first.issued().session());
        assertThat(signIn.withAccessKey(temporary)).isInstanceOf(ConsoleSignIn.Failed.class);
    }

    @Test
    void aPasswordIsHandedToPasswordSignInAndClearedAfterwards() {
        AtomicReference<String> seen = new AtomicReference<>();
        PasswordSignIn passwords = (account, user, password, source) -> {
            seen.set(account + "/" + user + "/" + new String(password) + "/" + source);
            return new PasswordSignIn.SignedIn(Principal.user(ALICE), true);
        };
        ConsoleSignIn signIn = new ConsoleSignIn(passwords, tokens, ConsoleSignIn.Durations.DEFAULT);
        char[] password = "correct horse".toCharArray();
        ConsoleSignIn.Attempt a = signIn.withPassword(" 123456789012 ", "alice", password, "10.0.0.1");
        assertThat(seen.get()).isEqualTo("123456789012/alice/correct horse/10.0.0.1");
        assertThat(password).containsOnly('\0');
        assertThat(((ConsoleSignIn.SignedIn) a).passwordResetRequired()).isTrue();
        assertThat(((ConsoleSignIn.SignedIn) a).issued().session().kind()).isEqualTo(SessionKind.CONSOLE);
    }

    @Test
    void refusalsAndThrottlesAreSignInRefusedWithTheirReasonForTheDecisionLogOnly() {
        ConsoleSignIn refusing = new ConsoleSignIn(PasswordSignIn.NONE, tokens, ConsoleSignIn.Durations.DEFAULT);
        ConsoleSignIn.Attempt refused = refusing.withPassword("123456789012", "alice", "pw".toCharArray(), "");
        assertThat(refused).isEqualTo(new ConsoleSignIn.Failed("console passwords are not available", null));
        char[] pw = "pw".toCharArray();
        assertThatThrownBy(() -> refusing.signIn(null, null, "123456789012", "alice", pw, ""))
                .isInstanceOfSatisfying(SignInRefused.class, r -> {
                    assertThat(r.getMessage()).isEqualTo(ConsoleSignIn.GENERIC_FAILURE);
                    assertThat(r.reason()).isEqualTo("console passwords are not available");
                    assertThat(r.errorCode().code()).isEqualTo("AccessDenied");
                    assertThat(r.httpStatus()).isEqualTo(403);
                });
        assertThat(pw).containsOnly('\0');

        ConsoleSignIn throttling = new ConsoleSignIn((a, u, p, s) -> new PasswordSignIn.Throttled(
                Duration.ofSeconds(30), "too many"), tokens, ConsoleSignIn.Durations.DEFAULT);
        ConsoleSignIn.Attempt throttled = throttling.withPassword("123456789012", "alice", "pw".toCharArray(), "");
        assertThat(throttled).isEqualTo(new ConsoleSignIn.Throttled(Duration.ofSeconds(30), "too many"));
        assertThatThrownBy(() -> throttling.signIn(null, null, "123456789012", "alice", "pw".toCharArray(), ""))
                .isInstanceOfSatisfying(SignInRefused.class, r -> {
                    assertThat(r.httpStatus()).isEqualTo(429);
                    assertThat(r.errorCode().code()).isEqualTo("Throttling");
                    assertThat(r.retryAfter()).contains(Duration.ofSeconds(30));
                    assertThat(r.getMessage()).isEqualTo(ConsoleSignIn.GENERIC_FAILURE);
                });
        assertThat(refusing.withPassword("", "alice", "pw".toCharArray(), "")).isInstanceOf(ConsoleSignIn.Failed.class);
    }

    @Test
    void aSignedRequestSignsInItsSignerAndARefusedSignatureOrNoPasswordIsRefused() {
        ConsoleSignIn signIn = new ConsoleSignIn((a, u, p, s) -> {
            throw new AssertionError("no password check for a signed request");
        }, tokens, ConsoleSignIn.Durations.DEFAULT);
        char[] ignored = "pw".toCharArray();
        ConsoleSignIn.SignedIn ok = signIn.signIn(longTerm(Principal.user(ALICE)), null, null, null, ignored, "");
        assertThat(ok.issued().session().principal()).isEqualTo(Principal.user(ALICE));
        assertThat(ignored).containsOnly('\0');
        assertThatThrownBy(() -> signIn.signIn(null, "signature does not match", null, null, null, ""))
                .isInstanceOfSatisfying(SignInRefused.class,
                        r -> assertThat(r.reason()).isEqualTo("access key refused: signature does not match"));
        assertThatThrownBy(() -> signIn.signIn(null, null, "123456789012", "alice", null, ""))
                .isInstanceOfSatisfying(SignInRefused.class, r -> assertThat(r.reason()).isEqualTo("no password given"));
    }

    @Test
    void onlyAConsoleSessionSignsOutAndItIsRevoked() {
        List<String> revoked = new ArrayList<>();
        ConsoleSignIn signIn = new ConsoleSignIn(PasswordSignIn.NONE, tokens, ConsoleSignIn.Durations.DEFAULT,
                new SessionRevocations() {
                    @Override
                    public void revoke(Session session) {
                        revoked.add(session.accessKeyId());
                    }

                    @Override
                    public boolean isRevoked(String accessKeyId) {
                        return revoked.contains(accessKeyId);
                    }
                });
        assertThatThrownBy(() -> signIn.signOut(longTerm(Principal.user(ALICE))))
                .isInstanceOfSatisfying(KeywardenException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ACCESS_DENIED));
        SessionTokens.Issued other = tokens.issue(SessionKind.SESSION_TOKEN, Principal.user(ALICE),
                Duration.ofHours(1), null, null, List.of(), ALICE.arn(), null);
        assertThatThrownBy(() -> signIn.signOut(new Caller(Principal.user(ALICE), other.session().accessKeyId(), NOW,
                "", "", true, "us-east-1", "iam", other.session()))).isInstanceOf(KeywardenException.class);
        ConsoleSignIn.SignedIn ok = (ConsoleSignIn.SignedIn) signIn.withAccessKey(longTerm(Principal.user(ALICE)));
        Session console = ok.issued().session();
        signIn.signOut(new Caller(Principal.user(ALICE), console.accessKeyId(), NOW, "", "", true, "us-east-1", "iam",
                console));
        assertThat(revoked).containsExactly(console.accessKeyId());
    }

    @Test
    void consoleSessionsMayCallIamWhereGetSessionTokenOnesMayNot() {
        ConsoleSignIn signIn = new ConsoleSignIn(PasswordSignIn.NONE, tokens, ConsoleSignIn.Durations.DEFAULT);
        ConsoleSignIn.SignedIn ok = (ConsoleSignIn.SignedIn) signIn.withAccessKey(longTerm(Principal.user(ALICE)));
        Caller console = new Caller(Principal.user(ALICE), ok.issued().session().accessKeyId(), NOW, "", "", true,
                "us-east-1", "iam", ok.issued().session());
        assertThat(SessionRules.check(new AuthorizationRequest(console, "iam:CreateAccessKey", ALICE.arn())))
                .isEmpty();
        SessionTokens.Issued getSessionToken = tokens.issue(SessionKind.SESSION_TOKEN, Principal.user(ALICE),
                Duration.ofHours(1), null, null, java.util.List.of(), ALICE.arn(), null);
        Caller stsSession = new Caller(Principal.user(ALICE), getSessionToken.session().accessKeyId(), NOW, "", "",
                true, "us-east-1", "iam", getSessionToken.session());
        assertThat(SessionRules.check(new AuthorizationRequest(stsSession, "iam:CreateAccessKey", ALICE.arn())))
                .isPresent();
    }
}
