package io.keywarden.sdk.auth;

import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.exception.CredentialsException;
import io.keywarden.sdk.testing.MutableClock;
import io.keywarden.sdk.testing.SignatureCheck;
import io.keywarden.sdk.testing.StubServer;
import io.keywarden.sdk.testing.StubServer.Answer;
import io.keywarden.sdk.testing.StubServer.Recorded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Profiles with {@code role_arn} and {@code source_profile}, as the AWS CLI reads them. */
class ProfileRoleCredentialsTest {
    private static final String SOURCE_ID = "AKIAQ2KWSD3J5SOURCE1";
    private static final String SOURCE_SECRET = "sourceSecretOfFortyCharactersXXXXXXXXXX";
    private static final String TEMP_SECRET = "tempSecretKeyOfFortyCharactersXXXXXXXXXX";

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
    private final AtomicInteger issued = new AtomicInteger();
    private final Map<String, SigningCredentials> sessions = new ConcurrentHashMap<>();
    private StubServer stub;
    private Path file;

    @BeforeEach
    void start() {
        stub = StubServer.start().otherwise(this::answer);
        file = dir.resolve("credentials");
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private Answer answer(Recorded request) {
        String keyId = String.format("ASIAQ2KWSD3J5ROL%04d", issued.incrementAndGet());
        sessions.put(keyId, SigningCredentials.of(keyId, TEMP_SECRET, "token-" + keyId));
        Instant expiration = clock.instant().plus(Duration.ofHours(1));
        return Answer.ok("{\"credentials\":{\"accessKeyId\":\"" + keyId + "\",\"secretAccessKey\":\"" + TEMP_SECRET
                + "\",\"sessionToken\":\"token-" + keyId + "\",\"expiration\":\"" + expiration + "\"},"
                + "\"assumedRoleUser\":{\"assumedRoleId\":\"AROAQ2KWSD3J5ABCDEFGH:s\",\"arn\":"
                + "\"arn:aws:sts::123456789012:assumed-role/deployer/s\"},\"packedPolicySize\":0}");
    }

    private void write(String content) throws IOException {
        Files.writeString(file, content);
    }

    private ProfileCredentialsProvider.Builder provider(String profile) {
        return ProfileCredentialsProvider.builder().environment(Map.of()).credentialsFile(file).profileName(profile)
                .reloadCheckInterval(Duration.ZERO).clock(clock);
    }

    private String source() {
        return "[ci]\naws_access_key_id = " + SOURCE_ID + "\naws_secret_access_key = " + SOURCE_SECRET + "\n";
    }

    @Test
    void aRoleProfileAssumesTheRoleWithTheSourceProfilesKeysAndCachesTheSession() throws IOException {
        write(source() + "[deploy]\nrole_arn = arn:aws:iam::123456789012:role/deployer\nsource_profile = ci\n"
                + "role_session_name = alice-laptop\nexternal_id = ext-42\nduration_seconds = 1800\n"
                + "region = eu-west-3\nendpoint_url = " + stub.uri() + "\n");
        try (ProfileCredentialsProvider provider = provider("deploy").build()) {
            SigningCredentials credentials = provider.resolveCredentials();
            assertThat(provider.resolveCredentials()).isEqualTo(credentials);

            assertThat(credentials).isEqualTo(sessions.get("ASIAQ2KWSD3J5ROL0001"));
            Recorded assume = stub.onlyRequest();
            assertThat(assume.rawPath()).isEqualTo("/v1/sts/assume-role");
            SignatureCheck.Verified verified = SignatureCheck.verify(assume, SigningCredentials.of(SOURCE_ID, SOURCE_SECRET));
            assertThat(verified.region()).isEqualTo("eu-west-3");
            assertThat(assume.bodyText()).isEqualTo("{\"roleArn\":\"arn:aws:iam::123456789012:role/deployer\","
                    + "\"roleSessionName\":\"alice-laptop\",\"durationSeconds\":1800,\"externalId\":\"ext-42\"}");
        }
    }

    @Test
    void withoutASessionNameOneIsMadeUpAndTheEndpointComesFromTheBuilderFirstThenTheEnvironment() throws IOException {
        write(source() + "[deploy]\nrole_arn = arn:aws:iam::123456789012:role/deployer\nsource_profile = ci\n"
                + "endpoint_url = http://127.0.0.1:1\n");
        try (ProfileCredentialsProvider provider = provider("deploy").endpoint(stub.uri()).build()) {
            provider.resolveCredentials();
        }
        assertThat(stub.onlyRequest().bodyText()).matches(".*\"roleSessionName\":\"keywarden-sdk-\\d+\".*");

        try (ProfileCredentialsProvider provider = provider("deploy")
                .environment(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:1",
                        "AWS_ENDPOINT_URL_STS", stub.uri().toString())).build()) {
            assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("ASIAQ2KWSD3J5ROL0002");
        }
        try (ProfileCredentialsProvider provider = provider("deploy")
                .environment(Map.of("AWS_ENDPOINT_URL", stub.uri().toString())).build()) {
            assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("ASIAQ2KWSD3J5ROL0003");
        }
    }

