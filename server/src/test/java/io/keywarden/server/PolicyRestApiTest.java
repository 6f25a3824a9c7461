package io.keywarden.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient;
import io.keywarden.server.support.SignedClient.Response;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The wire shapes of the permission resources of the REST API, as {@code docs/rest-api.md} documents them. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyRestApiTest extends ServerTestSupport {
    private static final String LIST_KEYS = """
            {"Version":"2012-10-17","Statement":[{"Sid":"ListOwnKeys","Effect":"Allow",
              "Action":"iam:ListAccessKeys","Resource":"arn:aws:iam::*:user/${aws:username}"}]}""";

    private static String body(String field, String value) {
        return "{\"" + field + "\":" + quote(value) + "}";
    }

    private static String quote(String s) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
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

    @Test
    void inlinePolicyIsPutVerbatimReadListedAndDeleted() {
        root().post("/v1/users", "{\"userName\":\"ivy\"}");
        String document = LIST_KEYS + "\n";
        Response put = put(root(), "/v1/users/ivy/policies/ListOwnKeys", body("policyDocument", document));
        assertThat(put.status()).as(put.toString()).isEqualTo(204);
        assertThat(put.header("x-amzn-RequestId")).isNotBlank();

        Response got = root().get("/v1/users/ivy/policies/ListOwnKeys");
        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        assertThat(got.json().path("userName").asText()).isEqualTo("ivy");
        assertThat(got.json().path("policyName").asText()).isEqualTo("ListOwnKeys");
        assertThat(got.json().path("policyDocument").isTextual()).isTrue();
        assertThat(got.json().path("policyDocument").asText()).isEqualTo(document);

        put(root(), "/v1/users/ivy/policies/Another", body("policyDocument", LIST_KEYS));
        Response list = root().get("/v1/users/ivy/policies");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("policyNames").toString()).isEqualTo("[\"Another\",\"ListOwnKeys\"]");
        assertThat(list.json().path("isTruncated").asBoolean()).isFalse();
        assertThat(list.json().has("marker")).isFalse();

        Response page1 = root().get("/v1/users/ivy/policies?maxItems=1");
        assertThat(page1.json().path("policyNames").toString()).isEqualTo("[\"Another\"]");
        assertThat(page1.json().path("isTruncated").asBoolean()).isTrue();
        Response page2 = root().get("/v1/users/ivy/policies?maxItems=1&marker="
                + enc(page1.json().path("marker").asText()));
        assertThat(page2.json().path("policyNames").toString()).isEqualTo("[\"ListOwnKeys\"]");
        assertThat(page2.json().path("isTruncated").asBoolean()).isFalse();

        assertThat(root().delete("/v1/users/ivy/policies/ListOwnKeys").status()).isEqualTo(204);
        Response gone = root().get("/v1/users/ivy/policies/ListOwnKeys");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.code()).isEqualTo("NoSuchEntity");
        assertThat(gone.json().path("message").asText())
                .isEqualTo("The user policy with name ListOwnKeys cannot be found.");
        assertThat(gone.json().path("requestId").asText()).isEqualTo(gone.header("x-amzn-RequestId"));
    }

    @Test
    void putUserPolicyWantsTheDocumentAsAJsonString() {
        root().post("/v1/users", "{\"userName\":\"jack\"}");
        Response asObject = put(root(), "/v1/users/jack/policies/P", "{\"policyDocument\":" + LIST_KEYS + "}");
        assertThat(asObject.status()).isEqualTo(400);
        assertThat(asObject.code()).isEqualTo("ValidationError");
        assertThat(asObject.json().path("message").asText()).contains("'policyDocument'").contains("must be a string");
        Response none = put(root(), "/v1/users/jack/policies/P", "{}");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.code()).isEqualTo("ValidationError");
        Response forNobody = put(root(), "/v1/users/nobody/policies/P", body("policyDocument", LIST_KEYS));
        assertThat(forNobody.status()).isEqualTo(404);
        assertThat(forNobody.json().path("message").asText()).isEqualTo("The user with name nobody cannot be found.");
        Response rootHasNoName = put(root(), "/v1/users/~/policies/P", body("policyDocument", LIST_KEYS));
        assertThat(rootHasNoName.status()).isEqualTo(400);
        assertThat(rootHasNoName.json().path("message").asText())
                .isEqualTo("Must specify userName when calling with non-User credentials");
    }

    @Test
    void malformedDocumentIsA400SayingWhatIsWrong() {
        root().post("/v1/users", "{\"userName\":\"kim\"}");
        Response bad = put(root(), "/v1/users/kim/policies/P", body("policyDocument", """
                {"Version":"2012-10-17","Statement":[{"Sid":"Keys","Effect":"allow","Action":"*","Resource":"*"}]}"""));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("MalformedPolicyDocument");
        assertThat(bad.json().path("message").asText()).contains("'Effect' must be 'Allow' or 'Deny', not 'allow'");
        Response notJson = root().post("/v1/policies", "{\"policyName\":\"Bad\",\"policyDocument\":\"{not json\"}");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.code()).isEqualTo("MalformedPolicyDocument");
        assertThat(notJson.json().path("message").asText()).isNotBlank();
    }

    @Test
    void managedPolicyIsCreatedReadByEncodedArnListedAndDeleted() {
        Response created = root().post("/v1/policies", "{\"policyName\":\"ListKeys\",\"path\":\"/team/a/\","
                + "\"policyDocument\":" + quote(LIST_KEYS) + ",\"description\":\"lists own keys\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode p = created.json();
        String arn = p.path("arn").asText();
        assertThat(arn).matches("arn:aws:iam::\\d{12}:policy/team/a/ListKeys");
        assertThat(p.path("policyName").asText()).isEqualTo("ListKeys");
        assertThat(p.path("policyId").asText()).startsWith("ANPA").hasSize(21);
        assertThat(p.path("path").asText()).isEqualTo("/team/a/");
        assertThat(p.path("defaultVersionId").asText()).isEqualTo("v1");
        assertThat(p.path("attachmentCount").asInt()).isZero();
        assertThat(p.path("isAttachable").asBoolean()).isTrue();
        assertThat(p.path("description").asText()).isEqualTo("lists own keys");
        assertThat(p.path("createDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(p.path("updateDate").asText()).isEqualTo(p.path("createDate").asText());
        assertThat(p.path("policyDocument").asText()).isEqualTo(LIST_KEYS);

        Response got = root().get("/v1/policies/" + enc(arn));
        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        assertThat(got.json()).isEqualTo(p);

        Response duplicate = root().post("/v1/policies", "{\"policyName\":\"listkeys\",\"policyDocument\":"
                + quote(LIST_KEYS) + "}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("EntityAlreadyExists");
        assertThat(duplicate.json().path("message").asText())
                .isEqualTo("A policy called listkeys already exists. Duplicate names are not allowed.");

        root().post("/v1/users", "{\"userName\":\"lee\"}");
        Response attached = put(root(), "/v1/users/lee/attached-policies", body("policyArn", arn));
        assertThat(attached.status()).as(attached.toString()).isEqualTo(204);
        assertThat(put(root(), "/v1/users/lee/attached-policies", body("policyArn", arn)).status())
                .as("attaching again changes nothing").isEqualTo(204);
        Response attachedList = root().get("/v1/users/lee/attached-policies");
        assertThat(attachedList.status()).isEqualTo(200);
        assertThat(attachedList.json().path("attachedPolicies").toString())
                .isEqualTo("[{\"policyName\":\"ListKeys\",\"policyArn\":\"" + arn + "\"}]");
        assertThat(attachedList.json().path("isTruncated").asBoolean()).isFalse();
        assertThat(root().get("/v1/users/lee/attached-policies?pathPrefix=/other/").json().path("attachedPolicies"))
                .isEmpty();
        assertThat(root().get("/v1/policies/" + enc(arn)).json().path("attachmentCount").asInt()).isEqualTo(1);

        Response listed = root().get("/v1/policies?onlyAttached=true&pathPrefix=/team/");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().path("policies")).hasSize(1);
        JsonNode item = listed.json().path("policies").get(0);
        assertThat(item.path("arn").asText()).isEqualTo(arn);
        assertThat(item.path("attachmentCount").asInt()).isEqualTo(1);
        assertThat(item.has("policyDocument")).as("lists carry no documents").isFalse();
        assertThat(root().get("/v1/policies?scope=AWS").json().path("policies")).isEmpty();
        assertThat(root().get("/v1/policies?scope=Everything").code()).isEqualTo("ValidationError");
        assertThat(root().get("/v1/policies?onlyAttached=maybe").code()).isEqualTo("ValidationError");

        Response attachedDelete = root().delete("/v1/policies/" + enc(arn));
        assertThat(attachedDelete.status()).isEqualTo(409);
        assertThat(attachedDelete.code()).isEqualTo("DeleteConflict");

        assertThat(root().delete("/v1/users/lee/attached-policies/" + enc(arn)).status()).isEqualTo(204);
        Response notAttached = root().delete("/v1/users/lee/attached-policies/" + enc(arn));
        assertThat(notAttached.status()).isEqualTo(404);
        assertThat(notAttached.json().path("message").asText()).isEqualTo("Policy " + arn + " was not found.");
        assertThat(root().delete("/v1/policies/" + enc(arn)).status()).isEqualTo(204);
        Response gone = root().get("/v1/policies/" + enc(arn));
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().path("message").asText()).isEqualTo("Policy " + arn + " was not found.");
    }

    @Test
    void attachingAPolicyThatDoesNotExistIsNoSuchEntity() {
        root().post("/v1/users", "{\"userName\":\"max\"}");
        String account = root().get("/v1/caller-identity").json().path("account").asText();
        String arn = "arn:aws:iam::" + account + ":policy/Nothing";
        Response missing = put(root(), "/v1/users/max/attached-policies", body("policyArn", arn));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("message").asText()).isEqualTo("Policy " + arn + " does not exist or is not attachable.");
        Response awsManaged = put(root(), "/v1/users/max/attached-policies",
                body("policyArn", "arn:aws:iam::aws:policy/AdministratorAccess"));
        assertThat(awsManaged.status()).isEqualTo(404);
        Response notAnArn = put(root(), "/v1/users/max/attached-policies", body("policyArn", "definitely-not-an-arn"));
        assertThat(notAnArn.status()).isEqualTo(400);
        assertThat(notAnArn.code()).isEqualTo("InvalidInput");
    }

    @Test
    void managedPoliciesArePagedInNameOrder() {
        List<String> names = List.of("PageC", "PageA", "PageB");
        for (String n : names) {
            root().post("/v1/policies", "{\"policyName\":\"" + n + "\",\"path\":\"/paged/\",\"policyDocument\":"
                    + quote(LIST_KEYS) + "}");
        }
        List<String> seen = new ArrayList<>();
        String marker = null;
        do {
            Response page = root().get("/v1/policies?pathPrefix=/paged/&maxItems=2"
                    + (marker == null ? "" : "&marker=" + enc(marker)));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().path("policies").forEach(p -> seen.add(p.path("policyName").asText()));
            marker = page.json().path("isTruncated").asBoolean() ? page.json().path("marker").asText() : null;
        } while (marker != null);
        assertThat(seen).containsExactly("PageA", "PageB", "PageC");
    }

    @Test
    void simulatorAnswersDecisionExplanationStatementsAndErrors() {
        root().post("/v1/users", "{\"userName\":\"nia\"}");
        put(root(), "/v1/users/nia/policies/ListOwnKeys", body("policyDocument", LIST_KEYS));
        String arn = root().get("/v1/users/nia").json().path("arn").asText();
        Response allowed = root().post("/v1/simulate", "{\"userName\":\"nia\",\"action\":\"iam:ListAccessKeys\","
                + "\"resource\":\"" + arn + "\"}");
        assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);
        assertThat(allowed.json().path("decision").asText()).isEqualTo("Allow");
        assertThat(allowed.json().path("explanation").asText())
                .isEqualTo("allowed by policy ListOwnKeys statement ListOwnKeys");
        assertThat(allowed.json().path("decidingStatements").toString()).isEqualTo("[\"ListOwnKeys/ListOwnKeys\"]");
        assertThat(allowed.json().path("errors").toString()).isEqualTo("[]");

        Response denied = root().post("/v1/simulate", "{\"userName\":\"nia\",\"action\":\"iam:DeleteAccessKey\","
                + "\"resource\":\"" + arn + "\",\"context\":{\"aws:SourceIp\":[\"10.0.0.1\"],\"aws:SecureTransport\":true}}");
        assertThat(denied.status()).as(denied.toString()).isEqualTo(200);
        assertThat(denied.json().path("decision").asText()).isEqualTo("ImplicitDeny");
        assertThat(denied.json().path("explanation").asText())
                .isEqualTo("no statement allowed iam:DeleteAccessKey on " + arn);
        assertThat(denied.json().path("decidingStatements")).isEmpty();

        assertThat(root().post("/v1/simulate", "{\"userName\":\"nia\"}").code()).isEqualTo("ValidationError");
        assertThat(root().post("/v1/simulate", "{\"userName\":\"nia\",\"action\":\"iam:GetUser\",\"context\":[1]}")
                .code()).isEqualTo("ValidationError");
        assertThat(root().post("/v1/simulate", "{\"userName\":\"nobody\",\"action\":\"iam:GetUser\"}").status())
                .isEqualTo(404);
    }
}
