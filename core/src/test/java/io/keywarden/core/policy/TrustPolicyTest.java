package io.keywarden.core.policy;

import io.keywarden.core.authz.Decision;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Trust policies: what IAM accepts and refuses in them, and who they let assume the role. */
class TrustPolicyTest {
    private static final String ACCT = "123456789012";
    private static final String OTHER = "210987654321";
    private static final String ROLE = "arn:aws:iam::" + ACCT + ":role/Deploy";
    private static final String ALICE = "arn:aws:iam::" + ACCT + ":user/alice";
    private static final String ALICE_IN_DEV = "arn:aws:iam::" + ACCT + ":user/dev/alice";
    private static final String OPS_ROLE = "arn:aws:iam::" + ACCT + ":role/ops/Operator";
    private static final String OPS_SESSION = "arn:aws:sts::" + ACCT + ":assumed-role/Operator/bob";

    private static String trust(String statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}";
    }

    private static String allow(String principal) {
        return "{\"Effect\":\"Allow\",\"Principal\":" + principal + ",\"Action\":\"sts:AssumeRole\"}";
    }

    private static TrustRequest user(String arn, String account) {
        return new TrustRequest(arn, account, null, "sts:AssumeRole", ROLE, ConditionContext.empty());
    }

    private static TrustRequest session(String arn, String roleArn) {
        return new TrustRequest(arn, ACCT, roleArn, "sts:AssumeRole", ROLE, ConditionContext.empty());
    }

    private static void assertMalformed(String json, String messagePart) {
        assertThatThrownBy(() -> TrustPolicy.parse(json)).isInstanceOfSatisfying(KeywardenException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_POLICY_DOCUMENT);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    // ---------------------------------------------------------------- parsing

    @Test
    void aStatementWithoutPrincipalIsMalformed() {
        assertMalformed(trust("{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\"}"),
                "missing required field 'Principal'");
    }

    @Test
    void resourceAndNotPrincipalAreProhibitedInATrustPolicy() {
        assertMalformed(trust("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\","
                + "\"Resource\":\"*\"}"), "has prohibited field 'Resource'");
        assertMalformed(trust("{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":\"" + ALICE + "\"},"
                + "\"Action\":\"sts:AssumeRole\"}"), "'NotPrincipal' is not allowed");
    }

    @Test
    void anIdentityPolicyStillRefusesPrincipalAndATrustPolicyIsNotAnIdentityPolicy() {
        String trust = trust(allow("{\"AWS\":\"" + ACCT + "\"}"));
        assertThatThrownBy(() -> PolicyDocument.parse(trust)).isInstanceOf(KeywardenException.class)
                .hasMessageContaining("'Principal' is not allowed in an identity-based policy");
        assertThat(PolicyDocument.parseTrust(trust).kind()).isEqualTo(PolicyDocument.Kind.TRUST);
        assertThat(PolicyDocument.parse("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}")
                .kind()).isEqualTo(PolicyDocument.Kind.IDENTITY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"AWS\":\"arn:aws:iam::123456789012:user/*\"}", "{\"AWS\":\"12345\"}",
            "{\"AWS\":\"arn:aws:iam::123456789012:group/admins\"}", "{\"AWS\":\"alice\"}", "\"arn:aws:iam::1:root\"",
            "{\"AWS\":[]}", "{}", "{\"CanonicalUser\":\"abc\"}", "{\"Service\":\"*\"}", "{\"AWS\":5}",
            "{\"AWS\":\"arn:aws:iam::123456789012:role/ops*\"}"})
    void invalidPrincipalsAreMalformed(String principal) {
        assertThatThrownBy(() -> TrustPolicy.parse(trust(allow(principal))))
                .isInstanceOfSatisfying(KeywardenException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_POLICY_DOCUMENT));
    }

    @Test
    void everyPrincipalFormIsAccepted() {
        TrustPolicy policy = TrustPolicy.parse(trust(allow("{\"AWS\":[\"*\",\"" + ACCT + "\",\"arn:aws:iam::" + OTHER
                + ":root\",\"" + ALICE_IN_DEV + "\",\"" + OPS_ROLE + "\",\"" + OPS_SESSION + "\"],"
                + "\"Service\":[\"ec2.amazonaws.com\"],\"Federated\":\"arn:aws:iam::" + ACCT
                + ":saml-provider/corp\"}")));
        assertThat(policy.document().statements().get(0).principals()).extracting(PrincipalPattern::type)
                .containsExactly(PrincipalPattern.Type.ANYONE, PrincipalPattern.Type.ACCOUNT,
                        PrincipalPattern.Type.ACCOUNT, PrincipalPattern.Type.USER, PrincipalPattern.Type.ROLE,
                        PrincipalPattern.Type.ASSUMED_ROLE, PrincipalPattern.Type.SERVICE,
                        PrincipalPattern.Type.FEDERATED);
    }

    // ---------------------------------------------------------------- evaluation

    @Test
    void anAccountPrincipalTrustsEveryPrincipalOfThatAccountOnly() {
        for (String principal : new String[]{"\"" + ACCT + "\"", "\"arn:aws:iam::" + ACCT + ":root\""}) {
            TrustPolicy policy = TrustPolicy.parse(trust(allow("{\"AWS\":" + principal + "}")));
            assertThat(policy.evaluate(user(ALICE, ACCT)).decision()).isEqualTo(Decision.ALLOW);
            assertThat(policy.evaluate(session(OPS_SESSION, OPS_ROLE)).decision()).isEqualTo(Decision.ALLOW);
            assertThat(policy.evaluate(user("arn:aws:iam::" + OTHER + ":user/alice", OTHER)).decision())
                    .isEqualTo(Decision.IMPLICIT_DENY);
        }
    }

    @Test
    void aUserPrincipalTrustsThatUserWithItsPathOnly() {
        TrustPolicy policy = TrustPolicy.parse(trust(allow("{\"AWS\":\"" + ALICE_IN_DEV + "\"}")));
        assertThat(policy.evaluate(user(ALICE_IN_DEV, ACCT)).decision()).isEqualTo(Decision.ALLOW);
        assertThat(policy.evaluate(user(ALICE, ACCT)).decision()).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(policy.evaluate(user("arn:aws:iam::" + ACCT + ":root", ACCT)).decision())
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void aRolePrincipalTrustsEverySessionOfThatRoleAndASessionPrincipalOneSession() {
        TrustPolicy byRole = TrustPolicy.parse(trust(allow("{\"AWS\":\"" + OPS_ROLE + "\"}")));
        assertThat(byRole.evaluate(session(OPS_SESSION, OPS_ROLE)).decision()).isEqualTo(Decision.ALLOW);
        assertThat(byRole.evaluate(session("arn:aws:sts::" + ACCT + ":assumed-role/Operator/carol", OPS_ROLE))
                .decision()).isEqualTo(Decision.ALLOW);
        assertThat(byRole.evaluate(session("arn:aws:sts::" + ACCT + ":assumed-role/Other/bob",
                "arn:aws:iam::" + ACCT + ":role/Other")).decision()).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(byRole.evaluate(user(ALICE, ACCT)).decision()).isEqualTo(Decision.IMPLICIT_DENY);

        TrustPolicy bySession = TrustPolicy.parse(trust(allow("{\"AWS\":\"" + OPS_SESSION + "\"}")));
        assertThat(bySession.evaluate(session(OPS_SESSION, OPS_ROLE)).decision()).isEqualTo(Decision.ALLOW);
        assertThat(bySession.evaluate(session("arn:aws:sts::" + ACCT + ":assumed-role/Operator/carol", OPS_ROLE))
                .decision()).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void serviceAndFederatedPrincipalsNeverMatchAKeywardenCaller() {
        TrustPolicy policy = TrustPolicy.parse(trust(allow("{\"Service\":\"ec2.amazonaws.com\","
                + "\"Federated\":\"cognito-identity.amazonaws.com\"}")));
        assertThat(policy.evaluate(user(ALICE, ACCT)).decision()).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(policy.evaluate(user("arn:aws:iam::" + ACCT + ":root", ACCT)).decision())
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void anyoneMatchesEveryCallerAndTheActionMustMatch() {
        TrustPolicy policy = TrustPolicy.parse(trust(allow("\"*\"")));
        assertThat(policy.evaluate(user("arn:aws:iam::" + OTHER + ":user/x", OTHER)).decision())
                .isEqualTo(Decision.ALLOW);
        Evaluation other = policy.evaluate(new TrustRequest(ALICE, ACCT, null, "sts:TagSession", ROLE,
                ConditionContext.empty()));
        assertThat(other.decision()).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(other.explain()).isEqualTo("no statement allowed sts:TagSession on " + ROLE);
    }

    @Test
    void conditionsUseTheRequestContextAndADenyWins() {
        TrustPolicy policy = TrustPolicy.parse(trust(
                "{\"Sid\":\"WithExternalId\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + ACCT + "\"},"
                        + "\"Action\":[\"sts:AssumeRole\",\"sts:SetSourceIdentity\"],"
                        + "\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"s3cr3t\"}}},"
                        + "{\"Sid\":\"NoMallory\",\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCT
                        + ":user/mallory\"},\"Action\":\"sts:*\"}"));
        ConditionContext right = ConditionContext.builder().put("sts:ExternalId", "s3cr3t").build();
        ConditionContext wrong = ConditionContext.builder().put("sts:ExternalId", "guess").build();
        Evaluation allowed = policy.evaluate(new TrustRequest(ALICE, ACCT, null, "sts:AssumeRole", ROLE, right));
        assertThat(allowed.decision()).isEqualTo(Decision.ALLOW);
        assertThat(allowed.explain()).isEqualTo("allowed by policy AssumeRolePolicyDocument statement WithExternalId");
        assertThat(policy.evaluate(new TrustRequest(ALICE, ACCT, null, "sts:AssumeRole", ROLE, wrong)).decision())
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(policy.evaluate(new TrustRequest(ALICE, ACCT, null, "sts:AssumeRole", ROLE,
                ConditionContext.empty())).decision()).isEqualTo(Decision.IMPLICIT_DENY);
        Evaluation mallory = policy.evaluate(new TrustRequest("arn:aws:iam::" + ACCT + ":user/mallory", ACCT, null,
                "sts:AssumeRole", ROLE, right));
        assertThat(mallory.decision()).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(mallory.decidingStatements()).extracting(MatchedStatement::label).containsExactly("NoMallory");
    }

    @Test
    void aConditionThatCannotBeEvaluatedFailsClosed() {
        TrustPolicy policy = TrustPolicy.parse(trust("{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"sts:AssumeRole\",\"Condition\":{\"DateGreaterThan\":{\"aws:CurrentTime\":"
                + "\"2020-01-01T00:00:00Z\"}}}"));
        ConditionContext bad = ConditionContext.builder().put("aws:CurrentTime", "not a date").build();
        Evaluation e = policy.evaluate(new TrustRequest(ALICE, ACCT, null, "sts:AssumeRole", ROLE, bad));
        assertThat(e.decision()).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(e.errors()).isNotEmpty();
    }
}
