package io.keywarden.sdk;

import io.keywarden.core.authz.Decision;
import io.keywarden.sdk.auth.StaticCredentialsProvider;
import io.keywarden.sdk.exception.DeleteConflictException;
import io.keywarden.sdk.exception.KeywardenClientException;
import io.keywarden.sdk.exception.LimitExceededException;
import io.keywarden.sdk.exception.MalformedPolicyDocumentException;
import io.keywarden.sdk.model.AttachedPolicy;
import io.keywarden.sdk.model.ListPoliciesRequest;
import io.keywarden.sdk.model.ManagedPolicy;
import io.keywarden.sdk.model.Page;
import io.keywarden.sdk.model.PolicyScope;
import io.keywarden.sdk.model.SimulationRequest;
import io.keywarden.sdk.model.SimulationResult;
import io.keywarden.sdk.model.UserPolicy;
import io.keywarden.sdk.testing.SignatureCheck;
import io.keywarden.sdk.testing.StubServer;
import io.keywarden.sdk.testing.StubServer.Answer;
import io.keywarden.sdk.testing.StubServer.Recorded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.keywarden.sdk.testing.Fixtures.CREDENTIALS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The permission methods: each one request, signed for {@code iam}, with the documented method, path and body. */
class PolicyOperationsTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:15:30Z");
    private static final String REGION = "eu-west-3";
    private static final String DOC = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"iam:GetUser\",\"Resource\":\"*\"}]}";
    private static final String ARN = "arn:aws:iam::123456789012:policy/team/ReadOnly";
    private static final String ENCODED_ARN = "arn%3Aaws%3Aiam%3A%3A123456789012%3Apolicy%2Fteam%2FReadOnly";
    private static final String POLICY_JSON = "{\"policyName\":\"ReadOnly\",\"policyId\":\"ANPAQ2KWSD3J5ABCDEFGH\","
            + "\"arn\":\"" + ARN + "\",\"path\":\"/team/\",\"defaultVersionId\":\"v1\",\"attachmentCount\":2,"
            + "\"isAttachable\":true,\"description\":\"reads\",\"createDate\":\"2026-11-29T15:22:15.123Z\","
            + "\"updateDate\":\"2026-11-30T15:22:15.123Z\"";

    private StubServer stub;
    private KeywardenClient client;

    @BeforeEach
    void start() {
        stub = StubServer.start();
        client = KeywardenClient.builder().endpoint(stub.uri()).region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).maxRetries(0).build();
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    private Recorded signedRequest() {
        Recorded request = stub.onlyRequest();
        SignatureCheck.Verified verified = SignatureCheck.verify(request, CREDENTIALS);
        assertThat(verified.service()).isEqualTo("iam");
        assertThat(verified.region()).isEqualTo(REGION);
        assertThat(verified.time()).isEqualTo(NOW);
        return request;
    }

    private static ManagedPolicy expectedPolicy(String document) {
        return new ManagedPolicy("ReadOnly", "ANPAQ2KWSD3J5ABCDEFGH", ARN, "/team/", "v1", 2, true, "reads",
                Instant.parse("2026-11-29T15:22:15.123Z"), Instant.parse("2026-11-30T15:22:15.123Z"), document);
    }

    @Test
    void putUserPolicyPutsTheDocumentAsAJsonString() {
        stub.enqueue(Answer.noContent());

        client.putUserPolicy("alice", "Read Only", DOC);

        Recorded request = signedRequest();
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.rawPath()).isEqualTo("/v1/users/alice/policies/Read%20Only");
        assertThat(request.header("Content-Type")).contains("application/json");
        assertThat(request.bodyText()).isEqualTo("{\"policyDocument\":" + quoted(DOC) + "}");
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void getUserPolicyReadsTheDocumentVerbatim() {
        stub.enqueue(Answer.ok("{\"userName\":\"alice\",\"policyName\":\"P\",\"policyDocument\":" + quoted(DOC) + "}"));

        UserPolicy policy = client.getUserPolicy("alice", "P");

        Recorded request = signedRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.rawPath()).isEqualTo("/v1/users/alice/policies/P");
        assertThat(policy).isEqualTo(new UserPolicy("alice", "P", DOC));
    }

    @Test
    void deleteUserPolicyIsADelete() {
        stub.enqueue(Answer.noContent());

        client.deleteUserPolicy("~", "P");

        Recorded request = signedRequest();
        assertThat(request.method()).isEqualTo("DELETE");
        assertThat(request.rawPath()).isEqualTo("/v1/users/~/policies/P");
    }

    @Test
    void listUserPoliciesPagesThroughNames() {
        stub.enqueue(Answer.ok("{\"policyNames\":[\"A\",\"B\"],\"isTruncated\":true,\"marker\":\"m1\"}"));

        Page<String> page = client.listUserPolicies("alice", "m0", 2);

        Recorded request = signedRequest();
        assertThat(request.rawPath()).isEqualTo("/v1/users/alice/policies");
        assertThat(request.query()).containsEntry("maxItems", "2").containsEntry("marker", "m0");
        assertThat(page.items()).containsExactly("A", "B");
        assertThat(page.nextMarker()).contains("m1");
    }

    @Test
    void listAllUserPoliciesFollowsMarkers() {
        stub.enqueue(Answer.ok("{\"policyNames\":[\"A\"],\"isTruncated\":true,\"marker\":\"m1\"}"),
                Answer.ok("{\"policyNames\":[\"B\"],\"isTruncated\":false}"));

        assertThat(client.listAllUserPolicies("alice")).containsExactly("A", "B");
        assertThat(stub.requests().get(1).query()).containsEntry("marker", "m1");
    }

    @Test
    void createPolicyPostsNamePathDocumentAndDescription() {
        stub.enqueue(Answer.json(201, POLICY_JSON + ",\"policyDocument\":" + quoted(DOC) + "}"));

        ManagedPolicy policy = client.createPolicy("ReadOnly", "/team/", DOC, "reads");

        Recorded request = signedRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo("/v1/policies");
        assertThat(request.bodyText()).isEqualTo("{\"policyName\":\"ReadOnly\",\"path\":\"/team/\",\"policyDocument\":"
                + quoted(DOC) + ",\"description\":\"reads\"}");
        assertThat(policy).isEqualTo(expectedPolicy(DOC));
        assertThat(policy.document()).contains(DOC);
    }

    @Test
    void createPolicyWithoutPathOrDescriptionSendsNeither() {
        stub.enqueue(Answer.json(201, POLICY_JSON + "}"));

        client.createPolicy("ReadOnly", DOC);

        assertThat(signedRequest().bodyText()).isEqualTo("{\"policyName\":\"ReadOnly\",\"policyDocument\":"
                + quoted(DOC) + "}");
    }

    @Test
    void getAndDeletePolicyPutTheWholeArnInOneEncodedSegment() {
        stub.enqueue(Answer.ok(POLICY_JSON + ",\"policyDocument\":" + quoted(DOC) + "}"));
        assertThat(client.getPolicy(ARN)).isEqualTo(expectedPolicy(DOC));
        assertThat(signedRequest().rawPath()).isEqualTo("/v1/policies/" + ENCODED_ARN);

        stub.close();
        stub = StubServer.start().enqueue(Answer.noContent());
        try (KeywardenClient c = KeywardenClient.builder().endpoint(stub.uri()).region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS)).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .maxRetries(0).build()) {
            c.deletePolicy(ARN);
        }
        Recorded delete = signedRequest();
        assertThat(delete.method()).isEqualTo("DELETE");
        assertThat(delete.rawPath()).isEqualTo("/v1/policies/" + ENCODED_ARN);
    }

    @Test
    void listPoliciesSendsScopeOnlyAttachedPrefixAndPageAndReadsPoliciesWithoutDocuments() {
        stub.enqueue(Answer.ok("{\"policies\":[" + POLICY_JSON + "}],\"isTruncated\":false}"));

        Page<ManagedPolicy> page = client.listPolicies(ListPoliciesRequest.builder().scope(PolicyScope.LOCAL)
                .onlyAttached(true).pathPrefix("/team/").maxItems(10).marker("m").build());

        Recorded request = signedRequest();
        assertThat(request.rawPath()).isEqualTo("/v1/policies");
        assertThat(request.query()).containsEntry("scope", "Local").containsEntry("onlyAttached", "true")
                .containsEntry("pathPrefix", "/team/").containsEntry("maxItems", "10").containsEntry("marker", "m");
        assertThat(page.items()).containsExactly(expectedPolicy(null));
        assertThat(page.items().get(0).document()).isEmpty();
    }

    @Test
    void listPoliciesByDefaultSendsNoParameters() {
        stub.enqueue(Answer.ok("{\"policies\":[],\"isTruncated\":false}"));

        assertThat(client.listPolicies().items()).isEmpty();

        assertThat(signedRequest().rawQuery()).isEmpty();
    }

    @Test
    void attachUserPolicyPutsTheArnAndDetachDeletesItsEncodedSegment() {
        stub.enqueue(Answer.noContent(), Answer.noContent());

        client.attachUserPolicy("alice", ARN);
        client.detachUserPolicy("alice", ARN);

        Recorded attach = stub.requests().get(0);
        SignatureCheck.verify(attach, CREDENTIALS);
        assertThat(attach.method()).isEqualTo("PUT");
        assertThat(attach.rawPath()).isEqualTo("/v1/users/alice/attached-policies");
        assertThat(attach.bodyText()).isEqualTo("{\"policyArn\":\"" + ARN + "\"}");
        Recorded detach = stub.requests().get(1);
        SignatureCheck.verify(detach, CREDENTIALS);
        assertThat(detach.method()).isEqualTo("DELETE");
        assertThat(detach.rawPath()).isEqualTo("/v1/users/alice/attached-policies/" + ENCODED_ARN);
    }

    @Test
    void listAttachedUserPoliciesReadsNamesAndArns() {
        stub.enqueue(Answer.ok("{\"attachedPolicies\":[{\"policyName\":\"ReadOnly\",\"policyArn\":\"" + ARN
                + "\"}],\"isTruncated\":false}"));

        Page<AttachedPolicy> page = client.listAttachedUserPolicies("alice");

        assertThat(signedRequest().rawPath()).isEqualTo("/v1/users/alice/attached-policies");
        assertThat(page.items()).containsExactly(new AttachedPolicy("ReadOnly", ARN));
        assertThat(page.isTruncated()).isFalse();
    }

    @Test
    void simulatePostsUserActionResourceAndContext() {
        stub.enqueue(Answer.ok("{\"decision\":\"ExplicitDeny\",\"explanation\":\"explicitly denied by policy P statement S\","
                + "\"decidingStatements\":[\"P/S\"],\"errors\":[]}"));

        SimulationResult result = client.simulate(SimulationRequest.builder().userName("alice")
                .action("iam:DeleteAccessKey").resource("arn:aws:iam::123456789012:user/alice")
                .context("aws:SourceIp", "203.0.113.7").context("aws:UserAgent").build());

        Recorded request = signedRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo("/v1/simulate");
        assertThat(request.bodyText()).isEqualTo("{\"userName\":\"alice\",\"action\":\"iam:DeleteAccessKey\","
                + "\"resource\":\"arn:aws:iam::123456789012:user/alice\","
                + "\"context\":{\"aws:SourceIp\":[\"203.0.113.7\"],\"aws:UserAgent\":[]}}");
        assertThat(result).isEqualTo(new SimulationResult(Decision.EXPLICIT_DENY,
                "explicitly denied by policy P statement S", List.of("P/S"), List.of()));
        assertThat(result.allowed()).isFalse();
    }

    @Test
    void simulateWithoutResourceOrContextSendsNeither() {
        stub.enqueue(Answer.ok("{\"decision\":\"Allow\",\"explanation\":\"allowed by policy P statement S\","
                + "\"decidingStatements\":[\"P/S\"],\"errors\":[]}"));

        assertThat(client.simulate("alice", "iam:GetUser", null).allowed()).isTrue();

        assertThat(signedRequest().bodyText()).isEqualTo("{\"userName\":\"alice\",\"action\":\"iam:GetUser\"}");
    }

    @Test
    void anUnknownDecisionIsNotUnderstood() {
        stub.enqueue(Answer.ok("{\"decision\":\"Maybe\",\"explanation\":\"?\",\"decidingStatements\":[],\"errors\":[]}"));

        assertThatThrownBy(() -> client.simulate("alice", "iam:GetUser", null))
                .isInstanceOf(KeywardenClientException.class).hasMessageContaining("Maybe");
    }

    @Test
    void policyErrorsAreTyped() {
        stub.enqueue(Answer.error(400, "MalformedPolicyDocument", "in Statement[0]: 'Effect' must be 'Allow' or 'Deny'", "r1"),
                Answer.error(409, "LimitExceeded", "Cannot exceed quota for PoliciesPerUser: 10", "r2"),
                Answer.error(409, "DeleteConflict", "Cannot delete a policy attached to entities.", "r3"));

        assertThatThrownBy(() -> client.putUserPolicy("alice", "P", "{}"))
                .isInstanceOfSatisfying(MalformedPolicyDocumentException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.errorMessage()).contains("'Effect'");
                });
        assertThatThrownBy(() -> client.attachUserPolicy("alice", ARN)).isInstanceOf(LimitExceededException.class);
        assertThatThrownBy(() -> client.deletePolicy(ARN)).isInstanceOf(DeleteConflictException.class);
    }

    @Test
    void argumentsAreCheckedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> client.putUserPolicy("alice", "", DOC)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.getPolicy(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> client.listUserPolicies("alice", null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimulationRequest.builder().userName("alice").build())
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ListPoliciesRequest.builder().pathPrefix("").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(stub.requests()).isEmpty();
    }
}
