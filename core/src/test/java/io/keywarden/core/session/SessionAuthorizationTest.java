package io.keywarden.core.session;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.authz.AuthorizationRequest;
import io.keywarden.core.authz.AuthorizationResult;
import io.keywarden.core.authz.Decision;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.identity.User;
import io.keywarden.core.identity.UserName;
import io.keywarden.core.identity.UserPath;
import io.keywarden.core.permissions.PolicyAuthorizer;
import io.keywarden.core.permissions.RequestContexts;
import io.keywarden.core.policy.CompiledPolicy;
import io.keywarden.core.policy.ConditionContext;
import io.keywarden.core.policy.PolicyEvaluator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The session rules, the role seam and the condition keys of temporary credentials. */
class SessionAuthorizationTest {
    private static final AccountId ACCOUNT = new AccountId("123456789012");
    private static final Instant NOW = Instant.parse("2026-03-01T10:30:00Z");
    private static final Instant ISSUED = Instant.parse("2026-03-01T10:00:00Z");
    private static final User ALICE = new User(ACCOUNT, "AIDAEXAMPLEEXAMPLE1", UserName.of("alice"),
            UserPath.of("/eng/"), ISSUED);
    private static final CompiledPolicy ALLOW_ALL = CompiledPolicy.parse("all",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}");

    private final PolicyAuthorizer authorizer = new PolicyAuthorizer(user -> List.of(ALLOW_ALL),
            PolicyEvaluator.create());

    private static Session session(SessionKind kind, Principal p, String sourceIdentity) {
        return new Session(kind, "ASIAQYLPMN5HQQQQQQQQ", p, ISSUED, ISSUED.plusSeconds(3600), sourceIdentity, null,
                List.of(), p.arn(), null);
    }

    private static Caller caller(Principal p, Session s) {
        return new Caller(p, s == null ? "AKIAQYLPMN5HQQQQQQQQ" : s.accessKeyId(), NOW, "203.0.113.7", "test", true,
                "us-east-1", "iam", s);
    }

    private AuthorizationResult decide(Caller caller, String action) {
        return authorizer.authorize(new AuthorizationRequest(caller, action, "*"));
    }

