package io.keywarden.examples;

import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.auth.AssumeRoleCredentialsProvider;
import io.keywarden.sdk.model.AssumeRoleRequest;
import io.keywarden.sdk.model.AssumedRole;
import io.keywarden.sdk.model.CallerIdentity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * Assumes a role with the given credentials through {@link AssumeRoleCredentialsProvider} and prints who the caller
 * is before and after: the source's identity, then the role session's.
 */
@Command(name = "assume-role", mixinStandardHelpOptions = true,
        description = {"Assumes a role through AssumeRoleCredentialsProvider and prints the caller identity before "
                + "(the source credentials) and after (the role session).",
                "The source credentials need sts:AssumeRole on the role, and the role's trust policy must allow them."})
final class AssumeRole extends ExampleCommand {
    @Option(names = "--role-arn", paramLabel = "ARN", required = true,
            description = "The role to assume, arn:aws:iam::ACCOUNT:role/NAME.")
    String roleArn;

    @Option(names = "--session-name", paramLabel = "NAME",
            description = "The role session name; default keywarden-examples-<epoch seconds>.")
    String sessionName;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "The session duration (15m up to the role's maximum); default the server's (1h).")
    Duration duration;

    @Option(names = "--external-id", paramLabel = "ID", description = "The external ID the trust policy may require.")
    String externalId;

    @Option(names = "--source-identity", paramLabel = "NAME",
            description = "The source identity to set on the session (e.g. your user name).")
    String sourceIdentity;

    @Override
    protected int execute() {
        String session = sessionName != null ? sessionName
                : "keywarden-examples-" + clock().instant().getEpochSecond();
        AssumeRoleRequest request = AssumeRoleRequest.builder().roleArn(roleArn).roleSessionName(session)
                .duration(duration).externalId(externalId).sourceIdentity(sourceIdentity).build();
        try (KeywardenClient source = connection.client(environment());
             AssumeRoleCredentialsProvider role = AssumeRoleCredentialsProvider.builder().client(source)
                     .request(request).build();
             KeywardenClient asRole = source.withCredentialsProvider(role)) {
            CallerIdentity before = source.callerIdentity();
            out().println("1. source credentials: " + before.arn() + " (" + before.userId() + ")");

            CallerIdentity after = asRole.callerIdentity();
            AssumedRole assumed = role.lastAssumedRole().orElseThrow();
            out().println("2. assumed " + roleArn + " as session " + session + ": access key "
                    + assumed.credentials().accessKeyId() + ", expires " + assumed.credentials().expiration()
                    + assumed.sourceIdentityIfAny().map(s -> ", source identity " + s).orElse(""));
            out().println("3. caller identity through AssumeRoleCredentialsProvider: " + after.arn() + " ("
                    + after.userId() + ")");
            return OK;
        }
    }
}