    @Test
    void roleProfilesChainEachSessionSigningTheNextAssumeRole() throws IOException {
        write(source() + "[first]\nrole_arn = arn:aws:iam::123456789012:role/first\nsource_profile = ci\n"
                + "[second]\nrole_arn = arn:aws:iam::123456789012:role/second\nsource_profile = first\n");
        try (ProfileCredentialsProvider provider = provider("second").endpoint(stub.uri()).build()) {
            assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("ASIAQ2KWSD3J5ROL0002");
        }
        List<Recorded> requests = stub.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).bodyText()).contains("role/first");
        SignatureCheck.verify(requests.get(0), SigningCredentials.of(SOURCE_ID, SOURCE_SECRET));
        assertThat(requests.get(1).bodyText()).contains("role/second");
        assertThat(requests.get(1).header("X-Amz-Security-Token")).contains("token-ASIAQ2KWSD3J5ROL0001");
        SignatureCheck.verify(requests.get(1), sessions.get("ASIAQ2KWSD3J5ROL0001"));
    }

    @Test
    void aProfileThatIsItsOwnSourceUsesItsOwnKeys() throws IOException {
        write("[self]\naws_access_key_id = " + SOURCE_ID + "\naws_secret_access_key = " + SOURCE_SECRET
                + "\nrole_arn = arn:aws:iam::123456789012:role/deployer\nsource_profile = self\n");
        try (ProfileCredentialsProvider provider = provider("self").endpoint(stub.uri()).build()) {
            assertThat(provider.resolveCredentials().accessKeyId()).startsWith("ASIA");
        }
        SignatureCheck.verify(stub.onlyRequest(), SigningCredentials.of(SOURCE_ID, SOURCE_SECRET));
    }

    @Test
    void theSessionIsKeptAcrossReloadsUntilTheRoleSettingsChange() throws IOException {
        String role = "[deploy]\nrole_arn = arn:aws:iam::123456789012:role/deployer\nsource_profile = ci\n";
        write(source() + role);
        try (ProfileCredentialsProvider provider = provider("deploy").endpoint(stub.uri()).build()) {
            String first = provider.resolveCredentials().accessKeyId();
            write(source() + role + "[unrelated]\naws_access_key_id = AKIAQ2KWSD3J5OTHER01\n"
                    + "aws_secret_access_key = x\n");
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(1_000));
            assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo(first);

            write(source() + role.replace("role/deployer", "role/auditor"));
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(2_000));
            assertThat(provider.resolveCredentials().accessKeyId()).isNotEqualTo(first);
            assertThat(stub.requests()).hasSize(2);
            assertThat(stub.requests().get(1).bodyText()).contains("role/auditor");
        }
    }

    @Test
    void unsupportedOrIncompleteRoleProfilesFailWithAClearMessage() throws IOException {
        write(source()
                + "[no-source]\nrole_arn = arn:aws:iam::123456789012:role/r\n"
                + "[missing-source]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = nowhere\n"
                + "[loop-a]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = loop-b\n"
                + "[loop-b]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = loop-a\n"
                + "[mfa]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = ci\nmfa_serial = arn:x\n"
                + "[env]\nrole_arn = arn:aws:iam::123456789012:role/r\ncredential_source = Environment\n"
                + "[bad-duration]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = ci\n"
                + "duration_seconds = an hour\n"
                + "[no-endpoint]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = ci\n");
        Map<String, String> expected = Map.of("no-source", "no source_profile",
                "missing-source", "source_profile 'nowhere' is not in",
                "loop-a", "leads back to it",
                "mfa", "mfa_serial, which this SDK does not support",
                "env", "credential_source, which this SDK does not support",
                "bad-duration", "duration_seconds");
        expected.forEach((profile, message) -> {
            try (ProfileCredentialsProvider provider = provider(profile).endpoint(stub.uri()).build()) {
                assertThatThrownBy(provider::resolveCredentials).as(profile)
                        .isInstanceOf(CredentialsException.class).hasMessageContaining(message);
            }
        });
        try (ProfileCredentialsProvider provider = provider("no-endpoint").build()) {
            assertThatThrownBy(provider::resolveCredentials).isInstanceOf(CredentialsException.class)
                    .hasMessageContaining("endpoint_url").hasMessageContaining("AWS_ENDPOINT_URL");
        }
        assertThat(stub.requests()).isEmpty();
    }
}
