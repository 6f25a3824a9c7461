package io.keywarden.examples;

import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.testing.FakeKeyService;
import io.keywarden.sdk.testing.MutableClock;
import io.keywarden.sdk.testing.StubServer;
import io.keywarden.sdk.testing.StubServer.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each example program against the in-memory fake of the key service (the real server is in the server's tests). */
class ExamplesAgainstFakeServiceTest {
    @TempDir
    Path dir;

    private final MutableClock serverClock = new MutableClock(Instant.now());
    private final FakeKeyService fake = new FakeKeyService(serverClock, 11);
    private StubServer stub;

    @BeforeEach
    void start() {
        stub = fake.serve();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private String endpoint() {
        return stub.uri().toString();
    }

    private ExampleRun run(String... args) {
        return ExampleRun.run(args);
    }

    private Path credentialsFile(String profile, SigningCredentials key) throws IOException {
        Path file = dir.resolve("credentials");
        Files.writeString(file, "# team credentials\n[default]\nregion = eu-west-1\n\n[" + profile + "]\n"
                + "aws_access_key_id = " + key.accessKeyId() + "\naws_secret_access_key = " + key.secretAccessKey()
                + "\n");
        return file;
    }

    @Test
    void quickstartPrintsEachStepAndTheSecretOnceWithAWarning() {
        ExampleRun run = run("quickstart", "--endpoint", endpoint(), "--user", "qs-user");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        SigningCredentials key = fake.keysOf("qs-user").get(0).credentials();
        assertThat(run.out()).contains("1. created user qs-user", "2. created access key " + key.accessKeyId(),
                "3. signed GetCallerIdentity with the new key: arn:aws:iam::123456789012:user/qs-user",
                "4. access keys of qs-user:", key.accessKeyId() + "  Active", "5. last used ", "for service sts");
        assertThat(run.out().split(java.util.regex.Pattern.quote(key.secretAccessKey()), -1)).hasSize(2);
        assertThat(run.out()).contains("only time the server returns this secret");
    }

    @Test
    void quickstartCanHideTheSecretAndCleanUp() {
        ExampleRun run = run("quickstart", "--endpoint", endpoint(), "--user", "qs-2", "--hide-secret", "--cleanup");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("(hidden; --hide-secret)", "6. deleted the key and the user");
        assertThat(fake.keysOf("qs-2")).isEmpty();
    }

    @Test
    void rotateProfileRotatesTheProfilesOwnKeyAndKeepsTheRestOfTheFile() throws IOException {
        SigningCredentials alice = fake.addKey("alice");
        Path file = credentialsFile("alice", alice);
        String before = Files.readString(file);

        ExampleRun run = run("rotate-profile", "--endpoint", endpoint(), "--credentials-file", file.toString(),
                "--profile", "alice", "--quiet-period", "0", "--poll-interval", "100ms", "--health-check-delay", "0");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        SigningCredentials now = fake.keysOf("alice").get(0).credentials();
        assertThat(fake.keysOf("alice")).hasSize(1);
        assertThat(now.accessKeyId()).isNotEqualTo(alice.accessKeyId());
        assertThat(Files.readString(file)).isEqualTo(before.replace(alice.accessKeyId(), now.accessKeyId())
                .replace(alice.secretAccessKey(), now.secretAccessKey()));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(run.out()).contains("COMPLETED: rotated " + alice.accessKeyId() + " -> " + now.accessKeyId(),
                "1. create new key", "2. switch to new key", "3. wait for old key to fall quiet",
                "4. deactivate old key", "5. verify application", "6. delete old key", "total");
        assertThat(run.err()).contains("[rotation] step \"deactivate old key\" finished");
        assertThat(run.out() + run.err()).doesNotContain(now.secretAccessKey()).doesNotContain(alice.secretAccessKey());
        assertThat(Files.exists(dir.resolve("credentials.alice.rotation.json"))).isFalse();
    }

    @Test
    void rotateProfileRollsBackWhenTheProfilesNewKeyFailsAfterDeactivation() throws IOException {
        SigningCredentials alice = fake.addKey("alice");
        Path file = credentialsFile("alice", alice);
        // once the old key is Inactive, the server refuses GetCallerIdentity by any other of alice's keys
        fake.intercept(r -> r.rawPath().endsWith("caller-identity")
                && fake.key(alice.accessKeyId()).map(k -> k.status == KeyStatus.INACTIVE).orElse(false)
                ? Answer.error(403, "AccessDenied", "the new key is not allowed yet", "r") : null);

        ExampleRun run = run("rotate-profile", "--endpoint", endpoint(), "--credentials-file", file.toString(),
                "--profile", "alice", "--quiet-period", "0", "--health-check-delay", "0");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("ROLLED_BACK", "health check failed", "the new key is not allowed yet");
        assertThat(run.err()).contains("[rotation] rolling back");
        assertThat(fake.keysOf("alice")).extracting(k -> k.id + " " + k.status.wireName())
                .containsExactly(alice.accessKeyId() + " Active");
        assertThat(Files.readString(file)).contains(alice.accessKeyId(), alice.secretAccessKey());
    }

    @Test
    void rotateProfileWithAnAdministratorsProfileRotatesTheOwnersKey() throws IOException {
        SigningCredentials alice = fake.addKey("alice");
        Path file = credentialsFile("alice", alice);
        Files.writeString(file, Files.readString(file) + "\n[admin]\naws_access_key_id = "
                + FakeKeyService.ROOT.accessKeyId() + "\naws_secret_access_key = "
                + FakeKeyService.ROOT.secretAccessKey() + "\n");

        ExampleRun run = run("rotate-profile", "--endpoint", endpoint(), "--credentials-file", file.toString(),
                "--profile", "alice", "--admin-profile", "admin", "--quiet-period", "0", "--health-check-delay", "0",
                "--defer-delete");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("OLD_KEY_INACTIVE");
        assertThat(fake.key(alice.accessKeyId()).orElseThrow().status).isEqualTo(KeyStatus.INACTIVE);
        assertThat(Files.exists(dir.resolve("credentials.alice.rotation.json"))).isTrue();

        ExampleRun later = run("rotate-profile", "--endpoint", endpoint(), "--credentials-file", file.toString(),
                "--profile", "alice", "--admin-profile", "admin", "--defer-delete");
        assertThat(later.exitCode()).as(later.toString()).isZero();
        assertThat(later.out()).contains("COMPLETED", "6. delete old key");
        assertThat(fake.keysOf("alice")).hasSize(1);
    }

    @Test
    void zeroDowntimeDemoRotatesUnderLoadWithoutAFailedRequest() {
        ExampleRun run = run("zero-downtime-demo", "--endpoint", endpoint(), "--threads", "4", "--user", "demo",
                "--quiet-period", "1s", "--poll-interval", "200ms", "--warmup", "300ms", "--cooldown", "300ms");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("4 worker threads", "failures:  0", "rotation: COMPLETED",
                "zero downtime: every request succeeded");
        long requests = Long.parseLong(run.out().replaceAll("(?s).*requests:  (\\d+).*", "$1"));
        assertThat(requests).isGreaterThan(10);
        assertThat(run.out()).containsPattern("signed with AKIA\\w+: \\d+");
        assertThat(run.err()).contains("[workload]", "[rotation] step");
        assertThat(fake.keysOf("demo")).isEmpty(); // cleaned up
    }

    @Test
    void keyAgeAuditFindsOldAndUnusedKeysAndExitsOne() {
        SigningCredentials old = fake.addKey("old-timer");
        fake.addKey("fresh");
        Clock hundredDaysLater = Clock.fixed(serverClock.instant().plus(Duration.ofDays(100)), ZoneOffset.UTC);
        fake.createUser("fresh-later");

        ExampleRun table = ExampleRun.run(ExampleRun.ROOT_ENV, hundredDaysLater, "key-age-audit", "--endpoint",
                endpoint(), "--older-than-days", "90", "--unused-days", "30");

        assertThat(table.exitCode()).as(table.toString()).isEqualTo(1);
        assertThat(table.out()).contains("USER", old.accessKeyId(), "older than 90 days",
                "never used, created more than 30 days ago");
        assertThat(table.err()).contains("checked 3 users and 2 keys: 2 found");

        ExampleRun csv = ExampleRun.run(ExampleRun.ROOT_ENV, hundredDaysLater, "key-age-audit", "--endpoint",
                endpoint(), "--format", "csv");
        assertThat(csv.exitCode()).isEqualTo(1);
        assertThat(csv.out().lines()).first().asString().startsWith("user,access_key_id,status,created,age_days");
        assertThat(csv.out()).contains("old-timer," + old.accessKeyId() + ",Active,");

        ExampleRun none = run("key-age-audit", "--endpoint", endpoint());
        assertThat(none.exitCode()).as(none.toString()).isZero();
        assertThat(none.out()).contains("no keys older than the limits");
    }

    @Test
    void leakedKeyTriageNamesAccountOwnerAndStatusAndQuarantinesOnRequest() throws IOException {
        SigningCredentials leaked = fake.addKey("bob");
        Path repo = Files.createDirectories(dir.resolve("repo/src"));
        Files.writeString(repo.resolve("config.yml"), "endpoint: x\nregion: y\naccess_key: " + leaked.accessKeyId()
                + "\n");
        Files.writeString(dir.resolve("repo/notes.txt"), "old key " + leaked.accessKeyId() + " and AKIAlowercase123456 "
                + "and " + FakeKeyService.ROOT.accessKeyId() + "\n");
        Files.createDirectories(dir.resolve("repo/.git"));
        Files.writeString(dir.resolve("repo/.git/packed"), "AKIAGITGITGITGITGIT2");

        ExampleRun report = run("leaked-key-triage", "--endpoint", endpoint(), dir.resolve("repo").toString());

        assertThat(report.exitCode()).as(report.toString()).isEqualTo(1);
        assertThat(report.out()).contains(leaked.accessKeyId() + "  found in ", "config.yml:3", "notes.txt:1",
                "account 123456789012 (this account)", "owner: user bob", "status Active",
                "owner: the root user").doesNotContain("AKIAGITGIT").doesNotContain("AKIAlowercase");
        assertThat(report.err()).contains("scanned 2 files: 2 distinct key IDs");

        ExampleRun quarantine = run("leaked-key-triage", "--endpoint", endpoint(), "--deactivate",
                dir.resolve("repo").toString());

        assertThat(quarantine.out()).contains("deactivated", "NOT deactivated: it is the key this program signs with");
        assertThat(fake.key(leaked.accessKeyId()).orElseThrow().status).isEqualTo(KeyStatus.INACTIVE);
        assertThat(quarantine.exitCode()).isEqualTo(1); // the root key is still Active

        Files.writeString(dir.resolve("repo/notes.txt"), "nothing here");
        ExampleRun clean = run("leaked-key-triage", "--endpoint", endpoint(), dir.resolve("repo").toString());
        assertThat(clean.exitCode()).as(clean.toString()).isZero();
        assertThat(clean.out()).contains("none is Active any more");

        assertThat(run("leaked-key-triage", "--endpoint", endpoint(), dir.resolve("empty").toString()).exitCode())
                .isEqualTo(2);
    }
}
