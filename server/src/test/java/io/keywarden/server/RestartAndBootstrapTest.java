package io.keywarden.server;

import io.keywarden.server.support.LogCapture;
import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient;
import io.keywarden.server.support.SignedClient.Response;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Servers started and stopped by hand on one data folder: what survives a restart, and first-start bootstrap. */
class RestartAndBootstrapTest {

    private static EmbeddedServer start(Map<String, Object> props) {
        return ApplicationContext.run(EmbeddedServer.class, props);
    }

    private static void stop(EmbeddedServer server) {
        server.getApplicationContext().close();
    }

    private static URI uri(EmbeddedServer server) {
        return URI.create("http://127.0.0.1:" + server.getPort() + "/");
    }

    private static Map<String, Object> props(Path dir, String... more) {
        Map<String, Object> props = new HashMap<>();
        props.put("keywarden.data-dir", dir.toString());
        for (int i = 0; i < more.length; i += 2) {
            props.put(more[i], more[i + 1]);
        }
        return props;
    }

    @Test
    void dataSurvivesARestartOnTheSameDataFolder() throws IOException {
        Path dir = Files.createTempDirectory("keywarden-restart-");
        // a flush interval far beyond the test: only the shutdown flush can write the last use
        Map<String, Object> props = props(dir,
                "keywarden.root-access-key-id", ServerTestSupport.ROOT_ACCESS_KEY_ID,
                "keywarden.root-secret-access-key", ServerTestSupport.ROOT_SECRET,
                "keywarden.last-used.flush-interval", "1h");
        String keyId;
        String secret;
        String account;
        EmbeddedServer first = start(props);
        try {
            SignedClient root = SignedClient.of(uri(first), ServerTestSupport.ROOT_ACCESS_KEY_ID,
                    ServerTestSupport.ROOT_SECRET);
            account = root.get("/v1/caller-identity").json().path("account").asText();
            assertThat(root.post("/v1/users", "{\"userName\":\"rita\",\"path\":\"/ops/\"}").status()).isEqualTo(201);
            Response key = root.post("/v1/users/rita/access-keys", null);
            keyId = key.json().path("accessKeyId").asText();
            secret = key.json().path("secretAccessKey").asText();
            assertThat(SignedClient.of(uri(first), keyId, secret).withScope("eu-north-1", "sts")
                    .get("/v1/caller-identity").status()).isEqualTo(200);
        } finally {
            stop(first);
        }

        EmbeddedServer second = start(props);
        try {
            SignedClient root = SignedClient.of(uri(second), ServerTestSupport.ROOT_ACCESS_KEY_ID,
                    ServerTestSupport.ROOT_SECRET);
            assertThat(root.get("/v1/caller-identity").json().path("account").asText()).isEqualTo(account);
            Response rita = root.get("/v1/users/rita");
            assertThat(rita.status()).isEqualTo(200);
            assertThat(rita.json().path("path").asText()).isEqualTo("/ops/");
            Response identity = SignedClient.of(uri(second), keyId, secret).get("/v1/caller-identity");
            assertThat(identity.status()).isEqualTo(200);
            assertThat(identity.json().path("arn").asText()).isEqualTo("arn:aws:iam::" + account + ":user/ops/rita");
            Response lastUsed = root.get("/v1/access-keys/" + keyId + "/last-used");
            assertThat(lastUsed.json().path("accessKeyLastUsed").path("serviceName").asText())
                    .as("written by the flush on shutdown").isEqualTo("sts");
            assertThat(lastUsed.json().path("accessKeyLastUsed").path("region").asText()).isEqualTo("eu-north-1");
        } finally {
            stop(second);
        }
    }

