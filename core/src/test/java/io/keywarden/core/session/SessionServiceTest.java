package io.keywarden.core.session;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.identity.User;
import io.keywarden.core.identity.UserName;
import io.keywarden.core.identity.UserPath;
import io.keywarden.core.operation.Requests;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionServiceTest {
    private static final AccountId ACCOUNT = new AccountId("123456789012");
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final User ALICE = new User(ACCOUNT, "AIDAEXAMPLEEXAMPLE1", UserName.of("alice"), UserPath.ROOT,
            NOW);
    private final SessionTokens tokens = new SessionTokens(ACCOUNT, TokenKeys.of("k", new byte[32]),
            Clock.fixed(NOW, ZoneOffset.UTC), new Random(1));
    private final SessionService service = new SessionService(tokens);

    private static Caller longTerm(Principal p) {
        return new Caller(p, "AKIAQYLPMN5HQQQQQQQQ", NOW, "", "", true, "us-east-1", "sts");
    }

    private static Duration lifetime(SessionTokens.Issued issued) {
        return Duration.between(issued.session().issuedAt(), issued.session().expiresAt());
    }

    @Test
    void aUserSessionLastsTwelveHoursUnlessAskedAndActsAsTheUser() {
        SessionTokens.Issued issued = service.getSessionToken(longTerm(Principal.user(ALICE)), null, null, null);
        assertThat(lifetime(issued)).isEqualTo(Duration.ofHours(12));
        assertThat(issued.session().kind()).isEqualTo(SessionKind.SESSION_TOKEN);
        assertThat(issued.session().principal()).isEqualTo(Principal.user(ALICE));
        assertThat(issued.session().requester()).isEqualTo(ALICE.arn());
        assertThat(lifetime(service.getSessionToken(longTerm(Principal.user(ALICE)), 129_600, null, null)))
                .isEqualTo(Duration.ofHours(36));
        assertThat(lifetime(service.getSessionToken(longTerm(Principal.user(ALICE)), 900, null, null)))
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void rootSessionsAreSilentlyCutToOneHour() {
        Principal root = Principal.root(ACCOUNT);
        assertThat(lifetime(service.getSessionToken(longTerm(root), null, null, null))).isEqualTo(Duration.ofHours(1));
        assertThat(lifetime(service.getSessionToken(longTerm(root), 129_600, null, null)))
                .isEqualTo(Duration.ofHours(1));
        assertThat(lifetime(service.getSessionToken(longTerm(root), 1200, null, null)))
                .isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void durationsOutOfRangeAreValidationErrorsInAwsWording() {
        assertThatThrownBy(() -> new Requests.GetSessionToken(899))
                .isInstanceOfSatisfying(KeywardenException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                    assertThat(e.getMessage()).isEqualTo("1 validation error detected: Value '899' at "
                            + "'durationSeconds' failed to satisfy constraint: Member must have value greater than "
                            + "or equal to 900");
                });
        assertThatThrownBy(() -> new Requests.GetSessionToken(129_601))
                .hasMessageEndingWith("Member must have value less than or equal to 129600");
        assertThat(new Requests.GetSessionToken(null).durationSeconds()).isNull();
    }

    @Test
    void temporaryCredentialsCannotCallIt() {
        SessionTokens.Issued issued = service.getSessionToken(longTerm(Principal.user(ALICE)), null, null, null);
        Caller withSession = new Caller(Principal.user(ALICE), issued.session().accessKeyId(), NOW, "", "", true,
                "us-east-1", "sts", issued.session());
        assertThatThrownBy(() -> service.getSessionToken(withSession, null, null, null))
                .isInstanceOfSatisfying(KeywardenException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.ACCESS_DENIED);
                    assertThat(e.getMessage()).isEqualTo("Cannot call GetSessionToken with session credentials");
                });
    }

    @Test
    void anMfaDeviceIsNeverValidatedHere() {
        assertThatThrownBy(() -> service.getSessionToken(longTerm(Principal.user(ALICE)), null,
                "arn:aws:iam::123456789012:mfa/alice", "123456"))
                .isInstanceOfSatisfying(KeywardenException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.ACCESS_DENIED);
                    assertThat(e.getMessage()).startsWith("MultiFactorAuthentication failed");
                });
    }

    @Test
    void theIssuedCredentialsOpen() {
        SessionTokens.Issued issued = service.getSessionToken(longTerm(Principal.user(ALICE)), 3600, null, null);
        assertThat(tokens.open(issued.session().accessKeyId(), issued.token().reveal()).secret())
                .isEqualTo(issued.secret());
        assertThat(issued.session().policyArns()).isEqualTo(List.of());
    }
}