    @Test
    void getSessionTokenCredentialsCallNoIamActionAndNoStsActionButAssumeRole() {
        Principal alice = Principal.user(ALICE);
        Caller c = caller(alice, session(SessionKind.SESSION_TOKEN, alice, null));
        AuthorizationResult iam = decide(c, "iam:ListUsers");
        assertThat(iam.decision()).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(iam.explanation()).contains("cannot call IAM actions without MFA");
        assertThat(decide(c, "sts:GetAccessKeyInfo").decision()).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(decide(c, "sts:GetAccessKeyInfo").explanation()).contains("AssumeRole");
        assertThat(decide(c, "sts:AssumeRole").decision()).isEqualTo(Decision.ALLOW);
        assertThat(decide(c, "keywarden:LookupEvents").decision()).isEqualTo(Decision.ALLOW);
        // the same user with a long-term key: the policy decides
        assertThat(decide(caller(alice, null), "iam:ListUsers").decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void theRuleHoldsForRootSessionsToo() {
        Principal root = Principal.root(ACCOUNT);
        Caller c = caller(root, session(SessionKind.SESSION_TOKEN, root, null));
        assertThat(decide(c, "iam:CreateUser").decision()).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(decide(c, "keywarden:LookupEvents").decision()).isEqualTo(Decision.ALLOW);
        assertThat(decide(caller(root, null), "iam:CreateUser").decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void roleSessionsFailClosedUntilRolePoliciesAreWired() {
        Principal role = Principal.assumedRole(ACCOUNT, "AROAEXAMPLEEXAMPLE1", "deploy", "/", "s1");
        Caller c = caller(role, session(SessionKind.ASSUMED_ROLE, role, null));
        AuthorizationResult r = decide(c, "iam:ListUsers");
        assertThat(r.decision()).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(r.explanation()).isEqualTo("role sessions are authorised by the role's policies");
        assertThat(authorizer.decidesFromMemory(c)).isFalse();

        PolicyAuthorizer wired = new PolicyAuthorizer(new PolicyAuthorizer.PolicySource() {
            @Override
            public List<CompiledPolicy> policiesFor(User user) {
                return List.of();
            }

            @Override
            public List<CompiledPolicy> policiesForRole(AccountId account, String roleId) {
                assertThat(roleId).isEqualTo("AROAEXAMPLEEXAMPLE1");
                return List.of(ALLOW_ALL);
            }
        }, PolicyEvaluator.create());
        assertThat(wired.authorize(new AuthorizationRequest(c, "iam:ListUsers", "*")).decision())
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void aRoleSessionIsNamedAsAwsNamesIt() {
        Principal.AssumedRole role = new Principal.AssumedRole(ACCOUNT, "AROAEXAMPLEEXAMPLE1", "deploy", "/ci/", "s1");
        assertThat(role.arn()).isEqualTo("arn:aws:sts::123456789012:assumed-role/deploy/s1");
        assertThat(role.userId()).isEqualTo("AROAEXAMPLEEXAMPLE1:s1");
        assertThat(role.roleArn()).isEqualTo("arn:aws:iam::123456789012:role/ci/deploy");
        assertThat(role.type()).isEqualTo("AssumedRole");
        assertThat(role.identityType()).isEqualTo("AssumedRole");
        assertThat(role.isRoot()).isFalse();
        assertThat(role.user()).isEmpty();
        assertThat(Principal.root(ACCOUNT).identityType()).isEqualTo("Root");
        assertThat(Principal.user(ALICE).identityType()).isEqualTo("IAMUser");
    }

    @Test
    void conditionKeysOfARoleSession() {
        Principal role = Principal.assumedRole(ACCOUNT, "AROAEXAMPLEEXAMPLE1", "deploy", "/ci/", "s1");
        ConditionContext ctx = RequestContexts.of(caller(role, session(SessionKind.ASSUMED_ROLE, role, "alice")));
        assertThat(ctx.values("aws:PrincipalArn")).containsExactly("arn:aws:iam::123456789012:role/ci/deploy");
        assertThat(ctx.values("aws:userid")).containsExactly("AROAEXAMPLEEXAMPLE1:s1");
        assertThat(ctx.values("aws:PrincipalType")).containsExactly("AssumedRole");
        assertThat(ctx.values("aws:TokenIssueTime")).containsExactly("2026-03-01T10:00:00Z");
        assertThat(ctx.values("aws:MultiFactorAuthPresent")).containsExactly("false");
        assertThat(ctx.values("aws:SourceIdentity")).containsExactly("alice");
        assertThat(ctx.values("sts:SourceIdentity")).containsExactly("alice");
        assertThat(ctx.values("aws:username")).isEmpty();
    }

    @Test
    void conditionKeysOfAGetSessionTokenSessionAndOfALongTermKey() {
        Principal alice = Principal.user(ALICE);
        ConditionContext session = RequestContexts.of(caller(alice, session(SessionKind.SESSION_TOKEN, alice, null)));
        assertThat(session.values("aws:username")).containsExactly("alice");
        assertThat(session.values("aws:PrincipalArn")).containsExactly(ALICE.arn());
        assertThat(session.values("aws:TokenIssueTime")).containsExactly("2026-03-01T10:00:00Z");
        assertThat(session.values("aws:MultiFactorAuthPresent")).containsExactly("false");
        assertThat(session.values("aws:SourceIdentity")).isEmpty();

        ConditionContext longTerm = RequestContexts.of(caller(alice, null));
        assertThat(longTerm.values("aws:TokenIssueTime")).isEmpty();
        assertThat(longTerm.values("aws:MultiFactorAuthPresent")).isEmpty();
    }

    @Test
    void aRevocationStylePolicyDeniesSessionsIssuedBeforeItsTime() {
        CompiledPolicy revoke = CompiledPolicy.parse("AWSRevokeOlderSessions", "{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":"
                + "{\"DateLessThan\":{\"aws:TokenIssueTime\":\"2026-03-01T10:15:00Z\"}}}]}");
        PolicyAuthorizer withRevocation = new PolicyAuthorizer(user -> List.of(ALLOW_ALL, revoke),
                PolicyEvaluator.create());
        Principal alice = Principal.user(ALICE);
        Caller old = caller(alice, session(SessionKind.SESSION_TOKEN, alice, null));
        assertThat(withRevocation.authorize(new AuthorizationRequest(old, "keywarden:LookupEvents", "*")).decision())
                .isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(withRevocation.authorize(new AuthorizationRequest(caller(alice, null), "iam:ListUsers", "*"))
                .decision()).isEqualTo(Decision.ALLOW); // no token, no issue time: the condition does not match
    }
}