    @Test
    void firstStartWithoutRootCredentialsWritesAPrivateCsvWhoseKeyWorks() throws IOException {
        Path dir = Files.createTempDirectory("keywarden-bootstrap-").resolve("not-yet-there");
        String csvText;
        try (LogCapture log = LogCapture.attach()) {
            EmbeddedServer server = start(props(dir));
            try {
                Path csv = dir.resolve("root-credentials.csv");
                assertThat(Files.getPosixFilePermissions(csv)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
                assertThat(Files.getPosixFilePermissions(dir.resolve("master.key")))
                        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
                assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
                csvText = Files.readString(csv, StandardCharsets.UTF_8);
                List<String> lines = csvText.lines().toList();
                assertThat(lines).hasSize(2);
                assertThat(lines.get(0)).isEqualTo("Access key ID,Secret access key");
                String[] pair = lines.get(1).split(",");
                assertThat(pair[0]).matches("AKIA[A-Z2-7]{16}");
                assertThat(pair[1]).hasSize(40);

                Response me = SignedClient.of(uri(server), pair[0], pair[1]).get("/v1/caller-identity");
                assertThat(me.status()).isEqualTo(200);
                assertThat(me.json().path("arn").asText()).endsWith(":root");

                List<String> mentions = log.lines().stream().filter(l -> l.contains("root-credentials.csv")).toList();
                assertThat(mentions).hasSize(1);
                assertThat(log.text()).doesNotContain(pair[1]);
            } finally {
                stop(server);
            }
        }
        // a second start does not issue another root key nor touch the file
        EmbeddedServer again = start(props(dir));
        try {
            assertThat(Files.readString(dir.resolve("root-credentials.csv"))).isEqualTo(csvText);
            String[] pair = csvText.lines().toList().get(1).split(",");
            Response keys = SignedClient.of(uri(again), pair[0], pair[1]).get("/v1/users/~/access-keys");
            assertThat(keys.json().path("accessKeys")).hasSize(1);
        } finally {
            stop(again);
        }
    }

    @Test
    void aDeletedRootKeyStaysDeletedAcrossRestartsUnlessReissueIsAskedFor() throws IOException {
        Path dir = Files.createTempDirectory("keywarden-root-once-");
        Path csv = dir.resolve("root-credentials.csv");
        EmbeddedServer first = start(props(dir));
        String[] pair;
        try {
            pair = Files.readAllLines(csv).get(1).split(",");
            SignedClient root = SignedClient.of(uri(first), pair[0], pair[1]);
            assertThat(root.delete("/v1/users/~/access-keys/" + pair[0]).status()).isEqualTo(204);
        } finally {
            stop(first);
        }
        Files.delete(csv);

        // the bootstrap ran once, recorded in the database: no key is minted again, no file written
        try (LogCapture log = LogCapture.attach()) {
            EmbeddedServer again = start(props(dir));
            try {
                assertThat(csv).doesNotExist();
                assertThat(log.text()).contains("KEYWARDEN_REISSUE_ROOT_KEY");
                assertThat(SignedClient.of(uri(again), pair[0], pair[1]).get("/v1/caller-identity").status())
                        .isEqualTo(403);
            } finally {
                stop(again);
            }
        }

        // asked for explicitly: a new root key, which works
        EmbeddedServer reissued = start(props(dir, "keywarden.reissue-root-key", "true"));
        try {
            String[] fresh = Files.readAllLines(csv).get(1).split(",");
            assertThat(fresh[0]).isNotEqualTo(pair[0]);
            Response me = SignedClient.of(uri(reissued), fresh[0], fresh[1]).get("/v1/caller-identity");
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.json().path("arn").asText()).endsWith(":root");
        } finally {
            stop(reissued);
        }
    }

    @Test
    void configuredAccountIdIsUsedAndAMismatchLaterStopsTheStart() throws IOException {
        Path dir = Files.createTempDirectory("keywarden-account-");
        EmbeddedServer server = start(props(dir, "keywarden.account-id", "123456789012",
                "keywarden.root-access-key-id", ServerTestSupport.ROOT_ACCESS_KEY_ID,
                "keywarden.root-secret-access-key", ServerTestSupport.ROOT_SECRET));
        try {
            Response me = SignedClient.of(uri(server), ServerTestSupport.ROOT_ACCESS_KEY_ID,
                    ServerTestSupport.ROOT_SECRET).get("/v1/caller-identity");
            assertThat(me.json().path("account").asText()).isEqualTo("123456789012");
            Response key = SignedClient.of(uri(server), ServerTestSupport.ROOT_ACCESS_KEY_ID,
                    ServerTestSupport.ROOT_SECRET).post("/v1/users/~/access-keys", null);
            assertThat(key.status()).isEqualTo(201);
            String info = SignedClient.of(uri(server), ServerTestSupport.ROOT_ACCESS_KEY_ID,
                    ServerTestSupport.ROOT_SECRET).get("/v1/access-keys/" + key.json().path("accessKeyId").asText()
                    + "/info").json().path("account").asText();
            assertThat(info).isEqualTo("123456789012");
        } finally {
            stop(server);
        }
        assertThatThrownBy(() -> start(props(dir, "keywarden.account-id", "210987654321")))
                .hasStackTraceContaining("210987654321")
                .hasStackTraceContaining("belongs to account 123456789012");
    }

    @Test
    void aWrongMasterKeyStopsTheStart() throws IOException {
        Path dir = Files.createTempDirectory("keywarden-masterkey-");
        stop(start(props(dir)));
        Files.writeString(dir.resolve("master.key"), java.util.Base64.getEncoder().encodeToString(new byte[32]));
        assertThatThrownBy(() -> start(props(dir))).hasStackTraceContaining("master key does not open");
    }

    @Test
    void aConfiguredMasterKeyIsUsedAndNoFileIsWritten() throws IOException {
        Path dir = Files.createTempDirectory("keywarden-masterkey-env-");
        String key = java.util.Base64.getEncoder().encodeToString(new byte[] {
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
                29, 30, 31, 32});
        stop(start(props(dir, "keywarden.master-key", key)));
        assertThat(dir.resolve("master.key")).doesNotExist();
        stop(start(props(dir, "keywarden.master-key", key)));
        assertThatThrownBy(() -> start(props(dir, "keywarden.master-key", "not base64!")))
                .hasStackTraceContaining("KEYWARDEN_MASTER_KEY");
    }
}
