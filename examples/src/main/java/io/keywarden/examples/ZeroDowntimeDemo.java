package io.keywarden.examples;

import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.auth.MutableCredentialsProvider;
import io.keywarden.sdk.model.AccessKeyMetadata;
import io.keywarden.sdk.model.CallerIdentity;
import io.keywarden.sdk.model.CreatedAccessKey;
import io.keywarden.sdk.rotation.CallbackSink;
import io.keywarden.sdk.rotation.CredentialsSink;
import io.keywarden.sdk.rotation.GracePeriod;
import io.keywarden.sdk.rotation.KeyRotator;
import io.keywarden.sdk.rotation.ProfileFileSink;
import io.keywarden.sdk.rotation.RotationEvent;
import io.keywarden.sdk.rotation.RotationOutcome;
import io.keywarden.sdk.rotation.RotationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * N worker threads call the server continuously, signing through one {@link MutableCredentialsProvider}, while a
 * {@link KeyRotator} rotates their key underneath them; at the end the program prints how many requests were made,
 * how many failed (it must be none) and how long each step took.
 */
@Command(name = "zero-downtime-demo", mixinStandardHelpOptions = true,
        description = {"Creates a demo user with a key, starts worker threads that call GetCallerIdentity with that key "
                + "continuously (through a hot-swappable credentials provider), rotates the key underneath them, and "
                + "prints requests made, failed requests (must be 0) and each rotation step's duration. Needs "
                + "administrator credentials. Exits 1 if any request failed or the rotation did not complete."})
final class ZeroDowntimeDemo extends ExampleCommand {
    @Option(names = "--threads", paramLabel = "N", defaultValue = "8",
            description = "Worker threads; default ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--user", paramLabel = "NAME", description = "The demo user; default zero-downtime-demo-<time>.")
    String userName;

    @Option(names = "--quiet-period", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "Quiet period before deactivating the old key; default ${DEFAULT-VALUE}.")
    Duration quietPeriod;

    @Option(names = "--quiet-timeout", paramLabel = "DURATION", defaultValue = "2m", converter = DurationConverter.class,
            description = "Give up waiting for quiet after this; default ${DEFAULT-VALUE}.")
    Duration quietTimeout;

