package io.keywarden.server;

import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient;
import io.keywarden.server.support.SignedClient.Response;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthenticationTest extends ServerTestSupport {

    @Test
    void rootKeyFromConfigurationAuthenticates() {
        Response r = root().get("/v1/caller-identity");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("arn").asText()).matches("arn:aws:iam::\\d{12}:root");
        assertThat(r.json().path("userId").asText()).isEqualTo(r.json().path("account").asText());
    }

    @Test
    void wrongSecretIsSignatureDoesNotMatch() {
        Response r = as(ROOT_ACCESS_KEY_ID, ROOT_SECRET.replace('w', 'x')).get("/v1/caller-identity");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void unknownKeyIsInvalidClientTokenId() {
        Response r = as("AKIAQYLPMN5HHHFPZZZZ", ROOT_SECRET).get("/v1/caller-identity");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("InvalidClientTokenId");
        assertThat(r.json().path("message").asText())
                .isEqualTo("The security token included in the request is invalid.");
    }

    @Test
    void requestSignedSixteenMinutesAgoIsRefused() {
        Response r = root().at(Instant.now().minus(Duration.ofMinutes(16))).get("/v1/caller-identity");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(r.json().path("message").asText()).startsWith("Signature expired: ");
    }

    @Test
    void requestSignedFourteenMinutesAgoIsAccepted() {
        Response r = root().at(Instant.now().minus(Duration.ofMinutes(14))).get("/v1/caller-identity");
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void unsignedRequestIsMissingAuthenticationToken() {
        Response r = anonymous().get("/v1/users");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("MissingAuthenticationToken");
        assertThat(anonymous().post("/v1/users", "{\"userName\":\"x\"}").code())
                .isEqualTo("MissingAuthenticationToken");
    }

    @Test
    void tamperedBodyIsRefused() {
        byte[] signed = "{\"userName\":\"honest\"}".getBytes(StandardCharsets.UTF_8);
        byte[] sent = "{\"userName\":\"forged\"}".getBytes(StandardCharsets.UTF_8);
        Response r = root().sendTampered("POST", "/v1/users", "application/json", signed, sent);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(root().get("/v1/users/forged").status()).isEqualTo(404);
    }

    @Test
    void streamedChunkedBodyIsVerifiedAndStillReachesTheController() {
        byte[] body = ("{\"userName\":\"chunky\",\"path\":\"/" + "p".repeat(400) + "/\"}")
                .getBytes(StandardCharsets.UTF_8);
        Response r = root().sendChunked("POST", "/v1/users", "application/json", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().path("userName").asText()).isEqualTo("chunky");
        byte[] forged = "{\"userName\":\"chunkier\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(root().sendTampered("POST", "/v1/users", "application/json", body, forged).code())
                .isEqualTo("SignatureDoesNotMatch");
        // a route that binds no body (GenerateCredentialReport): the filter reads the stream itself
        Response report = root().sendChunked("POST", "/v1/credential-report", "application/json", body);
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        Response forgedKey = root().sendTampered("POST", "/v1/credential-report", "application/json", body,
                forged);
        assertThat(forgedKey.code()).isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void presignedUrlIsAccepted() {
        Response r = SignedClient.getUri(root().presignedGet("/v1/caller-identity", Duration.ofMinutes(5)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("arn").asText()).endsWith(":root");
    }

    @Test
    void absurdScopeRegionIsRefused() {
        Response r = root().withScope("r".repeat(80), "iam").get("/v1/caller-identity");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("IncompleteSignature");
    }

    @Test
    void healthPingAndOpenApiNeedNoSignature() {
        Response health = anonymous().get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        Response ping = anonymous().get("/ping");
        assertThat(ping.status()).isEqualTo(200);
        assertThat(ping.body()).isEqualTo("pong");
        Response openapi = anonymous().get("/openapi.yml");
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body()).startsWith("openapi: 3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health/../v1/users", "/health/..%2Fv1%2Fusers", "/health/%2e%2e/v1/users",
            "/health//v1/users", "/ping/../v1/users", "/health/./../v1/users"})
    void pathTricksDoNotSkipAuthentication(String rawPath) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).as(answer).doesNotStartWith("HTTP/1.1 200").doesNotContain("\"users\"");
        }
    }

    @Test
    void healthSubPathsNeedNoSignature() {
        assertThat(anonymous().get("/health/liveness").code()).isNotEqualTo("MissingAuthenticationToken");
    }

    @Test
    void publicPathsAreOnlyPublicForGet() {
        Response r = anonymous().post("/ping", null);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("MissingAuthenticationToken");
    }

    @Test
    void everyResponseCarriesRequestIdAndDate() {
        for (Response r : new Response[] {
                root().get("/v1/caller-identity"), anonymous().get("/v1/caller-identity"),
                anonymous().get("/health"), anonymous().get("/ping"), root().get("/v1/nowhere")}) {
            assertThat(r.header("x-amzn-RequestId")).as(r.toString())
                    .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(r.header("Date")).as(r.toString()).isNotBlank();
        }
        Response error = anonymous().get("/v1/caller-identity");
        assertThat(error.json().path("requestId").asText()).isEqualTo(error.header("x-amzn-RequestId"));
    }

    @Test
    void aLiteralPlusInTheQueryIsRefusedRatherThanReadAsASpaceUnderAValidSignature() {
        URI signed = root().presignedGet("/v1/users?pathPrefix=/a%2Bb/", Duration.ofMinutes(5));
        assertThat(SignedClient.getUri(signed).status()).isEqualTo(200);
        // the same signature stays valid with %2B written as '+' (both canonicalise to %2B), but a form decoder reads
        // a space there: such a query is refused, whoever signed it
        URI tampered = URI.create(signed.toString().replace("pathPrefix=/a%2Bb/", "pathPrefix=/a+b/"));
        assertThat(tampered).isNotEqualTo(signed);
        Response refused = SignedClient.getUri(tampered);
        assertThat(refused.code()).isEqualTo("MalformedQueryString");
        Response query = SignedClient.getUri(URI.create(root().presignedGet(
                "/?Action=ListUsers&Version=2010-05-08&PathPrefix=/a%2Bb/", Duration.ofMinutes(5)).toString()
                .replace("PathPrefix=/a%2Bb/", "PathPrefix=/a+b/")));
        assertThat(query.body()).contains("<Code>MalformedQueryString</Code>");
    }
}
