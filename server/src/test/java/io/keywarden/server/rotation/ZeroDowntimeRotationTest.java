package io.keywarden.server.rotation;

import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.auth.MutableCredentialsProvider;
import io.keywarden.sdk.auth.ProfileCredentialsProvider;
import io.keywarden.sdk.auth.StaticCredentialsProvider;
import io.keywarden.sdk.model.AccessKeyLastUsed;
import io.keywarden.sdk.model.AccessKeyMetadata;
import io.keywarden.sdk.model.CreatedAccessKey;
import io.keywarden.sdk.rotation.FileRotationStateStore;
import io.keywarden.sdk.rotation.GracePeriod;
import io.keywarden.sdk.rotation.KeyRotator;
import io.keywarden.sdk.rotation.ProfileFileSink;
import io.keywarden.sdk.rotation.RotationEvent;
import io.keywarden.sdk.rotation.RotationOutcome;
import io.keywarden.sdk.rotation.RotationReport;
import io.keywarden.sdk.rotation.RotationStep;
import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SlowTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rotation helper against the real server: several threads make continuous signed requests through a
 * hot-swappable provider (and one more through a provider reading the credentials file) while the key is rotated;
 * not one request may fail. Also rollback and quiet-period detection with the server's real last-used recording.
 * The measurements are printed (requests, failures, each step's duration).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SlowTest
class ZeroDowntimeRotationTest extends ServerTestSupport {
    private static final int WORKERS = 8;

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
        dir = Files.createTempDirectory("keywarden-rotation-");
    }

    @AfterAll
    void tearDown() {
        admin.close();
    }

    private KeywardenClient clientWith(io.keywarden.sdk.auth.CredentialsProvider provider, String region) {
        return KeywardenClient.builder().endpoint(baseUri()).region(region).credentialsProvider(provider).build();
    }

    /** A user with one key, written to profile {@code user} of a fresh credentials file. */
    private Path userWithKeyInFile(String user, SigningCredentials[] key) throws IOException {
        admin.createUser(user);
        CreatedAccessKey created = admin.createAccessKey(user);
        key[0] = created.credentials();
        Path file = dir.resolve(user + "-credentials");
        Files.writeString(file, "# written by the test\n[default]\nregion = us-east-1\n\n[" + user + "]\n"
                + "aws_access_key_id = " + created.accessKeyId() + "\naws_secret_access_key = "
                + created.secretAccessKey() + "\n");
        return file;
    }

    private List<AccessKeyMetadata> keysOf(String user) {
        List<AccessKeyMetadata> keys = new ArrayList<>();
        admin.listAllAccessKeys(user).forEach(keys::add);
        return keys;
    }

    @Test
    void eightWorkersMakeNoFailedRequestWhileTheirKeyIsRotated() throws Exception {
        SigningCredentials[] first = new SigningCredentials[1];
        Path file = userWithKeyInFile("worker", first);
        MutableCredentialsProvider hotSwapped = MutableCredentialsProvider.copyOf(ProfileCredentialsProvider.builder()
                .environment(Map.of()).credentialsFile(file).profileName("worker").build());
        // a second application reads the credentials file (re-checking it every 200 ms)
        ProfileCredentialsProvider fileReader = ProfileCredentialsProvider.builder().environment(Map.of())
                .credentialsFile(file).profileName("worker").reloadCheckInterval(Duration.ofMillis(200)).build();
        List<RotationEvent> events = new CopyOnWriteArrayList<>();
        RotationReport report;
        Workload workload;
        Workload fileWorkload;
        try (KeywardenClient app = clientWith(hotSwapped, "us-east-1");
             KeywardenClient fileApp = clientWith(fileReader, "eu-central-1")) {
            String arn = app.callerIdentity().arn();
            workload = new Workload(WORKERS, app, hotSwapped, arn);
            fileWorkload = new Workload(1, fileApp, fileReader, arn);
            try (workload; fileWorkload) {
                Thread.sleep(500);
                report = KeyRotator.builder()
                        .client(admin)
                        .userName("worker")
                        .credentialsProvider(hotSwapped)
                        .sink(ProfileFileSink.create(file, "worker"))
                        .quietPeriod(Duration.ofSeconds(2))
                        .quietPeriodTimeout(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(250))
                        .healthCheckDelay(Duration.ofMillis(300))
                        .healthCheck(() -> workload.failures.sum() == 0 && fileWorkload.failures.sum() == 0
                                && app.callerIdentity().arn().equals(arn))
                        .stateStore(FileRotationStateStore.create(dir.resolve("worker-state.json")))
                        .listener(events::add)
                        .build()
                        .rotate();
                Thread.sleep(500);
            }
        }

        System.out.println("[zero-downtime e2e] " + WORKERS + " hot-swapped workers: " + workload);
        System.out.println("[zero-downtime e2e] 1 file-reading worker: " + fileWorkload);
        report.steps().forEach(s -> System.out.println("[zero-downtime e2e] " + s.step() + " "
                + s.duration().toMillis() + " ms: " + s.detail()));
        System.out.println("[zero-downtime e2e] total " + report.total().toMillis() + " ms");

        assertThat(report.outcome()).as(report.summary()).isEqualTo(RotationOutcome.COMPLETED);
        assertThat(workload.failures.sum()).as(workload.toString()).isZero();
        assertThat(fileWorkload.failures.sum()).as(fileWorkload.toString()).isZero();
        String oldKey = first[0].accessKeyId();
        String newKey = report.newAccessKeyId();
        assertThat(workload.requestsWith(oldKey)).as(workload.toString()).isPositive();
        assertThat(workload.requestsWith(newKey)).as(workload.toString()).isPositive();
        assertThat(fileWorkload.requestsWith(newKey)).as(fileWorkload.toString()).isPositive();
        assertThat(workload.requests.sum()).isGreaterThan(100);

        assertThat(keysOf("worker")).extracting(AccessKeyMetadata::accessKeyId).containsExactly(newKey);
        assertThat(hotSwapped.resolveCredentials().accessKeyId()).isEqualTo(newKey);
        assertThat(ProfileFileSink.create(file, "worker").load().orElseThrow().accessKeyId()).isEqualTo(newKey);
        assertThat(Files.readString(file)).startsWith("# written by the test\n[default]\nregion = us-east-1\n");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(report.steps()).extracting(RotationReport.StepTiming::step).containsExactly(
                RotationStep.CREATE_KEY, RotationStep.SWITCH, RotationStep.WAIT_FOR_QUIET, RotationStep.DEACTIVATE,
                RotationStep.VERIFY, RotationStep.DELETE_OLD_KEY);
        assertThat(report.duration(RotationStep.WAIT_FOR_QUIET).orElseThrow()).isGreaterThanOrEqualTo(
                Duration.ofSeconds(2));
        AccessKeyLastUsed lastUsed = admin.getAccessKeyLastUsed(newKey);
        assertThat(lastUsed.serviceName()).isEqualTo("sts");
        assertThat(events).filteredOn(RotationEvent.StepFinished.class::isInstance).hasSize(6);
    }

    @Test
    void withADeferredGracePeriodTheOldKeyStaysInactiveUntilALaterRun() throws Exception {
        SigningCredentials[] first = new SigningCredentials[1];
        Path file = userWithKeyInFile("deferred", first);
        MutableCredentialsProvider app = MutableCredentialsProvider.copyOf(ProfileFileSink.create(file, "deferred")
                .load().map(StaticCredentialsProvider::create).orElseThrow());
        KeyRotator.Builder rotator = KeyRotator.builder().client(admin).userName("deferred")
                .credentialsProvider(app).sink(ProfileFileSink.create(file, "deferred"))
                .quietPeriod(Duration.ofMillis(500)).pollInterval(Duration.ofMillis(100))
                .healthCheckDelay(Duration.ZERO).gracePeriod(GracePeriod.deferred(Duration.ZERO))
                .stateStore(FileRotationStateStore.create(dir.resolve("deferred-state.json")));

        RotationReport first1 = rotator.build().rotate();

        assertThat(first1.outcome()).isEqualTo(RotationOutcome.OLD_KEY_INACTIVE);
        assertThat(keysOf("deferred")).extracting(k -> k.accessKeyId() + " " + k.status().wireName())
                .containsExactlyInAnyOrder(first[0].accessKeyId() + " Inactive", first1.newAccessKeyId() + " Active");
        try (KeywardenClient stale = clientWith(StaticCredentialsProvider.create(first[0]), "us-east-1")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(stale::callerIdentity)
                    .isInstanceOf(io.keywarden.sdk.exception.InvalidClientTokenIdException.class);
        }

        RotationReport later = rotator.build().rotate();
        assertThat(later.outcome()).isEqualTo(RotationOutcome.COMPLETED);
        assertThat(keysOf("deferred")).extracting(AccessKeyMetadata::accessKeyId)
                .containsExactly(first1.newAccessKeyId());
    }

    @Test
    void aFailingHealthCheckRollsBackToTheOldKey() throws Exception {
        SigningCredentials[] first = new SigningCredentials[1];
        Path file = userWithKeyInFile("rollback", first);
        MutableCredentialsProvider app = MutableCredentialsProvider.create(first[0]);
        List<RotationEvent> events = new CopyOnWriteArrayList<>();

        RotationReport report = KeyRotator.builder().client(admin).userName("rollback")
                .credentialsProvider(app).sink(ProfileFileSink.create(file, "rollback"))
                .quietPeriod(Duration.ofMillis(500)).pollInterval(Duration.ofMillis(100))
                .healthCheckDelay(Duration.ZERO)
                .healthCheck(() -> {
                    throw new IllegalStateException("the batch job still signs with the old key");
                })
                .listener(events::add)
                .build().rotate();

        assertThat(report.outcome()).isEqualTo(RotationOutcome.ROLLED_BACK);
        assertThat(report.why()).hasValueSatisfying(r -> assertThat(r).contains("the batch job still signs"));
        assertThat(keysOf("rollback")).extracting(k -> k.accessKeyId() + " " + k.status().wireName())
                .containsExactly(first[0].accessKeyId() + " Active");
        assertThat(app.resolveCredentials()).isEqualTo(first[0]);
        assertThat(ProfileFileSink.create(file, "rollback").load()).contains(first[0]);
        assertThat(events).filteredOn(RotationEvent.RollbackStarted.class::isInstance).hasSize(1);
        assertThat(events).filteredOn(RotationEvent.RolledBack.class::isInstance).hasSize(1);
        try (KeywardenClient old = clientWith(app, "us-east-1")) {
            assertThat(old.callerIdentity().arn()).endsWith(":user/rollback");
        }
    }

    @Test
    void aSecondClientStillUsingTheOldKeyKeepsItActiveAndTheReportSaysWhere() throws Exception {
        SigningCredentials[] first = new SigningCredentials[1];
        Path file = userWithKeyInFile("straggler", first);
        MutableCredentialsProvider app = MutableCredentialsProvider.create(first[0]);
        KeyRotator rotator = KeyRotator.builder().client(admin).userName("straggler")
                .credentialsProvider(app).sink(ProfileFileSink.create(file, "straggler"))
                .quietPeriod(Duration.ofSeconds(1)).quietPeriodTimeout(Duration.ofSeconds(3))
                .pollInterval(Duration.ofMillis(200)).healthCheckDelay(Duration.ZERO)
                .build();
        RotationReport report;
        try (KeywardenClient forgotten = clientWith(StaticCredentialsProvider.create(first[0]), "ap-southeast-2");
             Workload straggler = new Workload(1, forgotten, forgotten.credentialsProvider(),
                     forgotten.callerIdentity().arn())) {
            report = rotator.rotate();
            assertThat(straggler.failures.sum()).isZero();
        }

        assertThat(report.outcome()).isEqualTo(RotationOutcome.KEY_STILL_IN_USE);
        assertThat(report.lastUseOfOldKey()).hasValueSatisfying(use -> {
            assertThat(use.accessKeyId()).isEqualTo(first[0].accessKeyId());
            assertThat(use.serviceName()).isEqualTo("sts");
            assertThat(use.region()).isEqualTo("ap-southeast-2");
        });
        assertThat(report.why()).hasValueSatisfying(r -> assertThat(r).contains("ap-southeast-2")
                .contains("not deactivated"));
        assertThat(keysOf("straggler")).hasSize(2).allSatisfy(k -> assertThat(k.status()).isEqualTo(KeyStatus.ACTIVE));

        RotationReport undone = rotator.rollback();
        assertThat(undone.outcome()).isEqualTo(RotationOutcome.ROLLED_BACK);
        assertThat(keysOf("straggler")).extracting(AccessKeyMetadata::accessKeyId)
                .containsExactly(first[0].accessKeyId());
        assertThat(ProfileFileSink.create(file, "straggler").load()).contains(first[0]);
    }
}
