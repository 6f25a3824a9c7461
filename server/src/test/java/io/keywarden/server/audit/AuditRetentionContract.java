package io.keywarden.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.core.audit.AuditRetention;
import io.keywarden.core.port.AuditArchiveStore;
import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient;
import io.keywarden.server.support.SignedClient.Response;
import io.keywarden.server.support.TestDatabase;
import io.keywarden.server.tools.VerifyAuditArchive;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Audit retention through the server, on each database (issue 14): expired segments are archived to a file with a
 * signed checkpoint and pruned; the chain still verifies, from the checkpoint; the archive verifies offline; a
 * changed archive fails the offline check, a changed checkpoint fails the server's verification; one node at a time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class AuditRetentionContract {
    private static final String ACCOUNT = "444455556666";
    private TestDatabase database;
    private EmbeddedServer server;
    private Path dataDir;
    private AuditRetentionJob job;
    private long archivedUpTo;

    protected abstract TestDatabase newDatabase();

    @BeforeAll
    void start() throws Exception {
        database = newDatabase();
        dataDir = Files.createTempDirectory("keywarden-retention-");
        Map<String, Object> props = new HashMap<>(database.properties());
        props.put("keywarden.data-dir", dataDir.toString());
        props.put("keywarden.account-id", ACCOUNT);
        props.put("keywarden.root-access-key-id", ServerTestSupport.ROOT_ACCESS_KEY_ID);
        props.put("keywarden.root-secret-access-key", ServerTestSupport.ROOT_SECRET);
        props.put("keywarden.audit.retention", "365d");
        server = ApplicationContext.run(EmbeddedServer.class, props);
        job = server.getApplicationContext().getBean(AuditRetentionJob.class);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.getApplicationContext().close();
        }
        if (database != null) {
            database.close();
        }
    }

    private SignedClient root() {
        return SignedClient.of(URI.create("http://127.0.0.1:" + server.getPort() + "/"),
                ServerTestSupport.ROOT_ACCESS_KEY_ID, ServerTestSupport.ROOT_SECRET);
    }

    @Test
    @Order(1)
    void nothingYoungerThanTheRetentionIsArchived() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(root().post("/v1/users", "{\"userName\":\"kept-" + i + "\"}").status()).isEqualTo(201);
        }
        assertThat(job.enabled()).isTrue();
        assertThat(job.runOnce()).isEmpty();
        assertThat(verify().path("checkpointSeq").isMissingNode()).isTrue();
    }

    @Test
    @Order(2)
    void expiredSegmentsAreArchivedBehindASignedCheckpointAndTheChainStillVerifies() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(root().post("/v1/users", "{\"userName\":\"old-" + i + "\"}").status()).isEqualTo(201);
        }
        JsonNode before = verify();
        assertThat(before.path("intact").asBoolean()).as(before.toString()).isTrue();
        long eventsBefore = before.path("eventsChecked").asLong();

        // a year and more later, every segment stored so far is past the retention
        List<AuditRetention.Archived> archived = job.runOnce(Clock.offset(Clock.systemUTC(), Duration.ofDays(400)));
        assertThat(archived).isNotEmpty();
        archivedUpTo = archived.get(archived.size() - 1).checkpoint().lastSeq();
        assertThat(archivedUpTo).isGreaterThanOrEqualTo(eventsBefore);
        assertThat(archived.stream().mapToLong(AuditRetention.Archived::events).sum()).isEqualTo(archivedUpTo);
        for (AuditRetention.Archived a : archived) {
            assertThat(job.archiveDir().resolve(a.archive())).isRegularFile();
        }

        try (Connection c = database.connect();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_segments WHERE account_id = ?"
                     + " AND first_seq <= ?")) {
            ps.setString(1, ACCOUNT);
            ps.setLong(2, archivedUpTo);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("pruned").isZero();
            }
        }

        // the trail goes on, and verification starts from the checkpoint and says so
        assertThat(root().post("/v1/users", "{\"userName\":\"after-archive\"}").status()).isEqualTo(201);
        JsonNode after = verify();
        assertThat(after.path("intact").asBoolean()).as(after.toString()).isTrue();
        assertThat(after.path("checkpointSeq").asLong()).isEqualTo(archivedUpTo);
        assertThat(after.path("lastSeq").asLong()).isGreaterThan(archivedUpTo);
        assertThat(after.path("eventsChecked").asLong()).isEqualTo(after.path("lastSeq").asLong() - archivedUpTo);

        // and the events kept are still looked up
        assertThat(root().get("/v1/audit-events?eventName=CreateUser").json().path("events")).isNotEmpty();
    }

    @Test
    @Order(3)
    void theArchivesVerifyOfflineWithTheMasterKey() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = VerifyAuditArchive.run(new String[] {"--master-key-file", dataDir.resolve("master.key").toString(),
                job.archiveDir().toString()}, null, new PrintStream(out, true, StandardCharsets.UTF_8));
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(report).isZero();
        assertThat(report).contains("checkpoint signature valid")
                .contains("all archives intact up to event " + archivedUpTo);
    }

    @Test
    @Order(4)
    void aWrongMasterKeyFailsTheOfflineCheck() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = VerifyAuditArchive.run(new String[] {job.archiveDir().toString()},
                java.util.Base64.getEncoder().encodeToString(new byte[32]), new PrintStream(out, true,
                        StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("signature does not match");
    }

    @Test
    @Order(5)
    void aChangedArchiveFailsTheOfflineCheck() throws Exception {
        Path archive;
        try (Stream<Path> files = Files.list(job.archiveDir())) {
            archive = files.filter(f -> f.toString().endsWith(".jsonl.gz")).sorted().findFirst().orElseThrow();
        }
        Path copy = Files.createTempDirectory("keywarden-tampered-").resolve(archive.getFileName());
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(archive)), StandardCharsets.UTF_8))) {
            r.lines().forEach(lines::add);
        }
        int victim = lines.size() / 2;
        assertThat(lines.get(victim)).contains("\"eventName\":\"");
        // someone covering their tracks renames what happened
        lines.set(victim, lines.get(victim).replaceFirst("\"eventName\":\"[A-Za-z]+\"", "\"eventName\":\"DeleteUser\""));
        try (Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(copy)),
                StandardCharsets.UTF_8)) {
            for (String line : lines) {
                w.write(line);
                w.write('\n');
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = VerifyAuditArchive.run(new String[] {"--master-key-file", dataDir.resolve("master.key").toString(),
                copy.toString()}, null, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("BROKEN").contains("changed");
    }

    @Test
    @Order(6)
    void oneNodeAtATimeHoldsTheLease() {
        AuditArchiveStore store = server.getApplicationContext().getBean(AuditArchiveStore.class);
        Instant now = Instant.now();
        assertThat(store.tryLease(AuditRetentionJob.LEASE, "node-a", now, Duration.ofMinutes(5))).isTrue();
        assertThat(store.tryLease(AuditRetentionJob.LEASE, "node-b", now, Duration.ofMinutes(5))).isFalse();
        assertThat(store.tryLease(AuditRetentionJob.LEASE, "node-a", now, Duration.ofMinutes(5))).as("renewed").isTrue();
        assertThat(store.tryLease(AuditRetentionJob.LEASE, "node-b", now.plus(Duration.ofMinutes(6)),
                Duration.ofMinutes(5))).as("expired").isTrue();
        store.releaseLease(AuditRetentionJob.LEASE, "node-a");
        assertThat(store.tryLease(AuditRetentionJob.LEASE, "node-a", now.plus(Duration.ofMinutes(7)),
                Duration.ofMinutes(5))).as("node-a's release of node-b's lease did nothing").isFalse();
        store.releaseLease(AuditRetentionJob.LEASE, "node-b");
    }

    @Test
    @Order(7)
    void aChangedCheckpointFailsVerification() throws Exception {
        // hide more events by moving the checkpoint forward, without the master key to sign it again
        try (Connection c = database.connect();
             PreparedStatement ps = c.prepareStatement("UPDATE audit_checkpoints SET last_seq = last_seq + 1"
                     + " WHERE account_id = ?")) {
            ps.setString(1, ACCOUNT);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        JsonNode broken = verify();
        assertThat(broken.path("intact").asBoolean()).as(broken.toString()).isFalse();
        assertThat(broken.path("reason").asText()).contains("checkpoint").contains("signature");
        // and nothing more is archived behind a checkpoint that does not hold
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() ->
                job.runOnce(Clock.offset(Clock.systemUTC(), Duration.ofDays(800)))))
                .isInstanceOf(AuditRetention.BrokenTrailException.class);
    }

    private JsonNode verify() {
        Response r = await().atMost(Duration.ofSeconds(10)).until(() -> root().get("/v1/audit-events/verify"),
                x -> x.status() == 200);
        return r.json();
    }
}
