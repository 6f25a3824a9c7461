package io.keywarden.examples;

import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.auth.StaticCredentialsProvider;
import io.keywarden.sdk.model.AccessKeyLastUsed;
import io.keywarden.sdk.model.AccessKeyMetadata;
import io.keywarden.sdk.model.CallerIdentity;
import io.keywarden.sdk.model.CreatedAccessKey;
import io.keywarden.sdk.model.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;

/**
 * With administrator credentials: create a user, give it a key, sign a request with that key, list the user's keys
 * and show the key's last use; each step printed as it happens.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = {"Creates a user and an access key, signs a request with the key, lists the user's keys and "
                + "shows the key's last use. Needs administrator credentials.",
                "The new secret is printed once (the only time the server ever returns it) unless --hide-secret."})
final class Quickstart extends ExampleCommand {
    @Option(names = "--user", paramLabel = "NAME",
            description = "The user to create; default quickstart-<date and time>.")
    String userName;

    @Option(names = "--hide-secret", description = "Do not print the new secret access key.")
    boolean hideSecret;

    @Option(names = "--cleanup", description = "Delete the key and the user at the end.")
    boolean cleanup;

    @Option(names = "--last-used-wait", paramLabel = "DURATION", defaultValue = "15s",
            converter = DurationConverter.class,
            description = "How long to wait for the server to record the key's use; default ${DEFAULT-VALUE}.")
    Duration lastUsedWait;

    @Override
    protected int execute() throws InterruptedException {
        String name = userName != null ? userName : "quickstart-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC).format(clock().instant());
        try (KeywardenClient admin = connection.client(environment())) {
            out().println("Keywarden quickstart against " + admin.endpoint());

            User user = admin.createUser(name);
            out().println("1. created user " + user.userName() + " (" + user.userId() + ", " + user.arn() + ")");

            CreatedAccessKey key = admin.createAccessKey(name);
            out().println("2. created access key " + key.accessKeyId() + " for " + name);
            if (hideSecret) {
                out().println("   secret access key: (hidden; --hide-secret)");
            } else {
                out().println("   secret access key: " + key.secretAccessKey());
                out().println("   ! this is the only time the server returns this secret: store it now, e.g. in"
                        + " ~/.aws/credentials, and never commit it");
            }

            CallerIdentity identity;
            try (KeywardenClient asUser = admin.withCredentialsProvider(
                    StaticCredentialsProvider.create(key.credentials()))) {
                identity = asUser.callerIdentity();
            }
            out().println("3. signed GetCallerIdentity with the new key: " + identity.arn() + " (account "
                    + identity.account() + ")");

            out().println("4. access keys of " + name + ":");
            for (AccessKeyMetadata k : admin.listAllAccessKeys(name)) {
                out().println("   " + k.accessKeyId() + "  " + k.status().wireName() + "  created " + k.createDate());
            }

            AccessKeyLastUsed lastUsed = waitForLastUse(admin, key.accessKeyId());
            if (lastUsed.wasUsed()) {
                out().println("5. last used " + lastUsed.date() + " for service " + lastUsed.serviceName()
                        + " in region " + lastUsed.region());
            } else {
                out().println("5. no use recorded yet after " + DurationConverter.format(lastUsedWait)
                        + " (the server records uses in batches)");
            }

            if (cleanup) {
                admin.deleteAccessKey(name, key.accessKeyId());
                admin.deleteUser(name);
                out().println("6. deleted the key and the user");
            }
            return lastUsed.wasUsed() ? OK : FOUND;
        }
    }

    private AccessKeyLastUsed waitForLastUse(KeywardenClient admin, String keyId) throws InterruptedException {
        Instant deadline = Instant.now().plus(lastUsedWait);
        AccessKeyLastUsed lastUsed = admin.getAccessKeyLastUsed(keyId);
        boolean announced = false;
        while (!lastUsed.wasUsed() && Instant.now().isBefore(deadline)) {
            if (!announced) {
                progress("waiting for the server to record the key's use (it flushes uses every second or so)...");
                announced = true;
            }
            Thread.sleep(250);
            lastUsed = admin.getAccessKeyLastUsed(keyId);
        }
        return lastUsed;
    }
}
