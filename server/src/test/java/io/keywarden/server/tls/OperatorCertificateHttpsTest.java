package io.keywarden.server.tls;

import io.keywarden.server.support.ServerTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * HTTPS from the operator's PEM files ({@code KEYWARDEN_TLS_CERT}/{@code KEYWARDEN_TLS_KEY}), HTTPS only (no
 * plain-HTTP listener), and a renewed certificate served without a restart.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorCertificateHttpsTest extends ServerTestSupport {
    private Path pems;

    @Override
    protected Map<String, String> extraProperties() {
        try {
            pems = Files.createTempDirectory("keywarden-pem-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SelfSignedCertificate.loadOrGenerate(pems.resolve("cert.pem"), pems.resolve("key.pem"), List.of(),
                Clock.systemUTC());
        return Map.of("keywarden.tls.enabled", "true",
                "keywarden.tls.cert", pems.resolve("cert.pem").toString(),
                "keywarden.tls.key", pems.resolve("key.pem").toString(),
                "micronaut.certificate.file.keywarden.refresh-interval", "200ms",
                "micronaut.server.ssl.port", "-1");
    }

    @Test
    void servesTheGivenCertificateOnlyOverHttpsAndNothingIsGeneratedIntoTheDataFolder() throws Exception {
        assertThat(TlsClients.ports(server)).containsExactly(server.getPort());
        HttpResponse<String> ok = TlsClients.http(TlsClients.trusting(pems.resolve("cert.pem"))).send(
                HttpRequest.newBuilder(java.net.URI.create("https://localhost:" + server.getPort() + "/ping")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(Files.exists(TlsConfig.generatedCertificate(dataDir))).isFalse();
    }

    @Test
    void aRenewedCertificateIsServedWithoutARestart() throws Exception {
        X509Certificate before = TlsClients.presented(server.getPort(), TlsClients.trustAll());
        assertThat(before).isEqualTo(SelfSignedCertificate.read(pems.resolve("cert.pem")));

        // the renewal: a new pair written beside, then moved over the old files (as certbot and cert-manager do)
        Path renewed = Files.createTempDirectory(pems, "renewed-");
        SelfSignedCertificate next = SelfSignedCertificate.loadOrGenerate(renewed.resolve("cert.pem"),
                renewed.resolve("key.pem"), List.of("renewed.example"), Clock.systemUTC());
        Files.move(renewed.resolve("key.pem"), pems.resolve("key.pem"), StandardCopyOption.REPLACE_EXISTING);
        Files.move(renewed.resolve("cert.pem"), pems.resolve("cert.pem"), StandardCopyOption.REPLACE_EXISTING);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(TlsClients.presented(server.getPort(), TlsClients.trustAll()))
                        .isEqualTo(next.certificate()));
    }
}
