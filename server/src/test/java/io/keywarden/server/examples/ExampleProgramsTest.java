package io.keywarden.server.examples;

import io.keywarden.core.keys.KeyStatus;
import io.keywarden.examples.Main;
import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.auth.StaticCredentialsProvider;
import io.keywarden.sdk.model.AccessKeyMetadata;
import io.keywarden.sdk.model.CreatedAccessKey;
import io.keywarden.sdk.rotation.ProfileFileSink;
import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SlowTest;
import io.keywarden.core.audit.AuditRecord;
import io.keywarden.core.identity.Account;
import io.keywarden.server.audit.AuditWriter;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each example program, run in-process ({@code new CommandLine(new Main(env, clock)).execute(args)}) against the real
 * server with the root user's credentials in its environment; its exit code and output are asserted (and printed,
 * for the README's samples).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SlowTest
class ExampleProgramsTest extends ServerTestSupport {
    private static final Map<String, String> ROOT_ENV = Map.of("AWS_ACCESS_KEY_ID", ROOT_ACCESS_KEY_ID,
            "AWS_SECRET_ACCESS_KEY", ROOT_SECRET);

    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private KeywardenClient admin;
    private Path dir;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("keywarden.last-used.flush-interval", "200ms");
    }

    @BeforeAll
    void setUp() throws IOException {
        admin = KeywardenClient.builder().endpoint(baseUri()).credentialsProvider(
                StaticCredentialsProvider.create(ROOT_ACCESS_KEY_ID, ROOT_SECRET)).build();
        dir = Files.createTempDirectory("keywarden-examples-");
    }

    @AfterAll
    void tearDown() {
        admin.close();
    }

    private String endpoint() {
        return "http://127.0.0.1:" + server.getPort();
    }

    private Run run(Clock clock, String... args) {
        return runWith(ROOT_ENV, clock, args);
    }

    private Run runWith(Map<String, String> env, Clock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new Main(env, clock)).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute(args);
        Run run = new Run(code, out.toString(), err.toString());
        System.out.println("[examples e2e] $ keywarden-examples " + String.join(" ", args) + "\n" + run);
        return run;
    }

    private Run run(String... args) {
        return run(Clock.systemUTC(), args);
    }

    private List<AccessKeyMetadata> keysOf(String user) {
        List<AccessKeyMetadata> keys = new ArrayList<>();
        admin.listAllAccessKeys(user).forEach(keys::add);
        return keys;
    }

    @Test
    void quickstartCreatesAUserAndKeyUsesItAndShowsItsLastUse() {
        Run run = run("quickstart", "--endpoint", endpoint(), "--user", "quickstart-user");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        AccessKeyMetadata key = keysOf("quickstart-user").get(0);
        assertThat(run.out()).contains("1. created user quickstart-user (AIDA",
                "2. created access key " + key.accessKeyId() + " for quickstart-user", "secret access key: ",
                "only time the server returns this secret",
                "3. signed GetCallerIdentity with the new key: arn:aws:iam::",
                "4. access keys of quickstart-user:", key.accessKeyId() + "  Active",
                "5. last used ", "for service sts in region us-east-1");
    }

    @Test
    void rotateProfileRotatesAProfileWithDeactivateVerifyDelete() throws IOException {
        admin.createUser("profile-user");
        CreatedAccessKey key = admin.createAccessKey("profile-user");
        Path file = dir.resolve("credentials");
        String others = "# shared by the team\n[admin]\naws_access_key_id = " + ROOT_ACCESS_KEY_ID
                + "\naws_secret_access_key = " + ROOT_SECRET + "\n\n";
        Files.writeString(file, others + "[app]\naws_access_key_id = " + key.accessKeyId()
                + "\naws_secret_access_key = " + key.secretAccessKey() + "\n");

        Run run = run("rotate-profile", "--endpoint", endpoint(), "--credentials-file", file.toString(),
                "--profile", "app", "--admin-profile", "admin", "--quiet-period", "1s", "--poll-interval", "200ms",
                "--health-check-delay", "200ms");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<AccessKeyMetadata> keys = keysOf("profile-user");
        assertThat(keys).hasSize(1);
        String fresh = keys.get(0).accessKeyId();
        assertThat(fresh).isNotEqualTo(key.accessKeyId());
        assertThat(ProfileFileSink.create(file, "app").load().orElseThrow().accessKeyId()).isEqualTo(fresh);
        assertThat(Files.readString(file)).startsWith(others);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(run.out()).contains("COMPLETED: rotated " + key.accessKeyId() + " -> " + fresh,
                "3. wait for old key to fall quiet", "4. deactivate old key", "5. verify application",
                "6. delete old key");
        assertThat(run.err()).contains("[rotation] step \"create new key\" finished");
        assertThat(run.out() + run.err()).doesNotContain(key.secretAccessKey());
    }

    @Test
    void zeroDowntimeDemoReportsNoFailedRequestWithEightWorkers() {
        Run run = run("zero-downtime-demo", "--endpoint", endpoint(), "--threads", "8", "--user", "demo-user",
                "--quiet-period", "2s", "--poll-interval", "250ms", "--warmup", "1s", "--cooldown", "1s");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("8 worker threads", "failures:  0", "rotation: COMPLETED",
                "1. create new key", "2. switch to new key", "3. wait for old key to fall quiet",
                "4. deactivate old key", "5. verify application", "6. delete old key",
                "zero downtime: every request succeeded");
        long requests = Long.parseLong(run.out().replaceAll("(?s).*requests:  (\\d+).*", "$1"));
        assertThat(requests).isGreaterThan(100);
        assertThat(run.err()).contains("[workload]", "failed so far");
        List<String> users = new ArrayList<>();
        admin.listAllUsers().forEach(u -> users.add(u.userName()));
        assertThat(users).doesNotContain("demo-user"); // cleaned up
    }

    @Test
    void keyAgeAuditFlagsKeysByAgeAndIdlenessAsTableOrCsv() {
        admin.createUser("audited");
        CreatedAccessKey key = admin.createAccessKey("audited");
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofDays(120));

        Run table = run(later, "key-age-audit", "--endpoint", endpoint(), "--older-than-days", "90",
                "--unused-days", "30");
        assertThat(table.exitCode()).as(table.toString()).isEqualTo(1);
        assertThat(table.out()).contains("USER", "audited", key.accessKeyId(), "older than 90 days",
                "never used, created more than 30 days ago");
        assertThat(table.err()).containsPattern("checked \\d+ users and \\d+ keys: \\d+ found");

        Run csv = run(later, "key-age-audit", "--endpoint", endpoint(), "--format", "csv");
        assertThat(csv.exitCode()).isEqualTo(1);
        assertThat(csv.out()).startsWith("user,access_key_id,status,created,age_days,last_used,")
                .contains("audited," + key.accessKeyId() + ",Active,");

        Run now = run(Clock.systemUTC().withZone(ZoneOffset.UTC), "key-age-audit", "--endpoint", endpoint());
        assertThat(now.exitCode()).as(now.toString()).isZero();
        assertThat(now.out()).contains("no keys older than the limits");
    }

    @Test
    void keyAgeAuditReadsTheHygieneReportAndListsWhatThePolicyDoesNext() {
        admin.createUser("policed");
        CreatedAccessKey key = admin.createAccessKey("policed");
        Run none = run("key-age-audit", "--endpoint", endpoint(), "--policy-report");
        assertThat(none.err()).contains("no expiry policy: ages only");
        assertThat(none.out()).doesNotContain(key.accessKeyId());

        admin.putKeyExpiryPolicy(io.keywarden.sdk.model.KeyExpiryPolicy.of(10, 20, null, null, null, List.of(), true));
        try {
            Run now = run("key-age-audit", "--endpoint", endpoint(), "--policy-report");
            assertThat(now.out()).as(now.toString()).doesNotContain(key.accessKeyId());
            assertThat(now.err()).contains("dry run");

            Run month = run("key-age-audit", "--endpoint", endpoint(), "--policy-report", "--within-days", "30");
            assertThat(month.exitCode()).as(month.toString()).isEqualTo(1);
            assertThat(month.out()).contains("USER", "NEXT", "policed", key.accessKeyId(), "warn",
                    "warnAfterDays 10");
            Run csv = run("key-age-audit", "--endpoint", endpoint(), "--policy-report", "--within-days", "30",
                    "--format", "csv");
            assertThat(csv.out()).startsWith("user,access_key_id,status,age_days,unused_days,state,next_action,")
                    .contains("policed," + key.accessKeyId() + ",Active,0,0,ok,warn,");
        } finally {
            admin.deleteKeyExpiryPolicy();
        }
    }

    @Test
    void assumeRolePrintsTheSourceAndTheRoleSessionsCallerIdentity() {
        admin.createUser("assumer");
        CreatedAccessKey key = admin.createAccessKey("assumer");
        String account = admin.callerIdentity().account();
        admin.putUserPolicy("assumer", "MayAssume", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}");
        String roleArn = admin.createRole("example-deployer", "{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + account + ":user/assumer\"},"
                + "\"Action\":[\"sts:AssumeRole\",\"sts:SetSourceIdentity\"]}]}").arn();

        Run run = runWith(Map.of("AWS_ACCESS_KEY_ID", key.accessKeyId(), "AWS_SECRET_ACCESS_KEY",
                key.secretAccessKey()), Clock.systemUTC(), "assume-role", "--endpoint", endpoint(),
                "--role-arn", roleArn, "--session-name", "example-session", "--duration", "15m",
                "--source-identity", "alice");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("1. source credentials: arn:aws:iam::" + account + ":user/assumer",
                "2. assumed " + roleArn + " as session example-session: access key ASIA", "source identity alice",
                "3. caller identity through AssumeRoleCredentialsProvider: arn:aws:sts::" + account
                        + ":assumed-role/example-deployer/example-session (AROA");
        assertThat(run.out()).doesNotContain(key.secretAccessKey());
    }

    @Test
    void leakedKeyTriageFindsOwnerAndStatusAndDeactivatesOnRequest() throws IOException {
        admin.createUser("leaky");
        CreatedAccessKey leaked = admin.createAccessKey("leaky");
        Path repo = Files.createDirectories(dir.resolve("repo/config"));
        Files.writeString(repo.resolve("app.properties"), "# config\nendpoint=x\naws.key=" + leaked.accessKeyId()
                + "\n");
        Files.writeString(dir.resolve("repo/README"), "never commit keys like " + ROOT_ACCESS_KEY_ID + "\n");

        Run report = run("leaked-key-triage", "--endpoint", endpoint(), dir.resolve("repo").toString());
        assertThat(report.exitCode()).as(report.toString()).isEqualTo(1);
        assertThat(report.out()).contains(leaked.accessKeyId() + "  found in ", "app.properties:3",
                "(this account)", "owner: user leaky", "status Active", "owner: the root user");
        assertThat(keysOf("leaky").get(0).status()).isEqualTo(KeyStatus.ACTIVE);

        Run quarantine = run("leaked-key-triage", "--endpoint", endpoint(), "--deactivate",
                dir.resolve("repo").toString());
        assertThat(quarantine.out()).contains("deactivated (reactivate it if something legitimate breaks",
                "NOT deactivated: it is the key this program signs with");
        assertThat(keysOf("leaky").get(0).status()).isEqualTo(KeyStatus.INACTIVE);
        assertThat(quarantine.exitCode()).isEqualTo(1); // the root key is still Active
    }

    @Test
    void leakedKeyTriageQuarantinesTheOwnerAndDeactivatesOnRequest() throws IOException {
        admin.createUser("spilled");
        CreatedAccessKey leaked = admin.createAccessKey("spilled");
        Path repo = Files.createDirectories(dir.resolve("spill"));
        Files.writeString(repo.resolve("notes.txt"), "key " + leaked.accessKeyId() + "\nroot " + ROOT_ACCESS_KEY_ID
                + "\n");

        Run run = run("leaked-key-triage", "--endpoint", endpoint(), "--quarantine", "--deactivate",
                repo.toString());
        assertThat(run.out()).as(run.toString()).contains(
                "quarantined: arn:aws:iam::aws:policy/KeywardenCompromisedKeyQuarantine attached to user spilled",
                "key Inactive", "NOT quarantined: a root user's key cannot be");
        assertThat(keysOf("spilled").get(0).status()).isEqualTo(KeyStatus.INACTIVE);
        assertThat(admin.listAttachedUserPolicies("spilled").items()).extracting(a -> a.policyArn())
                .containsExactly("arn:aws:iam::aws:policy/KeywardenCompromisedKeyQuarantine");
        assertThat(run.exitCode()).isEqualTo(1); // the root key is still Active
    }

    @Inject
    AuditWriter auditWriter;

    @Inject
    Account account;

    /**
     * An ASIA key: the issuing AssumeRole event is written to the trail directly, as the STS operation records it
     * (the operation itself is built elsewhere), followed by a call made with the key.
     */
    @Test
    void leakedKeyTriageNamesTheSessionRoleAndRequesterOfAnAsiaKey() throws IOException {
        String asia = "ASIAQYLPMN5HLEAKED42";
        String acct = account.id().value();
        Instant now = Instant.now();
        auditWriter.write(new AuditRecord(UUID.randomUUID().toString(), now.minusSeconds(30), acct,
                "sts.amazonaws.com", "AssumeRole", false, "IAMUser", "arn:aws:iam::" + acct + ":user/ops-carol",
                "AIDAEXAMPLECAROL", "ops-carol", "AKIAQYLPMN5HCAROL001", "203.0.113.5", "aws-cli/2",
                "{\"roleArn\":\"arn:aws:iam::" + acct + ":role/deployer\",\"roleSessionName\":\"carol-laptop\","
                        + "\"sourceIdentity\":\"carol@example.com\"}",
                "{\"credentials\":{\"accessKeyId\":\"" + asia + "\",\"secretAccessKey\":"
                        + "\"HIDDEN_DUE_TO_SECURITY_REASONS\",\"sessionToken\":\"HIDDEN_DUE_TO_SECURITY_REASONS\","
                        + "\"expiration\":\"" + now.plusSeconds(3600) + "\"},\"assumedRoleUser\":{\"arn\":"
                        + "\"arn:aws:sts::" + acct + ":assumed-role/deployer/carol-laptop\"},"
                        + "\"sourceIdentity\":\"carol@example.com\"}",
                null, null, "req-asia-1", 200)).join();
        auditWriter.write(new AuditRecord(UUID.randomUUID().toString(), now.minusSeconds(10), acct,
                "iam.amazonaws.com", "ListUsers", true, "AssumedRole",
                "arn:aws:sts::" + acct + ":assumed-role/deployer/carol-laptop", "AROAEXAMPLE:carol-laptop", null,
                asia, "198.51.100.66", "boto3", null, null, null, null, "req-asia-2", 200)).join();
        Path repo = Files.createDirectories(dir.resolve("asia-repo"));
        Files.writeString(repo.resolve("ci.log"), "export AWS_ACCESS_KEY_ID=" + asia + "\n");

        Run report = run("leaked-key-triage", "--endpoint", endpoint(), repo.toString());
        assertThat(report.exitCode()).as(report.toString()).isEqualTo(1); // still valid for an hour
        assertThat(report.out()).as(report.toString()).contains(asia + "  found in ", "ci.log:1",
                "temporary key (STS)", "issued by AssumeRole",
                "session: arn:aws:sts::" + acct + ":assumed-role/deployer/carol-laptop",
                "role: arn:aws:iam::" + acct + ":role/deployer", "session name: carol-laptop",
                "source identity: carol@example.com",
                "requested by: arn:aws:iam::" + acct + ":user/ops-carol with key AKIAQYLPMN5HCAROL001",
                "calls made with it: 1", "ListUsers  from 198.51.100.66", "valid until ");
        assertThat(report.out()).doesNotContain("owner:");
    }
}
