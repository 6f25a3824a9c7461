package io.keywarden.server.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient;
import io.keywarden.server.support.SignedClient.Response;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signatures bound to this endpoint, with {@code KEYWARDEN_REGION=eu-north-1}, {@code KEYWARDEN_ALLOWED_REGIONS} and
 * {@code KEYWARDEN_ALLOWED_HOSTS} set: a valid key's signature for another service, region or host is refused on both
 * faces, and {@code aws:RequestedRegion} is the configured region whatever the caller signed.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointBoundSignaturesTest extends ServerTestSupport {
    private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("keywarden.region", "eu-north-1",
                "keywarden.allowed-regions", "us-east-1, eu-north-1, aws-global",
                "keywarden.allowed-hosts", "127.0.0.1");
    }

    private Response listUsersQuery(SignedClient client) {
        return client.send("POST", "/", FORM, "Action=ListUsers&Version=2010-05-08".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aValidKeysSignatureForAnotherServiceIsRefusedOnBothFaces() {
        for (String service : new String[] {"s3", "execute-api"}) {
            Response rest = root().withScope("us-east-1", service).get("/v1/users");
            assertThat(rest.status()).isEqualTo(403);
            assertThat(rest.code()).isEqualTo("SignatureDoesNotMatch");
            assertThat(rest.body()).contains("Credential should be scoped to correct service: 'iam'.");
            Response query = listUsersQuery(root().withScope("us-east-1", service));
            assertThat(query.status()).isEqualTo(403);
            assertThat(query.body()).contains("<Code>SignatureDoesNotMatch</Code>")
                    .contains("Credential should be scoped to correct service: &apos;iam&apos;.");
        }
        for (String service : new String[] {"iam", "sts"}) {
            assertThat(root().withScope("us-east-1", service).get("/v1/users").status()).isEqualTo(200);
        }
        assertThat(listUsersQuery(root().withScope("aws-global", "iam")).status()).isEqualTo(200);
    }

    @Test
    void aRegionOutsideTheAllowedListIsRefused() {
        Response r = root().withScope("eu-west-1", "iam").get("/v1/users");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(r.body()).contains("Credential should be scoped to a valid Region, not 'eu-west-1'.");
    }

    @Test
    void aHostOutsideTheAllowedListIsRefused() {
        // the same server reached as localhost: the signed Host header names a host that is not allowed
        URI localhost = URI.create("http://localhost:" + server.getPort() + "/");
        Response r = SignedClient.of(localhost, ROOT_ACCESS_KEY_ID, ROOT_SECRET).get("/v1/users");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(r.body()).contains("is not a name of this endpoint");
    }

    @Test
    void requestedRegionIsTheConfiguredRegionNotTheSignedOne() throws Exception {
        assertThat(root().post("/v1/users", "{\"userName\":\"rae\"}").status()).isEqualTo(201);
        Response key = root().post("/v1/users/rae/access-keys", null);
        String policy = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListAccessKeys",
                 "Resource":"arn:aws:iam::*:user/${aws:username}",
                 "Condition":{"StringEquals":{"aws:RequestedRegion":"eu-north-1"}}}]}""";
        assertThat(root().put("/v1/users/rae/policies/North", JSON.writeValueAsString(Map.of("policyDocument", policy)))
                .status()).isBetween(200, 204);
        SignedClient rae = SignedClient.of(baseUri(), key.json().path("accessKeyId").asText(),
                key.json().path("secretAccessKey").asText());
        // signed for us-east-1 (an allowed scope), authorised as eu-north-1: this endpoint's region
        assertThat(rae.withScope("us-east-1", "iam").get("/v1/users/rae/access-keys").status()).isEqualTo(200);
        assertThat(rae.withScope("eu-north-1", "iam").get("/v1/users/rae/access-keys").status()).isEqualTo(200);

        String south = policy.replace("eu-north-1", "us-east-1");
        assertThat(root().put("/v1/users/rae/policies/North", JSON.writeValueAsString(Map.of("policyDocument", south)))
                .status()).isBetween(200, 204);
        assertThat(rae.withScope("us-east-1", "iam").get("/v1/users/rae/access-keys").status()).isEqualTo(403);
    }
}
