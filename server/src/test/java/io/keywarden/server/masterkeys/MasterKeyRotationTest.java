package io.keywarden.server.masterkeys;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.auth.StaticCredentialsProvider;
import io.keywarden.sdk.model.MasterKeyStatus;
import io.keywarden.server.persistence.JdbcAccessKeyStore;
import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient;
import io.keywarden.server.support.SignedClient.Response;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Rotating the master key on one data folder: secrets sealed under version 1 ({@code master.key}), a restart with
 * {@code master-2.key} added (new keys sealed under version 2, old ones still authenticate), the background re-seal
 * moving everything to version 2 (GetMasterKeyStatus reports none left under version 1), and a restart with version 1
 * removed, after which every key authenticates. A start that cannot open the stored secrets is refused.
 */
class MasterKeyRotationTest {

    private static EmbeddedServer start(Path dir, String... more) {
        Map<String, Object> props = new HashMap<>();
        props.put("keywarden.data-dir", dir.toString());
        props.put("keywarden.root-access-key-id", ServerTestSupport.ROOT_ACCESS_KEY_ID);
        props.put("keywarden.root-secret-access-key", ServerTestSupport.ROOT_SECRET);
        for (int i = 0; i < more.length; i += 2) {
            props.put(more[i], more[i + 1]);
        }
        return ApplicationContext.run(EmbeddedServer.class, props);
    }

    private static URI uri(EmbeddedServer server) {
        return URI.create("http://127.0.0.1:" + server.getPort() + "/");
    }

    private static SignedClient root(EmbeddedServer server) {
        return SignedClient.of(uri(server), ServerTestSupport.ROOT_ACCESS_KEY_ID, ServerTestSupport.ROOT_SECRET);
    }

    private static String sealedPrefix(EmbeddedServer server, String keyId) {
        String sealed = server.getApplicationContext().getBean(JdbcAccessKeyStore.class)
                .findRow(AccessKeyId.of(keyId)).orElseThrow().sealedSecret();
        return sealed.substring(0, sealed.indexOf(':') + 1);
    }

    private static void assertAllAuthenticate(EmbeddedServer server, Map<String, String> keys) {
        keys.forEach((id, secret) -> assertThat(SignedClient.of(uri(server), id, secret).get("/v1/caller-identity")
                .status()).as(id).isEqualTo(200));
        assertThat(root(server).get("/v1/caller-identity").status()).isEqualTo(200);
    }

    private static long sealedUnder(JsonNode status, int version) {
        for (JsonNode v : status.path("versions")) {
            if (v.path("version").asInt() == version) {
                return v.path("sealedSecrets").asLong();
            }
        }
        return 0;
    }

