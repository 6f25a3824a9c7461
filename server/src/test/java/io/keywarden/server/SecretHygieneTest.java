package io.keywarden.server;

import io.keywarden.server.support.LogCapture;
import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient;
import io.keywarden.server.support.SignedClient.Response;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A secret is returned once, by the create call, and never again: not in answers, logs or the database file. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretHygieneTest extends ServerTestSupport {
    private LogCapture log;

    @Override
    public Map<String, String> getProperties() {
        log = LogCapture.attach(); // before the server starts, so that start-up is captured too
        return super.getProperties();
    }

    @AfterAll
    void detach() {
        log.close();
    }

    @Test
    void secretAppearsOnlyInTheCreateAnswer() throws IOException {
        List<Response> answers = new ArrayList<>();
        answers.add(root().post("/v1/users", "{\"userName\":\"sam\"}"));
        Response created = root().post("/v1/users/sam/access-keys", null);
        String keyId = created.json().path("accessKeyId").asText();
        String secret = created.json().path("secretAccessKey").asText();
        assertThat(secret).hasSize(40);
        assertThat(created.body()).contains(secret);

        SignedClient sam = as(keyId, secret);
        answers.add(sam.get("/v1/caller-identity"));
        answers.add(sam.get("/v1/users/~/access-keys"));
        answers.add(sam.post("/v1/users/sam/access-keys", null));
        answers.add(as(keyId, secret + "x").get("/v1/caller-identity"));
        answers.add(root().get("/v1/users/sam/access-keys"));
        answers.add(root().get("/v1/users/sam"));
        answers.add(root().get("/v1/users"));
        answers.add(root().get("/v1/access-keys/" + keyId + "/last-used"));
        answers.add(root().get("/v1/access-keys/" + keyId + "/owner"));
        answers.add(root().get("/v1/access-keys/" + keyId + "/info"));
        answers.add(root().patch("/v1/users/sam/access-keys/" + keyId, "{\"status\":\"Inactive\"}"));
        answers.add(sam.get("/v1/caller-identity"));
        answers.add(root().patch("/v1/users/sam/access-keys/" + keyId, "{\"status\":\"Bogus\"}"));
        answers.add(root().delete("/v1/users/sam"));
        answers.add(root().send("POST", "/v1/users", "application/json", secret.getBytes(StandardCharsets.UTF_8)));
        answers.add(root().delete("/v1/users/sam/access-keys/" + keyId));
        answers.add(root().get("/v1/users/sam/access-keys"));

        for (Response r : answers) {
            assertThat(r.body()).as(r.toString()).doesNotContain(secret).doesNotContain(ROOT_SECRET);
            assertThat(r.headers().map().toString()).doesNotContain(secret).doesNotContain(ROOT_SECRET);
        }

        assertThat(log.text()).isNotEmpty()
                .doesNotContain(secret)
                .doesNotContain(ROOT_SECRET)
                .doesNotContain("Signature=")
                .doesNotContain("AWS4-HMAC-SHA256 Credential");

        Path db = dataDir.resolve("keywarden.mv.db");
        String bytes = new String(Files.readAllBytes(db), StandardCharsets.ISO_8859_1);
        assertThat(bytes).as("the database file is written through (sanity check)").contains(keyId);
        assertThat(bytes).doesNotContain(secret).doesNotContain(ROOT_SECRET);
    }
}
