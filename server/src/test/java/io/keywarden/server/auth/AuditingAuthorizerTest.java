package io.keywarden.server.auth;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.authz.AuthorizationRequest;
import io.keywarden.core.authz.AuthorizationResult;
import io.keywarden.core.authz.Decision;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.identity.User;
import io.keywarden.core.identity.UserName;
import io.keywarden.core.identity.UserPath;
import io.keywarden.server.support.LogCapture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AuditingAuthorizerTest {
    private static final AccountId ACCOUNT = AccountId.of("123456789012");
    private static final User ALICE = new User(ACCOUNT, "AIDAALICE000000000000", UserName.of("alice"), UserPath.ROOT,
            Instant.EPOCH);
    private static final Caller CALLER = new Caller(Principal.user(ALICE), "AKIAQYLPMN5HHHFPZAM2", Instant.EPOCH,
            "203.0.113.7", "curl/8", true, "us-east-1", "iam");
    private static final AuthorizationRequest REQUEST = new AuthorizationRequest(CALLER, "iam:DeleteAccessKey",
            "arn:aws:iam::123456789012:user/bob");

    private static List<String> auditLines(LogCapture log) {
        return log.lines().stream().filter(l -> l.contains(AuditingAuthorizer.LOGGER)).toList();
    }

    @Test
    void aDenialIsOneInfoLineOfJsonWithWhoWhatWhyAndWhere() {
        AuthorizationResult denied = new AuthorizationResult(Decision.EXPLICIT_DENY,
                "explicitly denied by policy P statement \"S\"\nsecond line", List.of("P/S"), List.of("an \u00e9rror"));
        AuditingAuthorizer auditing = new AuditingAuthorizer(r -> denied, () -> Optional.of("req-42"));
        try (LogCapture log = LogCapture.attach()) {
            assertThat(auditing.authorize(REQUEST)).isSameAs(denied);
            assertThat(auditLines(log)).containsExactly("INFO " + AuditingAuthorizer.LOGGER + " {"
                    + "\"decision\":\"ExplicitDeny\","
                    + "\"principal\":\"arn:aws:iam::123456789012:user/alice\","
                    + "\"accessKeyId\":\"AKIAQYLPMN5HHHFPZAM2\","
                    + "\"action\":\"iam:DeleteAccessKey\","
                    + "\"resource\":\"arn:aws:iam::123456789012:user/bob\","
                    + "\"reason\":\"explicitly denied by policy P statement \\\"S\\\"\\nsecond line\","
                    + "\"statements\":[\"P/S\"],"
                    + "\"errors\":[\"an \\u00e9rror\"],"
                    + "\"sourceIp\":\"203.0.113.7\","
                    + "\"requestId\":\"req-42\"}");
        }
    }

    @Test
    void allowedAndSimulatedDecisionsAreDebugOnly() {
        try (LogCapture log = LogCapture.attach()) {
            new AuditingAuthorizer(r -> AuthorizationResult.of(Decision.ALLOW, "allowed"), Optional::empty)
                    .authorize(REQUEST);
            new AuditingAuthorizer(r -> AuthorizationResult.of(Decision.IMPLICIT_DENY, "no"), Optional::empty)
                    .authorize(AuthorizationRequest.simulation(CALLER, "iam:GetUser", "*", Map.of()));
            assertThat(auditLines(log)).hasSize(2).allMatch(l -> l.startsWith("DEBUG"));
            assertThat(auditLines(log).get(0)).contains("\"decision\":\"Allow\"").doesNotContain("requestId");
            assertThat(auditLines(log).get(1)).contains("\"decision\":\"ImplicitDeny\",\"simulated\":true");
        }
    }

    @Test
    void anAuthorizerThatFailsDeniesAndIsLogged() {
        AuditingAuthorizer auditing = new AuditingAuthorizer(r -> {
            throw new IllegalStateException("boom");
        }, () -> {
            throw new IllegalStateException("no request here");
        });
        try (LogCapture log = LogCapture.attach()) {
            AuthorizationResult result = auditing.authorize(REQUEST);
            assertThat(result.decision()).isEqualTo(Decision.EXPLICIT_DENY);
            assertThat(result.explanation()).isEqualTo("authorisation failed: IllegalStateException: boom");
            assertThat(auditLines(log)).singleElement().satisfies(l -> assertThat(l).startsWith("INFO")
                    .contains("\"errors\":[\"authorisation failed: IllegalStateException: boom\"]"));
        }
    }

    @Test
    void decisionsHaveTheirWireNames() {
        assertThat(Decision.ALLOW.wireName()).isEqualTo("Allow");
        assertThat(Decision.EXPLICIT_DENY.wireName()).isEqualTo("ExplicitDeny");
        assertThat(Decision.IMPLICIT_DENY.wireName()).isEqualTo("ImplicitDeny");
    }
}
