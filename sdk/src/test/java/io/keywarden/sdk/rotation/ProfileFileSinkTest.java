package io.keywarden.sdk.rotation;

import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.auth.ProfileCredentialsProvider;
import io.keywarden.sdk.exception.CredentialsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileFileSinkTest {
    private static final SigningCredentials NEW = SigningCredentials.of("AKIANEWNEWNEWNEWNEW2",
            "newSecret/newSecret+newSecret/newSecret0");

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return file;
    }

    @Test
    void onlyTheProfilesValuesChangeAndEverythingElseIsKeptByteForByte() throws IOException {
        String before = """
                # my credentials   (edited by hand)
                ; another comment style

                [default]
                aws_access_key_id = AKIADEFAULTDEFAULT22
                aws_secret_access_key=defaultSecretdefaultSecretdefaultSecret0
                region = eu-west-1

                [app]   ; the application's key
                # rotated by keywarden
                aws_access_key_id   =   AKIAOLDOLDOLDOLDOLD2   # rotated monthly
                aws_secret_access_key = oldSecretoldSecretoldSecretoldSecret0000
                aws_session_token = FwoGZXIvYXdzEBYaDHstaletoken
                s3 =
                    max_concurrent_requests = 20

                [other]
                aws_access_key_id = AKIAOTHEROTHEROTHER2
                aws_secret_access_key = otherSecretotherSecretotherSecretother00
                """;
        Path file = write("credentials", before);

        ProfileFileSink.create(file, "app").store(NEW);

        String expected = before
                .replace("AKIAOLDOLDOLDOLDOLD2   # rotated monthly", NEW.accessKeyId() + "   # rotated monthly")
                .replace("oldSecretoldSecretoldSecretoldSecret0000", NEW.secretAccessKey())
                .replace("aws_session_token = FwoGZXIvYXdzEBYaDHstaletoken\n", "");
        assertThat(Files.readString(file)).isEqualTo(expected);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    void windowsLineEndingsAndAMissingFinalNewlineAreKept() throws IOException {
        String before = "[default]\r\naws_access_key_id=AKIAX\r\naws_secret_access_key=x\r\n\r\n[app]\r\n"
                + "aws_access_key_id=AKIAOLD\r\naws_secret_access_key=old";
        Path file = write("credentials", before);

        ProfileFileSink.create(file, "app").store(NEW);

        assertThat(Files.readString(file)).isEqualTo("[default]\r\naws_access_key_id=AKIAX\r\n"
                + "aws_secret_access_key=x\r\n\r\n[app]\r\naws_access_key_id=" + NEW.accessKeyId()
                + "\r\naws_secret_access_key=" + NEW.secretAccessKey());
    }

    @Test
    void aMissingProfileOrPropertyIsAddedAndAMissingFileCreated() throws IOException {
        Path file = write("credentials", "[default]\naws_access_key_id = AKIAX\naws_secret_access_key = x\n");
        ProfileFileSink.create(file, "app").store(NEW);
        assertThat(Files.readString(file)).isEqualTo("[default]\naws_access_key_id = AKIAX\n"
                + "aws_secret_access_key = x\n\n[app]\naws_access_key_id = " + NEW.accessKeyId()
                + "\naws_secret_access_key = " + NEW.secretAccessKey() + "\n");

        Path partial = write("partial", "[app]\naws_access_key_id=AKIAOLD\n# end of app\n\n[b]\nx=y\n");
        ProfileFileSink.create(partial, "app").store(NEW);
        assertThat(Files.readString(partial)).isEqualTo("[app]\naws_access_key_id=" + NEW.accessKeyId()
                + "\naws_secret_access_key=" + NEW.secretAccessKey() + "\n# end of app\n\n[b]\nx=y\n");

        Path absent = dir.resolve("sub/dir/credentials");
        ProfileFileSink sink = ProfileFileSink.create(absent, "app");
        assertThat(sink.load()).isEmpty();
        sink.store(NEW);
        assertThat(sink.load()).contains(NEW);
        assertThat(Files.getPosixFilePermissions(absent)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aProfileCredentialsProviderSeesTheNewKeyAtItsNextCheck() throws IOException {
        Path file = write("credentials", "[app]\naws_access_key_id = AKIAOLDOLDOLDOLDOLD2\n"
                + "aws_secret_access_key = oldSecretoldSecretoldSecretoldSecret0000\n");
        ProfileCredentialsProvider provider = ProfileCredentialsProvider.builder().environment(Map.of())
                .credentialsFile(file).profileName("app").reloadCheckInterval(Duration.ZERO).build();
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("AKIAOLDOLDOLDOLDOLD2");

        ProfileFileSink.create(file, "app").store(NEW);

        // the rename gives the file a new identity, so even same-size content in the same second is noticed
        assertThat(provider.resolveCredentials()).isEqualTo(NEW);
    }

    @Test
    void aSymbolicLinkIsFollowedAndKept() throws IOException {
        Path target = write("real-credentials", "[app]\naws_access_key_id = AKIAOLD\naws_secret_access_key = old\n");
        Path link = Files.createSymbolicLink(dir.resolve("credentials"), target);

        ProfileFileSink.create(link, "app").store(NEW);

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(ProfileFileSink.create(target, "app").load()).contains(NEW);
    }

    @Test
    void storingIsRepeatableAndLoadReadsTheProfileBack() throws IOException {
        Path file = write("credentials", "[app]\naws_access_key_id = AKIAOLD\naws_secret_access_key = old\n");
        ProfileFileSink sink = ProfileFileSink.create(file, "app");
        sink.store(NEW);
        String once = Files.readString(file);
        sink.store(NEW);
        assertThat(Files.readString(file)).isEqualTo(once);
        assertThat(sink.load()).contains(NEW);
        assertThat(ProfileFileSink.create(file, "nope").load()).isEmpty();
    }

    @Test
    void unwritableNamesAndValuesAreRefusedAndFailuresNeverShowTheSecret() throws IOException {
        assertThatThrownBy(() -> ProfileFileSink.create(dir.resolve("c"), "a]b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProfileFileSink.create(dir.resolve("c"), " padded"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProfileFileSink.create(dir.resolve("c"), "app")
                .store(SigningCredentials.of("AKIA X", "secret")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("secret ");

        Path directory = Files.createDirectory(dir.resolve("a-directory"));
        String secret = NEW.secretAccessKey();
        assertThatThrownBy(() -> ProfileFileSink.create(directory, "app").store(NEW))
                .isInstanceOf(CredentialsException.class).hasMessageContaining("a-directory")
                .hasMessageNotContaining(secret);
        assertThat(ProfileFileSink.create(directory, "app").toString()).contains("app").doesNotContain(secret);
    }

    /**
     * Seeded random credentials files: after storing into one profile, every line outside that profile's sections is
     * unchanged and in place, the profile reads back as the new key, and every other profile parses as before.
     */
    @Test
    void randomFilesKeepEverythingOutsideTheRotatedProfile() throws IOException {
        for (long seed = 1; seed <= 200; seed++) {
            Random random = new Random(seed);
            String newline = random.nextBoolean() ? "\n" : "\r\n";
            List<String> lines = new ArrayList<>();
            int sections = 1 + random.nextInt(4);
            int appSection = random.nextInt(sections); // the profile is there at least once (appending is tested above)
            String[] names = {"default", "app", "ci", "app-2", "prod"};
            for (int s = 0; s < sections; s++) {
                if (random.nextBoolean()) {
                    lines.add(random.nextBoolean() ? "# comment " + s : "; note " + s);
                }
                String name = s == appSection ? "app" : names[random.nextInt(names.length)];
                lines.add("[" + name + "]" + (random.nextBoolean() ? "  # tag" : ""));
                int properties = random.nextInt(5);
                for (int p = 0; p < properties; p++) {
                    String key = List.of("aws_access_key_id", "aws_secret_access_key", "region", "output",
                            "aws_session_token").get(random.nextInt(5));
                    String eq = List.of("=", " = ", "  =\t").get(random.nextInt(3));
                    lines.add(key + eq + "value" + random.nextInt(1000) + (random.nextInt(4) == 0 ? " # c" : ""));
                }
                if (random.nextBoolean()) {
                    lines.add("");
                }
            }
            String before = String.join(newline, lines) + (random.nextBoolean() ? newline : "");
            Path file = write("random-" + seed, before);

            ProfileFileSink sink = ProfileFileSink.create(file, "app");
            sink.store(NEW);
            String after = Files.readString(file);

            assertThat(sink.load()).as("seed %d", seed).contains(NEW);
            assertThat(outsideProfile(after, "app")).as("seed %d", seed).isEqualTo(outsideProfile(before, "app"));
            for (String other : names) {
                if (!other.equals("app")) {
                    assertThat(io.keywarden.sdk.internal.ProfileFile.parse(after).profile(other))
                            .as("seed %d profile %s", seed, other)
                            .isEqualTo(io.keywarden.sdk.internal.ProfileFile.parse(before).profile(other));
                }
            }
        }
    }

    /** The lines (with their endings) that are not in a section named {@code profile}. */
    private static List<String> outsideProfile(String content, String profile) {
        List<String> kept = new ArrayList<>();
        boolean inside = false;
        for (String line : content.split("(?<=\n)")) {
            String stripped = line.strip();
            if (stripped.startsWith("[")) {
                inside = stripped.startsWith("[" + profile + "]");
            }
            if (!inside) {
                kept.add(line);
            }
        }
        return kept;
    }
}
