package io.keywarden.server.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keywarden.server.support.SignedClient;
import io.keywarden.server.support.SignedClient.Response;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the forwarding-header tests share: a user whose policy needs a source address and HTTPS, and the trail. */
final class ForwardedClients {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ForwardedClients() {
    }

    /**
     * Creates {@code name} with a key and a policy allowing it to list its own keys only from 203.0.113.0/24 over
     * HTTPS; answers a client signing as it.
     */
    static SignedClient userOnlyFromTheOfficeOverHttps(SignedClient root, URI base, String name) throws Exception {
        assertThat(root.post("/v1/users", "{\"userName\":\"" + name + "\"}").status()).isEqualTo(201);
        Response key = root.post("/v1/users/" + name + "/access-keys", null);
        assertThat(key.status()).isEqualTo(201);
        String policy = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListAccessKeys",
                 "Resource":"arn:aws:iam::*:user/${aws:username}",
                 "Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"},"Bool":{"aws:SecureTransport":"true"}}}]}""";
        Response put = root.put("/v1/users/" + name + "/policies/Office",
                JSON.writeValueAsString(Map.of("policyDocument", policy)));
        assertThat(put.status()).as(put.body()).isBetween(200, 204);
        return SignedClient.of(base, key.json().path("accessKeyId").asText(), key.json().path("secretAccessKey").asText());
    }

    /** Lists the user's own keys, sending {@code headers} (signed like the rest). */
    static Response listOwnKeys(SignedClient user, String name, Map<String, String> headers) {
        return user.send("GET", "/v1/users/" + name + "/access-keys", null, null, headers);
    }

    /** The source addresses the trail recorded for {@code user}'s ListAccessKeys calls, once there are {@code count}. */
    static List<String> recordedSources(SignedClient root, String user, int count) {
        return await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> {
            Response r = root.get("/v1/audit-events?eventName=ListAccessKeys&userName=" + user + "&maxItems=100");
            List<String> out = new ArrayList<>();
            for (JsonNode e : r.json().path("events")) {
                out.add(e.path("sourceIpAddress").asText());
            }
            return out;
        }, out -> out.size() >= count);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
