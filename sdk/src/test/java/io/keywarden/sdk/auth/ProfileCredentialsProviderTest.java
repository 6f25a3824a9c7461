package io.keywarden.sdk.auth;

import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.exception.CredentialsException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileCredentialsProviderTest {
    private static final String DEFAULT_SECRET = "defaultSecretdefaultSecretdefaultSecret0";
    private static final String ADMIN_SECRET = "adminSecret/adminSecret+adminSecret0000";
    private static final String CI_SECRET = "ciSecretciSecretciSecretciSecretciSecret";

    private static final String FILE = """
            # Keywarden credentials
            [default]
            aws_access_key_id = AKIAQ2KWSD3J5DEFAULT
            aws_secret_access_key = %s
            region = us-east-1   ; not a credential

            ; the administrator
            [admin]
            aws_access_key_id=AKIAQ2KWSD3J5ADMIN01   # inline comment
            aws_secret_access_key=%s

            [ci]
            aws_access_key_id = ASIAQ2KWSD3J5CITEMP1
            aws_secret_access_key = %s
            aws_session_token = ci-session-token

            [half]
            aws_access_key_id = AKIAQ2KWSD3J5HALF001
            """.formatted(DEFAULT_SECRET, ADMIN_SECRET, CI_SECRET);

    @TempDir
    Path home;
    private Path file;

    @BeforeEach
    void writeFile() throws IOException {
        file = home.resolve("credentials");
        Files.writeString(file, FILE);
    }

    private ProfileCredentialsProvider.Builder builder() {
        return ProfileCredentialsProvider.builder().environment(Map.of()).credentialsFile(file);
    }

    @Test
    void theDefaultProfileIsReadWhenNoneIsNamed() {
        assertThat(builder().build().resolveCredentials())
                .isEqualTo(SigningCredentials.of("AKIAQ2KWSD3J5DEFAULT", DEFAULT_SECRET));
    }

    @Test
    void aNamedProfileIsReadAmongSeveralWithComments() {
        assertThat(builder().profileName("admin").build().resolveCredentials())
                .isEqualTo(SigningCredentials.of("AKIAQ2KWSD3J5ADMIN01", ADMIN_SECRET));
    }

    @Test
    void aSessionTokenIsRead() {
        assertThat(builder().profileName("ci").build().resolveCredentials().sessionToken()).isEqualTo("ci-session-token");
    }

    @Test
    void awsProfileSelectsTheProfile() {
        ProfileCredentialsProvider provider = builder().environment(Map.of("AWS_PROFILE", "admin")).build();

        assertThat(provider.profileName()).isEqualTo("admin");
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("AKIAQ2KWSD3J5ADMIN01");
    }

    @Test
    void aProfileNamedOnTheBuilderWinsOverAwsProfile() {
        ProfileCredentialsProvider provider = builder().environment(Map.of("AWS_PROFILE", "admin"))
                .profileName("ci").build();

        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("ASIAQ2KWSD3J5CITEMP1");
    }

    @Test
    void awsSharedCredentialsFileNamesTheFile() {
        ProfileCredentialsProvider provider = ProfileCredentialsProvider.builder()
                .environment(Map.of("AWS_SHARED_CREDENTIALS_FILE", file.toString(), "AWS_PROFILE", "admin")).build();

        assertThat(provider.credentialsFile()).isEqualTo(file);
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("AKIAQ2KWSD3J5ADMIN01");
    }

    @Test
    void aTildeInAwsSharedCredentialsFileIsTheHomeDirectory() {
        ProfileCredentialsProvider provider = ProfileCredentialsProvider.builder()
                .environment(Map.of("AWS_SHARED_CREDENTIALS_FILE", "~/keys/credentials")).build();

        assertThat(provider.credentialsFile()).isEqualTo(Path.of(System.getProperty("user.home"), "keys", "credentials"));
    }

    @Test
    void withoutConfigurationTheFileIsInDotAwsUnderHome() {
        assertThat(ProfileCredentialsProvider.builder().environment(Map.of()).build().credentialsFile())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".aws", "credentials"));
    }

    @Test
    void aMissingProfileIsNamedWithTheProfilesThatExist() {
        assertThatThrownBy(() -> builder().profileName("prod").build().resolveCredentials())
                .isInstanceOf(CredentialsException.class)
                .hasMessage("unable to load credentials from profile 'prod': the profile is not in " + file
                        + " (profiles there: [default, admin, ci, half])");
    }

    @Test
    void aProfileWithoutSecretSaysWhatIsMissing() {
        assertThatThrownBy(() -> builder().profileName("half").build().resolveCredentials())
                .isInstanceOf(CredentialsException.class)
                .hasMessage("unable to load credentials from profile 'half': the profile in " + file
                        + " has no aws_secret_access_key");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = home.resolve("nope");
        assertThatThrownBy(() -> builder().credentialsFile(missing).build().resolveCredentials())
                .isInstanceOf(CredentialsException.class)
                .hasMessage("unable to load credentials from profile 'default': the credentials file " + missing
                        + " does not exist");
    }

    @Test
    void noMessageEverShowsASecret() {
        for (String profile : new String[] {"prod", "half"}) {
            assertThatThrownBy(() -> builder().profileName(profile).build().resolveCredentials())
                    .hasMessageNotContaining(DEFAULT_SECRET).hasMessageNotContaining(ADMIN_SECRET)
                    .hasMessageNotContaining(CI_SECRET);
        }
    }

    @Test
    void aChangedFileIsReloadedAtTheNextCheckButNotBefore() throws IOException {
        MutableClock clock = new MutableClock();
        ProfileCredentialsProvider provider = builder().profileName("admin").clock(clock)
                .reloadCheckInterval(Duration.ofMillis(500)).build();
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("AKIAQ2KWSD3J5ADMIN01");

        Files.writeString(file, FILE.replace("AKIAQ2KWSD3J5ADMIN01", "AKIAQ2KWSD3J5ADMIN02"));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
        clock.advance(Duration.ofMillis(499));
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("AKIAQ2KWSD3J5ADMIN01");

        clock.advance(Duration.ofMillis(1));
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("AKIAQ2KWSD3J5ADMIN02");
    }

    @Test
    void aFileReplacedAtomicallyIsReloaded() throws IOException {
        ProfileCredentialsProvider provider = builder().profileName("admin").reloadCheckInterval(Duration.ZERO).build();
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("AKIAQ2KWSD3J5ADMIN01");

        Path temporary = home.resolve("credentials.tmp");
        Files.writeString(temporary, FILE.replace("AKIAQ2KWSD3J5ADMIN01", "AKIAQ2KWSD3J5ADMIN03"));
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("AKIAQ2KWSD3J5ADMIN03");
    }

    @Test
    void anUnchangedFileIsNotReadAgain() throws IOException {
        ProfileCredentialsProvider provider = builder().profileName("admin").reloadCheckInterval(Duration.ZERO).build();
        provider.resolveCredentials();
        FileTime modified = Files.getLastModifiedTime(file);

        // same size, same modification time: the content is not looked at again
        Files.writeString(file, FILE.replace("AKIAQ2KWSD3J5ADMIN01", "AKIAQ2KWSD3J5ADMIN99"));
        Files.setLastModifiedTime(file, modified);

        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("AKIAQ2KWSD3J5ADMIN01");
    }

    @Test
    void aProfileThatAppearsLaterIsFoundAfterReload() throws IOException {
        MutableClock clock = new MutableClock();
        ProfileCredentialsProvider provider = builder().profileName("prod").clock(clock).build();
        assertThatThrownBy(provider::resolveCredentials).isInstanceOf(CredentialsException.class);

        Files.writeString(file, FILE + "\n[prod]\naws_access_key_id=AKIAQ2KWSD3J5PROD001\naws_secret_access_key=x\n");
        clock.advance(ProfileCredentialsProvider.DEFAULT_RELOAD_CHECK_INTERVAL);

        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("AKIAQ2KWSD3J5PROD001");
    }

    @Test
    void aDeletedFileStopsTheCredentials() throws IOException {
        ProfileCredentialsProvider provider = builder().reloadCheckInterval(Duration.ZERO).build();
        provider.resolveCredentials();

        Files.delete(file);

        assertThatThrownBy(provider::resolveCredentials).hasMessageContaining("does not exist");
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
