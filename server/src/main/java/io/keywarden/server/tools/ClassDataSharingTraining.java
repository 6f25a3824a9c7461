package io.keywarden.server.tools;

import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.operation.Operation;
import io.keywarden.core.operation.Service;
import io.keywarden.core.sigv4.Header;
import io.keywarden.core.sigv4.SigV4Signer;
import io.keywarden.core.sigv4.SignOptions;
import io.keywarden.core.sigv4.SignableRequest;
import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.core.sigv4.SigningResult;
import io.keywarden.server.config.RootCredentialsBootstrap;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run of the build's class-data-sharing archive ({@code server/target/keywarden-server.jsa}): started by
 * the build as {@code java -XX:ArchiveClassesAtExit=... -cp keywarden-server.jar} this class, it starts the server on
 * a throw-away data folder and a random loopback port, sends it the requests a server answers in its first seconds
 * (unsigned and signed, both faces, a write, an error), and stops it. The JVM then writes every class it loaded into
 * the archive, so that {@code java -XX:SharedArchiveFile=server/target/keywarden-server.jsa -jar ...} maps them
 * instead of loading, verifying and linking them one by one: start-up to the first answered request falls from about
 * 5.5 s to about 2.7 s on a 2-core machine (docs/performance.md).
 *
 * <p>Nothing of the training outlives it: the data folder, with its master key and root credentials, is deleted.
 * A failed request fails the run (and so the build), since it means the server itself does not work.
 */
public final class ClassDataSharingTraining {
    private static final String REGION = "us-east-1";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String host;
    private final SigningCredentials root;

    private ClassDataSharingTraining(String host, SigningCredentials root) {
        this.host = host;
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("keywarden-cds-training");
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "keywarden.data-dir", data.toString(),
                "micronaut.server.host", "127.0.0.1",
                "micronaut.server.port", -1));
        try (ApplicationContext context = server.getApplicationContext()) {
            new ClassDataSharingTraining("127.0.0.1:" + server.getPort(), rootCredentials(data)).run();
            server.stop();
        } finally {
            deleteRecursively(data);
        }
        System.out.println("class-data-sharing training run done");
    }

    private static SigningCredentials rootCredentials(Path data) throws IOException {
        // the bootstrap's CSV: a header line, then "<access key ID>,<secret>"
        String[] fields = Files.readAllLines(data.resolve(RootCredentialsBootstrap.CREDENTIALS_FILE)).get(1).split(",");
        return SigningCredentials.of(fields[0].trim(), fields[1].trim());
    }

    private void run() throws IOException, InterruptedException {
        expect(200, send("GET", "/ping", null, null, false, "iam"));
        expect(200, send("GET", "/health", null, null, false, "iam"));
        expect(403, send("GET", "/v1/users", null, null, false, "iam"));
        for (int round = 0; round < 3; round++) {
            String user = "cds-training-" + round;
            expect(200, send("GET", "/v1/caller-identity", null, null, true, "iam"));
            expect(201, send("POST", "/v1/users", "application/json", "{\"userName\":\"" + user + "\"}", true, "iam"));
            String created = send("POST", "/v1/users/" + user + "/access-keys", null, null, true, "iam").body();
            String keyId = created.replaceAll("(?s).*\"accessKeyId\"\\s*:\\s*\"([A-Z0-9]+)\".*", "$1");
            expect(200, send("GET", "/v1/users/" + user + "/access-keys", null, null, true, "iam"));
            expect(200, send("GET", "/v1/access-keys/" + keyId + "/owner", null, null, true, "iam"));
            expect(200, send("PATCH", "/v1/users/" + user + "/access-keys/" + keyId, "application/json",
                    "{\"status\":\"Inactive\"}", true, "iam"));
            expect(200, send("POST", "/", "application/x-www-form-urlencoded; charset=utf-8",
                    "Action=GetCallerIdentity&Version=2011-06-15", true, "sts"));
            expect(200, send("POST", "/", "application/x-www-form-urlencoded; charset=utf-8",
                    "Action=ListAccessKeys&Version=2010-05-08&UserName=" + user, true, "iam"));
            expect(404, send("POST", "/", "application/x-www-form-urlencoded; charset=utf-8",
                    "Action=GetUser&Version=2010-05-08&UserName=nobody", true, "iam"));
            expect(204, send("DELETE", "/v1/users/" + user + "/access-keys/" + keyId, null, null, true, "iam"));
            expect(204, send("DELETE", "/v1/users/" + user, null, null, true, "iam"));
        }
        // temporary credentials: GetSessionToken, then a read signed with the ASIA key and its session token
        String session = send("POST", "/v1/sts/session-token", "application/json", "{}", true, "sts").body();
        SigningCredentials temporary = SigningCredentials.of(
                session.replaceAll("(?s).*\"accessKeyId\"\\s*:\\s*\"([A-Z0-9]+)\".*", "$1"),
                session.replaceAll("(?s).*\"secretAccessKey\"\\s*:\\s*\"([^\"]+)\".*", "$1"),
                session.replaceAll("(?s).*\"sessionToken\"\\s*:\\s*\"([^\"]+)\".*", "$1"));
        expect(200, send(temporary, "GET", "/v1/caller-identity", null, null, true, "sts"));
        // every operation of the Query face once, without parameters: each decodes its typed request (most then
        // refuse it as incomplete), so the catalogue's request and result types are in the archive
        for (Operation<?, ?> op : Catalogue.all()) {
            if (op.queryFace()) {
                int status = send("POST", "/", "application/x-www-form-urlencoded; charset=utf-8", "Action="
                        + op.name() + "&Version=" + op.service().queryVersion(), true,
                        op.service() == Service.STS ? "sts" : "iam").statusCode();
                if (status >= 500) {
                    throw new IllegalStateException("training request " + op.name() + " answered " + status);
                }
            }
        }
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body, boolean signed,
                                      String service) throws IOException, InterruptedException {
        return send(root, method, path, contentType, body, signed, service);
    }

    private HttpResponse<String> send(SigningCredentials credentials, String method, String path, String contentType,
                                      String body, boolean signed, String service)
            throws IOException, InterruptedException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        List<Header> headers = new ArrayList<>();
        headers.add(Header.of("Host", host));
        if (contentType != null) {
            headers.add(Header.of("Content-Type", contentType));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, bytes.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (signed) {
            SigningResult result = SigV4Signer.create().sign(SignableRequest.of(method, path, "", headers, bytes),
                    credentials, REGION, service, Instant.now(), SignOptions.defaults());
            for (Header h : result.headersToAdd()) {
                request.header(h.name(), h.value());
            }
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath()
                    + " answered " + response.statusCode() + " (expected " + status + ")");
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