    @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
            description = "How often the rotator reads the old key's last use; default ${DEFAULT-VALUE}.")
    Duration pollInterval;

    @Option(names = "--grace", paramLabel = "DURATION", defaultValue = "0", converter = DurationConverter.class,
            description = "Keep the deactivated old key this long before deleting it; default ${DEFAULT-VALUE}.")
    Duration grace;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
            description = "How long the workers run before the rotation starts; default ${DEFAULT-VALUE}.")
    Duration warmup;

    @Option(names = "--cooldown", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
            description = "How long they go on after it ends; default ${DEFAULT-VALUE}.")
    Duration cooldown;

    @Option(names = "--sink-file", paramLabel = "FILE", description = "Also write the new key into profile "
            + "'--sink-profile' of this credentials file.")
    Path sinkFile;

    @Option(names = "--sink-profile", paramLabel = "NAME", defaultValue = "zero-downtime-demo",
            description = "The profile --sink-file gets; default ${DEFAULT-VALUE}.")
    String sinkProfile;

    @Option(names = "--keep-user", description = "Keep the demo user and its key at the end.")
    boolean keepUser;

    /** What the workers saw. */
    static final class Workload {
        final LongAdder requests = new LongAdder();
        final LongAdder failures = new LongAdder();
        final Map<String, LongAdder> byKey = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> failureSamples = new ConcurrentLinkedQueue<>();
        final AtomicLong maxLatencyNanos = new AtomicLong();
        final AtomicBoolean stop = new AtomicBoolean();
    }

    @Override
    protected int execute() throws InterruptedException {
        if (threads < 1 || threads > 512) {
            throw new IllegalArgumentException("--threads must be between 1 and 512, got " + threads);
        }
        Map<String, String> env = environment();
        String name = userName != null ? userName : "zero-downtime-demo-" + DateTimeFormatter
                .ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(clock().instant());
        try (KeywardenClient admin = connection.client(env)) {
            admin.createUser(name);
            CreatedAccessKey first = admin.createAccessKey(name);
            progress("created user " + name + " with key " + first.accessKeyId());
            MutableCredentialsProvider credentials = MutableCredentialsProvider.create(first.credentials());
            Workload load = new Workload();
            RotationReport report;
            try (KeywardenClient app = connection.client(env, credentials)) {
                report = runDemo(admin, name, app, credentials, load);
            } finally {
                load.stop.set(true);
                if (!keepUser) {
                    cleanUp(admin, name);
                }
            }
            printSummary(report, load);
            boolean ok = load.failures.sum() == 0 && report.outcome() == RotationOutcome.COMPLETED;
            out().println(ok ? "zero downtime: every request succeeded across the rotation"
                    : "FAILED: " + load.failures.sum() + " failed requests, outcome " + report.outcome());
            return ok ? OK : FOUND;
        }
    }

    private RotationReport runDemo(KeywardenClient admin, String name, KeywardenClient app,
                                   MutableCredentialsProvider credentials, Workload load) throws InterruptedException {
        String expectedArn = app.callerIdentity().arn();
        List<Thread> workers = startWorkers(app, credentials, expectedArn, load);
        progress(threads + " workers calling GetCallerIdentity; warming up for "
                + DurationConverter.format(warmup));
        Thread.sleep(warmup.toMillis());

        CredentialsSink sink = sinkFile != null ? ProfileFileSink.create(sinkFile, sinkProfile)
                : CallbackSink.create(c -> progress("sink: the application's configuration would now get "
                + c.accessKeyId() + " (secret not shown)"));
        long failuresAtStart = load.failures.sum();
        RotationReport report = KeyRotator.builder()
                .client(admin)
                .userName(name)
                .credentialsProvider(credentials)
                .sink(sink)
                .quietPeriod(quietPeriod)
                .quietPeriodTimeout(quietTimeout)
                .pollInterval(pollInterval)
                .gracePeriod(GracePeriod.of(grace))
                .healthCheck(() -> {
                    // the application works: no worker failed, and a call through its provider succeeds
                    CallerIdentity who = app.callerIdentity();
                    return load.failures.sum() == failuresAtStart && who.arn().equals(expectedArn);
                })
                .clock(clock())
                .listener(new RotationProgress(err(), Duration.ofSeconds(2)))
                .listener(e -> {
                    if (e instanceof RotationEvent.StepFinished f) {
                        progress("[workload] " + load.requests.sum() + " requests, " + load.failures.sum()
                                + " failed so far (after \"" + f.step().description() + "\")");
                    }
                })
                .build()
                .rotate();

        progress("rotation finished (" + report.outcome() + "); cooling down for "
                + DurationConverter.format(cooldown));
        Thread.sleep(cooldown.toMillis());
        load.stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        return report;
    }

    private List<Thread> startWorkers(KeywardenClient app, MutableCredentialsProvider credentials, String expectedArn,
                                      Workload load) {
        List<Thread> workers = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(() -> {
                while (!load.stop.get()) {
                    String keyId = credentials.resolveCredentials().accessKeyId();
                    long start = System.nanoTime();
                    try {
                        CallerIdentity who = app.callerIdentity();
                        if (!who.arn().equals(expectedArn)) {
                            throw new IllegalStateException("answered as " + who.arn());
                        }
                        load.byKey.computeIfAbsent(keyId, k -> new LongAdder()).increment();
                    } catch (RuntimeException e) {
                        load.failures.increment();
                        if (load.failureSamples.size() < 5) {
                            load.failureSamples.add(e.getMessage());
                        }
                    } finally {
                        load.requests.increment();
                        load.maxLatencyNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
                    }
                }
            }, "demo-worker-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
        return workers;
    }

    private void printSummary(RotationReport report, Workload load) {
        out().println("zero-downtime demo: " + threads + " worker threads");
        out().println("requests:  " + load.requests.sum());
        out().println("failures:  " + load.failures.sum());
        load.byKey.forEach((key, n) -> out().println("  signed with " + key + ": " + n.sum()));
        out().printf("slowest request: %.1f ms%n", load.maxLatencyNanos.get() / 1_000_000.0);
        for (String sample : load.failureSamples) {
            out().println("  failure: " + sample);
        }
        out().println("rotation: " + report.outcome() + " " + report.oldAccessKeyId() + " -> "
                + report.newKeyId().orElse("(none)"));
        RotationProgress.printSteps(out(), report);
    }

    private void cleanUp(KeywardenClient admin, String name) {
        for (AccessKeyMetadata key : admin.listAllAccessKeys(name)) {
            admin.deleteAccessKey(name, key.accessKeyId());
        }
        admin.deleteUser(name);
        progress("deleted the demo user " + name + " and its key");
    }
}
