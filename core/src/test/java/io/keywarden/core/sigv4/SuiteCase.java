package io.keywarden.core.sigv4;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** One case of the aws-c-auth SigV4 test suite under {@code src/test/resources/sigv4-test-suite/v4/}. */
record SuiteCase(String name, Path directory, SigningCredentials credentials, String region, String service,
                 Instant timestamp, Duration expires, SignOptions options) {

    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final String ACCESS_KEY_ID = "AKIDEXAMPLE";
    static final Instant SUITE_TIME = Instant.parse("2015-08-30T12:36:00Z");

    private static final ObjectMapper JSON = new ObjectMapper();

    enum Form {
        HEADER("header"), QUERY("query");

        final String prefix;

        Form(String prefix) {
            this.prefix = prefix;
        }
    }

    static Path root() {
        try {
            return Path.of(SuiteCase.class.getResource("/sigv4-test-suite/v4").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<SuiteCase> all() {
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.filter(Files::isDirectory).sorted().map(SuiteCase::load).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SuiteCase named(String name) {
        return load(root().resolve(name));
    }

    static SuiteCase load(Path directory) {
        try {
            JsonNode context = JSON.readTree(directory.resolve("context.json").toFile());
            JsonNode creds = context.get("credentials");
            SigningCredentials credentials = SigningCredentials.of(creds.get("access_key_id").asText(),
                    creds.get("secret_access_key").asText(),
                    creds.hasNonNull("token") ? creds.get("token").asText() : null);
            SignOptions options = new SignOptions(context.get("normalize").asBoolean(),
                    context.get("sign_body").asBoolean(), context.path("omit_session_token").asBoolean(false));
            return new SuiteCase(directory.getFileName().toString(), directory, credentials,
                    context.get("region").asText(), context.get("service").asText(),
                    Instant.parse(context.get("timestamp").asText()),
                    Duration.ofSeconds(context.get("expiration_in_seconds").asLong()), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SignableRequest request() {
        return HttpText.parse(bytes("request.txt"));
    }

    SignableRequest signedRequest(Form form) {
        return HttpText.parse(bytes(form.prefix + "-signed-request.txt"));
    }

    String text(Form form, String suffix) {
        return new String(bytes(form.prefix + "-" + suffix), StandardCharsets.UTF_8);
    }

    private byte[] bytes(String file) {
        try {
            return Files.readAllBytes(directory.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean unnormalized() {
        return !options.normalizePath();
    }

    @Override
    public String toString() {
        return name;
    }
}
