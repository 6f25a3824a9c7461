package io.keywarden.examples;

import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.auth.MutableCredentialsProvider;
import io.keywarden.sdk.auth.ProfileCredentialsProvider;
import io.keywarden.sdk.auth.StaticCredentialsProvider;
import io.keywarden.sdk.model.CallerIdentity;
import io.keywarden.sdk.rotation.FileRotationStateStore;
import io.keywarden.sdk.rotation.GracePeriod;
import io.keywarden.sdk.rotation.KeyRotator;
import io.keywarden.sdk.rotation.ProfileFileSink;
import io.keywarden.sdk.rotation.RotationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Rotates the key of one profile of a credentials file, like aws-rotate-key but done right: create a second key,
 * write it into the profile atomically, wait until the old key is idle, deactivate it, check the file's key works,
 * then delete the old key; roll back when the check fails.
 */
@Command(name = "rotate-profile", mixinStandardHelpOptions = true,
        description = {"Rotates the access key of a profile in a credentials file without downtime: create a new key, "
                + "write it into the profile (atomically, mode 0600, other profiles untouched), wait until the old key's "
                + "last use stays unchanged for the quiet period, deactivate it, check the profile's key works "
                + "(GetCallerIdentity as the same user), then delete the old key. When the check fails, the old key is "
                + "reactivated and written back.",
                "Progress is saved in a state file next to the credentials file, so an interrupted run is resumed by "
                        + "the next one (or undone with --rollback)."})
final class RotateProfile extends ExampleCommand {
    @Option(names = "--quiet-period", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long the old key must stay unused before it is deactivated; default ${DEFAULT-VALUE}.")
    Duration quietPeriod;

    @Option(names = "--quiet-timeout", paramLabel = "DURATION", defaultValue = "15m", converter = DurationConverter.class,
            description = "Give up (without deactivating) if the old key is still used after this; default ${DEFAULT-VALUE}.")
    Duration quietTimeout;

    @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "How often to read the old key's last use; default ${DEFAULT-VALUE}.")
    Duration pollInterval;

    @Option(names = "--grace", paramLabel = "DURATION", defaultValue = "0", converter = DurationConverter.class,
            description = "Keep the deactivated old key this long before deleting it; default ${DEFAULT-VALUE}.")
    Duration grace;

    @Option(names = "--defer-delete", description = "Leave the old key Inactive; a later run deletes it once the grace "
            + "period is over.")
    boolean deferDelete;

    @Option(names = "--delete-inactive-first", description = "If the user already has a second, Inactive key, delete "
            + "it to make room (otherwise that is an error).")
    boolean deleteInactiveFirst;

    @Option(names = "--health-check-delay", paramLabel = "DURATION", defaultValue = "1s",
            converter = DurationConverter.class,
            description = "Wait this long after deactivating before checking; default ${DEFAULT-VALUE}.")
    Duration healthCheckDelay;

    @Option(names = "--admin-profile", paramLabel = "NAME", description = "Rotate with this profile's (an "
            + "administrator's) credentials instead of the profile's own key.")
    String adminProfile;

    @Option(names = "--state-file", paramLabel = "FILE", description = "Where progress is saved; default "
            + "<credentials file>.<profile>.rotation.json.")
    Path stateFile;

    @Option(names = "--rollback", description = "Undo the unfinished rotation recorded in the state file.")
    boolean rollback;

    @Override
    protected int execute() {
        Map<String, String> env = environment();
        ProfileCredentialsProvider profile = connection.profileProvider(env);
        Path file = profile.credentialsFile();
        ProfileFileSink sink = ProfileFileSink.create(file, profile.profileName());
        SigningCredentials current = sink.load().orElseThrow(() -> new IllegalArgumentException("profile '"
                + profile.profileName() + "' of " + file + " holds no access key"));
        MutableCredentialsProvider own = MutableCredentialsProvider.create(current);
        Path state = stateFile != null ? stateFile
                : file.resolveSibling(file.getFileName() + "." + profile.profileName() + ".rotation.json");

        try (KeywardenClient ownClient = connection.client(env, own);
             KeywardenClient adminClient = adminProfile == null ? null : connection.client(env,
                     ProfileCredentialsProvider.builder().environment(env).credentialsFile(file)
                             .profileName(adminProfile).build())) {
            KeywardenClient rotating = adminClient != null ? adminClient : ownClient;
            String userName = KeywardenClient.ME;
            if (adminClient != null) {
                userName = adminClient.findKeyOwner(current.accessKeyId()).owner().orElseThrow(() ->
                        new IllegalArgumentException("key " + current.accessKeyId() + " belongs to the root user;"
                                + " rotate it with its own credentials (without --admin-profile)"));
            }
            CallerIdentity who = ownClient.callerIdentity();
            out().println("rotating profile '" + profile.profileName() + "' of " + file + " (key "
                    + current.accessKeyId() + " of " + who.arn() + ")");

            KeyRotator rotator = KeyRotator.builder()
                    .client(rotating)
                    .userName(userName)
                    .credentialsProvider(own)
                    .sink(sink)
                    .quietPeriod(quietPeriod)
                    .quietPeriodTimeout(quietTimeout)
                    .pollInterval(pollInterval)
                    .healthCheckDelay(healthCheckDelay)
                    .gracePeriod(deferDelete ? GracePeriod.deferred(grace) : GracePeriod.of(grace))
                    .deleteInactiveKeyFirst(deleteInactiveFirst)
                    .healthCheck(() -> profileStillWorks(rotating, file, profile.profileName(), who))
                    .stateStore(FileRotationStateStore.create(state))
                    .clock(clock())
                    .listener(new RotationProgress(err(), Duration.ofSeconds(10)))
                    .build();
            RotationReport report = rollback ? rotator.rollback() : rotator.rotate();

            out().println(report.outcome() + ": " + report.summary());
            RotationProgress.printSteps(out(), report);
            return switch (report.outcome()) {
                case COMPLETED, OLD_KEY_INACTIVE -> OK;
                case ROLLED_BACK -> rollback ? OK : FOUND;
                case KEY_STILL_IN_USE -> FOUND;
            };
        }
    }

    /** GetCallerIdentity with the key the profile holds now (read afresh): the same principal as before? */
    private static boolean profileStillWorks(KeywardenClient template, Path file, String profileName,
                                             CallerIdentity expected) {
        SigningCredentials inFile = ProfileFileSink.create(file, profileName).load().orElseThrow(
                () -> new IllegalStateException("the profile holds no key"));
        try (KeywardenClient check = template.withCredentialsProvider(StaticCredentialsProvider.create(inFile))) {
            CallerIdentity now = check.callerIdentity();
            if (!now.arn().equals(expected.arn())) {
                throw new IllegalStateException("the profile's key belongs to " + now.arn() + ", not " + expected.arn());
            }
            return true;
        }
    }
}
