package io.keywarden.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient;
import io.keywarden.server.support.SignedClient.Response;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The wire shapes of the role resources of the REST API, as the REST contract and docs/rest-api.md give them. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RolesRestApiTest extends ServerTestSupport {
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String READ = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
            + "\"Action\":\"iam:Get*\",\"Resource\":\"*\"}}";

    private static String quote(String s) {
        try {
            return new ObjectMapper().writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private Response put(SignedClient client, String path, String json) {
        return client.send("PUT", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private Response create(String name, String extra) {
        return root().post("/v1/roles", "{\"roleName\":\"" + name + "\",\"assumeRolePolicyDocument\":" + quote(TRUST)
                + extra + "}");
    }

    @Test
    void aRoleIsCreatedReadUpdatedListedAndDeleted() {
        Response created = create("rest-deploy", ",\"path\":\"/ci/\",\"description\":\"deploys\","
                + "\"maxSessionDuration\":7200,\"tags\":[{\"key\":\"team\",\"value\":\"platform\"}]");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("roleName").asText()).isEqualTo("rest-deploy");
        assertThat(created.json().path("roleId").asText()).matches("AROA[A-Z2-7]{17}");
        assertThat(created.json().path("arn").asText()).matches("arn:aws:iam::\\d{12}:role/ci/rest-deploy");
        assertThat(created.json().path("path").asText()).isEqualTo("/ci/");
        assertThat(created.json().path("createDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(created.json().path("assumeRolePolicyDocument").asText()).isEqualTo(TRUST);
        assertThat(created.json().path("maxSessionDuration").asInt()).isEqualTo(7200);
        assertThat(created.json().path("tags").toString()).isEqualTo("[{\"key\":\"team\",\"value\":\"platform\"}]");

        Response patched = root().patch("/v1/roles/rest-deploy", "{\"maxSessionDuration\":43200}");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(204);
        String other = TRUST.replace("arn:aws:iam::123456789012:root", "*");
        assertThat(put(root(), "/v1/roles/rest-deploy/trust-policy", "{\"policyDocument\":" + quote(other) + "}")
                .status()).isEqualTo(204);
        Response got = root().get("/v1/roles/REST-DEPLOY");
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json().path("description").asText()).isEqualTo("deploys");
        assertThat(got.json().path("maxSessionDuration").asInt()).isEqualTo(43200);
        assertThat(got.json().path("assumeRolePolicyDocument").asText()).isEqualTo(other);

        create("rest-other", ",\"path\":\"/elsewhere/\"");
        Response list = root().get("/v1/roles?pathPrefix=/ci/");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("roles")).hasSize(1);
        assertThat(list.json().path("roles").get(0).path("roleName").asText()).isEqualTo("rest-deploy");
        assertThat(list.json().path("roles").get(0).has("tags")).isFalse();
        assertThat(list.json().path("isTruncated").asBoolean()).isFalse();
        assertThat(list.json().has("marker")).isFalse();
        Response page = root().get("/v1/roles?maxItems=1");
        assertThat(page.json().path("isTruncated").asBoolean()).isTrue();
        Response next = root().get("/v1/roles?maxItems=1&marker=" + enc(page.json().path("marker").asText()));
        assertThat(next.json().path("roles").get(0).path("roleName").asText())
                .isNotEqualTo(page.json().path("roles").get(0).path("roleName").asText());

        assertThat(root().delete("/v1/roles/rest-deploy").status()).isEqualTo(204);
        Response gone = root().get("/v1/roles/rest-deploy");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.code()).isEqualTo("NoSuchEntity");
        assertThat(gone.json().path("message").asText()).isEqualTo("The role with name rest-deploy cannot be found.");
        root().delete("/v1/roles/rest-other");
    }

    @Test
    void rolePoliciesAndAttachmentsAndTheDeleteConflict() {
        create("rest-pol", "");
        assertThat(put(root(), "/v1/roles/rest-pol/policies/Read", "{\"policyDocument\":" + quote(READ) + "}")
                .status()).isEqualTo(204);
        Response got = root().get("/v1/roles/rest-pol/policies/Read");
        assertThat(got.json().path("roleName").asText()).isEqualTo("rest-pol");
        assertThat(got.json().path("policyName").asText()).isEqualTo("Read");
        assertThat(got.json().path("policyDocument").asText()).isEqualTo(READ);
        assertThat(root().get("/v1/roles/rest-pol/policies").json().path("policyNames").toString())
                .isEqualTo("[\"Read\"]");

        Response policy = root().post("/v1/policies", "{\"policyName\":\"RestRoleReaders\",\"policyDocument\":"
                + quote(READ) + "}");
        String arn = policy.json().path("arn").asText();
        assertThat(put(root(), "/v1/roles/rest-pol/attached-policies", "{\"policyArn\":\"" + arn + "\"}").status())
                .isEqualTo(204);
        Response attached = root().get("/v1/roles/rest-pol/attached-policies");
        assertThat(attached.json().path("attachedPolicies").toString())
                .isEqualTo("[{\"policyName\":\"RestRoleReaders\",\"policyArn\":\"" + arn + "\"}]");

        Response conflict = root().delete("/v1/roles/rest-pol");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.code()).isEqualTo("DeleteConflict");
        assertThat(root().delete("/v1/roles/rest-pol/policies/Read").status()).isEqualTo(204);
        assertThat(root().delete("/v1/roles/rest-pol/attached-policies/" + enc(arn)).status()).isEqualTo(204);
        assertThat(root().delete("/v1/roles/rest-pol").status()).isEqualTo(204);
        root().delete("/v1/policies/" + enc(arn));
    }

    @Test
    void badBodiesAreClear4xx() {
        Response noPrincipal = root().post("/v1/roles", "{\"roleName\":\"rest-bad\",\"assumeRolePolicyDocument\":"
                + quote(READ) + "}");
        assertThat(noPrincipal.status()).isEqualTo(400);
        assertThat(noPrincipal.code()).isEqualTo("MalformedPolicyDocument");
        Response duration = create("rest-bad", ",\"maxSessionDuration\":\"long\"");
        assertThat(duration.status()).isEqualTo(400);
        assertThat(duration.code()).isEqualTo("ValidationError");
        Response tooShort = create("rest-bad", ",\"maxSessionDuration\":60");
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().path("message").asText()).contains("greater than or equal to 3600");
        Response unknown = create("rest-bad", ",\"permissionsBoundary\":\"x\"");
        assertThat(unknown.status()).isEqualTo(400);
        Response badTags = create("rest-bad", ",\"tags\":[{\"value\":\"v\"}]");
        assertThat(badTags.status()).isEqualTo(400);
        Response tagsNotList = create("rest-bad", ",\"tags\":{\"key\":\"k\"}");
        assertThat(tagsNotList.status()).isEqualTo(400);
        assertThat(root().get("/v1/roles/rest-bad").status()).isEqualTo(404);
    }
}
