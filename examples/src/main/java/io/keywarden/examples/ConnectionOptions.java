package io.keywarden.examples;

import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.auth.CredentialsProvider;
import io.keywarden.sdk.auth.CredentialsProviderChain;
import io.keywarden.sdk.auth.EnvironmentCredentialsProvider;
import io.keywarden.sdk.auth.ProfileCredentialsProvider;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;

/** Where the server is and whose credentials sign: the options every subcommand shares. */
final class ConnectionOptions {
    static final String ENDPOINT_VARIABLE = "KEYWARDEN_ENDPOINT";
    static final String DEFAULT_ENDPOINT = "http://localhost:8080";

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "The Keywarden server; default $KEYWARDEN_ENDPOINT, else " + DEFAULT_ENDPOINT + ".")
    String endpoint;

    @Option(names = "--region", paramLabel = "NAME", defaultValue = "us-east-1",
            description = "The region to sign with (recorded as the key's last-used region); default ${DEFAULT-VALUE}.")
    String region;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Sign with this profile of the credentials file (default: the environment's "
                    + "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, else $AWS_PROFILE, else 'default').")
    String profile;

    @Option(names = "--credentials-file", paramLabel = "FILE",
            description = "The shared credentials file; default $AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials.")
    Path credentialsFile;

    String endpoint(Map<String, String> environment) {
        if (endpoint != null) {
            return endpoint;
        }
        String configured = environment.get(ENDPOINT_VARIABLE);
        return configured == null || configured.isBlank() ? DEFAULT_ENDPOINT : configured.strip();
    }

    /**
     * The named profile when {@code --profile} or {@code --credentials-file} is given; otherwise the environment's
     * credentials, then the default profile.
     */
    CredentialsProvider credentials(Map<String, String> environment) {
        if (profile != null || credentialsFile != null) {
            return profileProvider(environment);
        }
        return CredentialsProviderChain.of(EnvironmentCredentialsProvider.create(environment),
                ProfileCredentialsProvider.builder().environment(environment).build());
    }

    ProfileCredentialsProvider profileProvider(Map<String, String> environment) {
        ProfileCredentialsProvider.Builder builder = ProfileCredentialsProvider.builder().environment(environment);
        if (profile != null) {
            builder.profileName(profile);
        }
        if (credentialsFile != null) {
            builder.credentialsFile(credentialsFile);
        }
        return builder.build();
    }

    KeywardenClient client(Map<String, String> environment) {
        return client(environment, credentials(environment));
    }

    KeywardenClient client(Map<String, String> environment, CredentialsProvider credentials) {
        return KeywardenClient.builder().endpoint(endpoint(environment)).region(region)
                .credentialsProvider(credentials).build();
    }
}