    @Test
    void rotateResealAndRetireOnOneDataFolder() throws IOException {
        Path dir = Files.createTempDirectory("keywarden-masterkeys-");
        Map<String, String> keys = new LinkedHashMap<>();

        // 1. a data folder with secrets under version 1 (master.key generated at first start)
        EmbeddedServer first = start(dir);
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(root(first).post("/v1/users", "{\"userName\":\"u" + i + "\"}").status()).isEqualTo(201);
                Response key = root(first).post("/v1/users/u" + i + "/access-keys", null);
                keys.put(key.json().path("accessKeyId").asText(), key.json().path("secretAccessKey").asText());
            }
            assertThat(sealedPrefix(first, keys.keySet().iterator().next())).isEqualTo("v1:");
            JsonNode status = root(first).get("/v1/master-keys").json();
            assertThat(status.path("newestVersion").asInt()).isEqualTo(1);
            assertThat(sealedUnder(status, 1)).isEqualTo(6); // five users' keys and the root key
            assertThat(status.path("reseal").path("state").asText()).isEqualTo("finished");
        } finally {
            first.getApplicationContext().close();
        }
        assertThat(dir.resolve("master.key")).exists();

        // 2. version 2 without version 1: the start is refused, naming the missing version
        byte[] v2 = new byte[32];
        new SecureRandom().nextBytes(v2);
        String v2Base64 = Base64.getEncoder().encodeToString(v2);
        assertThatThrownBy(() -> start(dir, "keywarden.master-keys", "2:" + v2Base64))
                .hasStackTraceContaining("sealed under master key version(s) [1], which are not configured");

        // 3. master.key plus master-2.key, re-seal off: old keys authenticate, new keys are sealed under version 2
        Files.writeString(dir.resolve("master-2.key"), v2Base64 + "\n");
        EmbeddedServer second = start(dir, "keywarden.reseal.enabled", "false");
        try {
            assertAllAuthenticate(second, keys);
            assertThat(root(second).post("/v1/users", "{\"userName\":\"late\"}").status()).isEqualTo(201);
            Response late = root(second).post("/v1/users/late/access-keys", null);
            String lateId = late.json().path("accessKeyId").asText();
            keys.put(lateId, late.json().path("secretAccessKey").asText());
            assertThat(sealedPrefix(second, lateId)).isEqualTo("v2:");
            JsonNode status = root(second).get("/v1/master-keys").json();
            assertThat(status.path("newestVersion").asInt()).isEqualTo(2);
            assertThat(sealedUnder(status, 1)).isEqualTo(6);
            assertThat(sealedUnder(status, 2)).isEqualTo(1);
            assertThat(status.path("reseal").path("state").asText()).isEqualTo("pending");
            assertThat(status.path("reseal").path("remaining").asLong()).isEqualTo(6);
            // an IAM user without a policy may not read it
            Map.Entry<String, String> user = keys.entrySet().iterator().next();
            Response denied = SignedClient.of(uri(second), user.getKey(), user.getValue()).get("/v1/master-keys");
            assertThat(denied.status()).isEqualTo(403);
            assertThat(denied.code()).isEqualTo("AccessDenied");
        } finally {
            second.getApplicationContext().close();
        }

        // 4. re-seal on: everything moves to version 2; the SDK reports it
        EmbeddedServer third = start(dir, "keywarden.reseal.interval", "200ms", "keywarden.reseal.batch-size", "2",
                "keywarden.reseal.pause", "0ms");
        try {
            try (KeywardenClient sdk = KeywardenClient.builder().endpoint(uri(third)).region("us-east-1")
                    .credentialsProvider(StaticCredentialsProvider.create(ServerTestSupport.ROOT_ACCESS_KEY_ID,
                            ServerTestSupport.ROOT_SECRET)).build()) {
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
                MasterKeyStatus s = sdk.getMasterKeyStatus();
                assertThat(s.reseal().state()).isEqualTo("finished");
                assertThat(s.reseal().remaining()).isZero();
            });
            MasterKeyStatus s = sdk.getMasterKeyStatus();
            assertThat(s.newestVersion()).isEqualTo(2);
            assertThat(s.versions()).containsExactly(new MasterKeyStatus.Version(1, true, false, 0),
                    new MasterKeyStatus.Version(2, true, true, 7));
            assertThat(s.retirableVersions()).containsExactly(1);
            assertThat(s.reseal().targetVersion()).isEqualTo(2);
            assertThat(s.reseal().resealed()).isEqualTo(6);
            assertThat(s.reseal().finishedAt()).isNotNull();
            for (String id : keys.keySet()) {
                assertThat(sealedPrefix(third, id)).isEqualTo("v2:");
            }
            assertAllAuthenticate(third, keys);
            }
        } finally {
            third.getApplicationContext().close();
        }

        // 5. version 1 retired: master.key removed, every key authenticates
        Files.delete(dir.resolve("master.key"));
        EmbeddedServer fourth = start(dir);
        try {
            assertAllAuthenticate(fourth, keys);
            JsonNode status = root(fourth).get("/v1/master-keys").json();
            assertThat(status.path("versions")).hasSize(1);
            assertThat(status.path("versions").get(0).path("version").asInt()).isEqualTo(2);
            assertThat(status.path("versions").get(0).path("sealedSecrets").asLong()).isEqualTo(7);
        } finally {
            fourth.getApplicationContext().close();
        }
    }
}
