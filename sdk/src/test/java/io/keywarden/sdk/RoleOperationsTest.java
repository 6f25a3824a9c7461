package io.keywarden.sdk;

import io.keywarden.sdk.auth.StaticCredentialsProvider;
import io.keywarden.sdk.exception.DeleteConflictException;
import io.keywarden.sdk.exception.EntityAlreadyExistsException;
import io.keywarden.sdk.exception.KeywardenClientException;
import io.keywarden.sdk.exception.MalformedPolicyDocumentException;
import io.keywarden.sdk.exception.NoSuchEntityException;
import io.keywarden.sdk.model.AttachedPolicy;
import io.keywarden.sdk.model.CreateRoleRequest;
import io.keywarden.sdk.model.Page;
import io.keywarden.sdk.model.Role;
import io.keywarden.sdk.model.RolePolicy;
import io.keywarden.sdk.model.Tag;
import io.keywarden.sdk.testing.SignatureCheck;
import io.keywarden.sdk.testing.StubServer;
import io.keywarden.sdk.testing.StubServer.Answer;
import io.keywarden.sdk.testing.StubServer.Recorded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.keywarden.sdk.testing.Fixtures.CREDENTIALS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The role methods: each one request, signed for {@code iam}, with the method, path and body of the REST contract. */
class RoleOperationsTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:15:30Z");
    private static final String REGION = "eu-west-3";
    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String DOC = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"iam:GetUser\",\"Resource\":\"*\"}]}";
    private static final String POLICY_ARN = "arn:aws:iam::123456789012:policy/team/ReadOnly";
    private static final String ENCODED_POLICY_ARN = "arn%3Aaws%3Aiam%3A%3A123456789012%3Apolicy%2Fteam%2FReadOnly";
    private static final String ROLE_ARN = "arn:aws:iam::123456789012:role/ci/deployer";

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

    static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String roleJson(String name, boolean full) {
        return "{\"roleName\":\"" + name + "\",\"roleId\":\"AROAQ2KWSD3J5ABCDEFGH\",\"arn\":\"" + ROLE_ARN + "\","
                + "\"path\":\"/ci/\",\"createDate\":\"2026-11-29T15:22:15.123Z\",\"assumeRolePolicyDocument\":"
                + quoted(TRUST) + ",\"maxSessionDuration\":7200"
                + (full ? ",\"description\":\"deploys\",\"tags\":[{\"key\":\"team\",\"value\":\"platform\"},"
                + "{\"key\":\"empty\",\"value\":\"\"}]" : "") + "}";
    }

    private Recorded signed(Recorded request) {
        SignatureCheck.Verified verified = SignatureCheck.verify(request, CREDENTIALS);
        assertThat(verified.service()).isEqualTo("iam");
        assertThat(verified.region()).isEqualTo(REGION);
        return request;
    }

    private Recorded signedRequest() {
        return signed(stub.onlyRequest());
    }

    @Test
    void createRolePostsEveryParameterAndReadsTheRole() {
        stub.enqueue(Answer.json(201, roleJson("deployer", true)));

        Role role = client.createRole(CreateRoleRequest.builder().roleName("deployer").assumeRolePolicyDocument(TRUST)
                .path("/ci/").description("deploys").maxSessionDuration(Duration.ofHours(2))
                .tag("team", "platform").tag("empty", "").build());

        Recorded request = signedRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo("/v1/roles");
        assertThat(request.header("Content-Type")).contains("application/json");
        assertThat(request.bodyText()).isEqualTo("{\"roleName\":\"deployer\",\"assumeRolePolicyDocument\":"
                + quoted(TRUST) + ",\"path\":\"/ci/\",\"description\":\"deploys\",\"maxSessionDuration\":7200,"
                + "\"tags\":[{\"key\":\"team\",\"value\":\"platform\"},{\"key\":\"empty\",\"value\":\"\"}]}");
        assertThat(role).isEqualTo(new Role("deployer", "AROAQ2KWSD3J5ABCDEFGH", ROLE_ARN, "/ci/",
                Instant.parse("2026-11-29T15:22:15.123Z"), TRUST, "deploys", Duration.ofHours(2),
                List.of(new Tag("team", "platform"), new Tag("empty", ""))));
    }

    @Test
    void createRoleWithNameAndTrustPolicyOnlySendsNothingElseAndReadsARoleWithoutDescriptionOrTags() {
        stub.enqueue(Answer.json(201, roleJson("deployer", false)));

        Role role = client.createRole("deployer", TRUST);

        assertThat(signedRequest().bodyText()).isEqualTo("{\"roleName\":\"deployer\",\"assumeRolePolicyDocument\":"
                + quoted(TRUST) + "}");
        assertThat(role.description()).isNull();
        assertThat(role.descriptionIfAny()).isEmpty();
        assertThat(role.tags()).isEmpty();
        assertThat(role.maxSessionDuration()).isEqualTo(Duration.ofSeconds(7200));
    }

    @Test
    void getRoleEncodesTheNameIntoThePath() {
        stub.enqueue(Answer.ok(roleJson("a+b@c", true)));

        Role role = client.getRole("a+b@c");

        Recorded request = signedRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.rawPath()).isEqualTo("/v1/roles/a%2Bb%40c");
        assertThat(role.roleName()).isEqualTo("a+b@c");
        assertThat(role.assumeRolePolicyDocument()).isEqualTo(TRUST);
    }

    @Test
    void listRolesSendsPrefixMarkerAndPageSizeAndListAllFollowsMarkers() {
        stub.enqueue(Answer.ok("{\"roles\":[" + roleJson("a", false) + "],\"isTruncated\":true,\"marker\":\"m1\"}"));
        Page<Role> page = client.listRoles("/ci/", "m0", 1);
        Recorded request = signedRequest();
        assertThat(request.rawPath()).isEqualTo("/v1/roles");
        assertThat(request.query()).containsEntry("pathPrefix", "/ci/").containsEntry("marker", "m0")
                .containsEntry("maxItems", "1");
        assertThat(page.items()).extracting(Role::roleName).containsExactly("a");
        assertThat(page.nextMarker()).contains("m1");

        stub.close();
        stub = StubServer.start().enqueue(
                Answer.ok("{\"roles\":[" + roleJson("a", false) + "],\"isTruncated\":true,\"marker\":\"m1\"}"),
                Answer.ok("{\"roles\":[" + roleJson("b", true) + "],\"isTruncated\":false}"));
        try (KeywardenClient c = KeywardenClient.builder().endpoint(stub.uri()).region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS)).maxRetries(0).build()) {
            assertThat(c.listAllRoles("/ci/")).extracting(Role::roleName).containsExactly("a", "b");
        }
        assertThat(stub.requests()).hasSize(2);
        assertThat(stub.requests().get(0).query()).containsEntry("pathPrefix", "/ci/").doesNotContainKey("marker");
        assertThat(stub.requests().get(1).query()).containsEntry("pathPrefix", "/ci/").containsEntry("marker", "m1");
    }

    @Test
    void listRolesByDefaultSendsNoParameters() {
        stub.enqueue(Answer.ok("{\"roles\":[],\"isTruncated\":false}"));

        assertThat(client.listRoles().items()).isEmpty();

        assertThat(signedRequest().rawQuery()).isEmpty();
    }

    @Test
    void updateRolePatchesOnlyWhatIsGiven() {
        stub.enqueue(Answer.noContent(), Answer.noContent());

        client.updateRole("deployer", "new words", Duration.ofHours(12));
        client.updateRole("deployer", null, Duration.ofSeconds(3600));

        Recorded both = signed(stub.requests().get(0));
        assertThat(both.method()).isEqualTo("PATCH");
        assertThat(both.rawPath()).isEqualTo("/v1/roles/deployer");
        assertThat(both.bodyText()).isEqualTo("{\"description\":\"new words\",\"maxSessionDuration\":43200}");
        assertThat(signed(stub.requests().get(1)).bodyText()).isEqualTo("{\"maxSessionDuration\":3600}");
    }

    @Test
    void updateAssumeRolePolicyPutsTheDocument() {
        stub.enqueue(Answer.noContent());

        client.updateAssumeRolePolicy("deployer", TRUST);

        Recorded request = signedRequest();
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.rawPath()).isEqualTo("/v1/roles/deployer/trust-policy");
        assertThat(request.bodyText()).isEqualTo("{\"policyDocument\":" + quoted(TRUST) + "}");
    }

    @Test
    void deleteRoleIsADeleteAndAConflictIsTyped() {
        stub.enqueue(Answer.noContent(), Answer.error(409, "DeleteConflict",
                "Cannot delete entity, must delete policies first.", "r1"));

        client.deleteRole("deployer");
        assertThatThrownBy(() -> client.deleteRole("deployer")).isInstanceOf(DeleteConflictException.class);

        Recorded request = signed(stub.requests().get(0));
        assertThat(request.method()).isEqualTo("DELETE");
        assertThat(request.rawPath()).isEqualTo("/v1/roles/deployer");
    }

    @Test
    void inlineRolePoliciesArePutReadListedAndDeleted() {
        stub.enqueue(Answer.noContent(),
                Answer.ok("{\"roleName\":\"deployer\",\"policyName\":\"Read Only\",\"policyDocument\":" + quoted(DOC) + "}"),
                Answer.ok("{\"policyNames\":[\"A\"],\"isTruncated\":true,\"marker\":\"m1\"}"),
                Answer.ok("{\"policyNames\":[\"B\"],\"isTruncated\":false}"),
                Answer.noContent());

        client.putRolePolicy("deployer", "Read Only", DOC);
        RolePolicy policy = client.getRolePolicy("deployer", "Read Only");
        List<String> names = client.listAllRolePolicies("deployer").stream().toList();
        client.deleteRolePolicy("deployer", "Read Only");

        List<Recorded> requests = stub.requests();
        requests.forEach(this::signed);
        assertThat(requests).extracting(Recorded::method).containsExactly("PUT", "GET", "GET", "GET", "DELETE");
        assertThat(requests.get(0).rawPath()).isEqualTo("/v1/roles/deployer/policies/Read%20Only");
        assertThat(requests.get(0).bodyText()).isEqualTo("{\"policyDocument\":" + quoted(DOC) + "}");
        assertThat(requests.get(1).rawPath()).isEqualTo("/v1/roles/deployer/policies/Read%20Only");
        assertThat(policy).isEqualTo(new RolePolicy("deployer", "Read Only", DOC));
        assertThat(requests.get(2).rawPath()).isEqualTo("/v1/roles/deployer/policies");
        assertThat(requests.get(3).query()).containsEntry("marker", "m1");
        assertThat(names).containsExactly("A", "B");
        assertThat(requests.get(4).rawPath()).isEqualTo("/v1/roles/deployer/policies/Read%20Only");
    }

    @Test
    void listRolePoliciesSendsMarkerAndPageSize() {
        stub.enqueue(Answer.ok("{\"policyNames\":[],\"isTruncated\":false}"));

        client.listRolePolicies("deployer", "m0", 5);

        assertThat(signedRequest().query()).containsEntry("marker", "m0").containsEntry("maxItems", "5");
    }

    @Test
    void managedPoliciesAreAttachedListedAndDetached() {
        stub.enqueue(Answer.noContent(),
                Answer.ok("{\"attachedPolicies\":[{\"policyName\":\"ReadOnly\",\"policyArn\":\"" + POLICY_ARN
                        + "\"}],\"isTruncated\":false}"),
                Answer.ok("{\"attachedPolicies\":[],\"isTruncated\":false}"),
                Answer.noContent());

        client.attachRolePolicy("deployer", POLICY_ARN);
        Page<AttachedPolicy> page = client.listAttachedRolePolicies("deployer", "m", 10);
        assertThat(client.listAllAttachedRolePolicies("deployer")).isEmpty();
        client.detachRolePolicy("deployer", POLICY_ARN);

        List<Recorded> requests = stub.requests();
        requests.forEach(this::signed);
        assertThat(requests.get(0).method()).isEqualTo("PUT");
        assertThat(requests.get(0).rawPath()).isEqualTo("/v1/roles/deployer/attached-policies");
        assertThat(requests.get(0).bodyText()).isEqualTo("{\"policyArn\":\"" + POLICY_ARN + "\"}");
        assertThat(requests.get(1).rawPath()).isEqualTo("/v1/roles/deployer/attached-policies");
        assertThat(requests.get(1).query()).containsEntry("marker", "m").containsEntry("maxItems", "10");
        assertThat(page.items()).containsExactly(new AttachedPolicy("ReadOnly", POLICY_ARN));
        assertThat(requests.get(3).method()).isEqualTo("DELETE");
        assertThat(requests.get(3).rawPath()).isEqualTo("/v1/roles/deployer/attached-policies/" + ENCODED_POLICY_ARN);
    }

    @Test
    void revokingSessionsPostsToTheRoleOrTheUserWithoutABody() {
        stub.enqueue(Answer.noContent(), Answer.noContent());

        client.revokeRoleSessions("deployer");
        client.revokeUserSessions("alice");

        List<Recorded> requests = stub.requests();
        requests.forEach(this::signed);
        assertThat(requests).extracting(Recorded::method).containsExactly("POST", "POST");
        assertThat(requests.get(0).rawPath()).isEqualTo("/v1/roles/deployer/revoke-sessions");
        assertThat(requests.get(1).rawPath()).isEqualTo("/v1/users/alice/revoke-sessions");
        assertThat(requests).allSatisfy(r -> assertThat(r.body()).isEmpty());
    }

    @Test
    void aRevocationIsNotResentAfterAServerError() {
        stub.otherwise(r -> Answer.error(500, "ServiceFailure", "boom", "r"));
        try (KeywardenClient retrying = KeywardenClient.builder().endpoint(stub.uri())
                .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS)).maxRetries(3)
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(2)).build()) {
            assertThatThrownBy(() -> retrying.revokeRoleSessions("deployer"))
                    .hasMessageContaining("boom");
        }
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void roleErrorsAreTyped() {
        stub.enqueue(Answer.error(409, "EntityAlreadyExists", "Role with name deployer already exists.", "r1"),
                Answer.error(400, "MalformedPolicyDocument", "Has prohibited field Resource", "r2"),
                Answer.error(404, "NoSuchEntity", "The role with name nobody cannot be found.", "r3"));

        assertThatThrownBy(() -> client.createRole("deployer", TRUST)).isInstanceOf(EntityAlreadyExistsException.class);
        assertThatThrownBy(() -> client.updateAssumeRolePolicy("deployer", DOC))
                .isInstanceOf(MalformedPolicyDocumentException.class);
        assertThatThrownBy(() -> client.getRole("nobody")).isInstanceOfSatisfying(NoSuchEntityException.class,
                e -> assertThat(e.requestId()).contains("r3"));
    }

    @Test
    void aRoleAnswerLackingItsTrustPolicyIsNotUnderstood() {
        stub.enqueue(Answer.ok("{\"roleName\":\"r\",\"roleId\":\"AROA\",\"arn\":\"a\",\"path\":\"/\","
                + "\"createDate\":\"2026-11-29T15:22:15Z\",\"maxSessionDuration\":3600}"));

        assertThatThrownBy(() -> client.getRole("r")).isInstanceOf(KeywardenClientException.class)
                .hasMessageContaining("assumeRolePolicyDocument");
    }

    @Test
    void argumentsAreCheckedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> client.getRole("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.createRole("deployer", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CreateRoleRequest.builder().roleName("r").assumeRolePolicyDocument(TRUST)
                .maxSessionDuration(Duration.ofMillis(3_600_500)).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CreateRoleRequest.builder().roleName("r").assumeRolePolicyDocument(TRUST).path("")
                .build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.updateRole("r", null, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.listRoles("", null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.listRoles(null, "", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.listAttachedRolePolicies("r", null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.revokeUserSessions("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tag("k", null)).isInstanceOf(NullPointerException.class);
        assertThat(stub.requests()).isEmpty();
    }
}
