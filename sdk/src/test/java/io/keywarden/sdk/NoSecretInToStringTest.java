package io.keywarden.sdk;

import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.auth.CredentialsProviderChain;
import io.keywarden.sdk.auth.EnvironmentCredentialsProvider;
import io.keywarden.sdk.auth.MutableCredentialsProvider;
import io.keywarden.sdk.auth.ProfileCredentialsProvider;
import io.keywarden.sdk.auth.StaticCredentialsProvider;
import io.keywarden.sdk.model.CreatedAccessKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NoSecretInToStringTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYzEXAMPLEKEY";
    private static final String TOKEN = "FwoGZXIvYXdzEBYaDSessionTokenValue";

    @TempDir
    Path dir;

    @Test
    void noSdkObjectHoldingASecretPrintsIt() throws IOException {
        SigningCredentials credentials = SigningCredentials.of("ASIAQ2KWSD3J5EXAMPLE", SECRET, TOKEN);
        Path file = dir.resolve("credentials");
        Files.writeString(file, "[default]\naws_access_key_id=ASIAQ2KWSD3J5EXAMPLE\naws_secret_access_key=" + SECRET
                + "\naws_session_token=" + TOKEN + "\n");
        ProfileCredentialsProvider profile = ProfileCredentialsProvider.builder().environment(Map.of())
                .credentialsFile(file).build();
        profile.resolveCredentials();
        EnvironmentCredentialsProvider environment = EnvironmentCredentialsProvider.create(Map.of(
                "AWS_ACCESS_KEY_ID", "ASIAQ2KWSD3J5EXAMPLE", "AWS_SECRET_ACCESS_KEY", SECRET, "AWS_SESSION_TOKEN", TOKEN));
        CreatedAccessKey created = new CreatedAccessKey("AKIAQ2KWSD3J5EXAMPLE", SECRET, KeyStatus.ACTIVE,
                Instant.parse("2026-12-01T00:00:00Z"), "alice");

        List<Object> objects = new ArrayList<>(List.of(credentials, created, created.credentials(),
                StaticCredentialsProvider.create(credentials), MutableCredentialsProvider.create(credentials),
                environment, environment.resolveCredentials(), profile, profile.resolveCredentials(),
                CredentialsProviderChain.of(environment, profile)));
        try (KeywardenClient client = KeywardenClient.builder().endpoint("http://localhost:1")
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).build()) {
            objects.add(client);
        }

        assertThat(objects).allSatisfy(o -> assertThat(o.toString())
                .doesNotContain(SECRET).doesNotContain(TOKEN));
        assertThat(created.toString()).contains("AKIAQ2KWSD3J5EXAMPLE").contains("redacted");
    }

    @Test
    void everyRecordWithASecretComponentOverridesToString() {
        List<String> offenders = SdkClassScan.mainClasses().stream()
                .filter(Class::isRecord)
                .filter(c -> List.of(c.getRecordComponents()).stream().map(RecordComponent::getName)
                        .map(n -> n.toLowerCase(Locale.ROOT))
                        .anyMatch(n -> n.contains("secret") || n.contains("token") || n.contains("password")))
                .filter(c -> {
                    try {
                        c.getDeclaredMethod("toString");
                        return false;
                    } catch (NoSuchMethodException e) {
                        return true;
                    }
                })
                .map(Class::getName)
                .toList();
        assertThat(offenders).isEmpty();
    }
}
