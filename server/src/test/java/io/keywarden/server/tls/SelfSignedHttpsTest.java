package io.keywarden.server.tls;

import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.auth.StaticCredentialsProvider;
import io.keywarden.sdk.exception.AccessDeniedException;
import io.keywarden.sdk.model.CreatedAccessKey;
import io.keywarden.server.support.ServerTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * HTTPS with the self-signed certificate generated at first start, plain HTTP served beside it: the files, the
 * fingerprint, clients that trust the certificate (Keywarden's SDK, the AWS SDK for Java v2, the JDK client), HSTS
 * only over HTTPS, and {@code aws:SecureTransport} true only over HTTPS.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelfSignedHttpsTest extends ServerTestSupport {
    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("keywarden.tls.enabled", "true", "keywarden.tls.plain-http", "allow",
                "keywarden.tls.hostnames", "keywarden.internal,10.1.2.3",
                "micronaut.server.ssl.port", "-1");
    }

    private Path cert() {
        return TlsConfig.generatedCertificate(dataDir);
    }

    /** With both listeners, the embedded server's port is the HTTPS one. */
    private int httpsPort() {
        return server.getPort();
    }

    private int httpPort() {
        List<Integer> ports = new ArrayList<>(TlsClients.ports(server));
        ports.remove(Integer.valueOf(httpsPort()));
        assertThat(ports).hasSize(1);
        return ports.get(0);
    }

    @Override
    protected URI baseUri() {
        return URI.create("http://127.0.0.1:" + httpPort() + "/");
    }

    private URI https() {
        return URI.create("https://localhost:" + httpsPort() + "/");
    }

    @Test
    void generatesTheCertificateOnceIntoTheDataFolderWithAPrivateKeyOnlyItsOwnerReads() throws Exception {
        Path key = TlsConfig.generatedKey(dataDir);
        assertThat(Files.readString(cert())).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(Files.readString(key)).contains("PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        X509Certificate onDisk = SelfSignedCertificate.read(cert());
        X509Certificate served = TlsClients.presented(httpsPort(), TlsClients.trustAll());
        assertThat(served).isEqualTo(onDisk);
        assertThat(onDisk.getSubjectAlternativeNames()).extracting(n -> n.get(1).toString())
                .contains("localhost", "127.0.0.1", "keywarden.internal", "10.1.2.3");
        // reading it again (a restart) reuses it
        SelfSignedCertificate again = SelfSignedCertificate.loadOrGenerate(cert(), key, List.of(), java.time.Clock.systemUTC());
        assertThat(again.created()).isFalse();
        assertThat(again.fingerprint()).isEqualTo(SelfSignedCertificate.fingerprint(onDisk)).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }

    @Test
    void aClientThatTrustsTheCertificateConnectsAndOneThatDoesNotIsRefused() throws Exception {
        HttpResponse<String> ok = TlsClients.http(TlsClients.trusting(cert()))
                .send(HttpRequest.newBuilder(https().resolve("/ping")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.sslSession()).get().extracting(s -> s.getProtocol()).isIn("TLSv1.3", "TLSv1.2");

        assertThatThrownBy(() -> TlsClients.http(SSLContext.getDefault())
                .send(HttpRequest.newBuilder(https().resolve("/ping")).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void strictTransportSecurityOnlyOverHttps() throws Exception {
        HttpResponse<String> secure = TlsClients.http(TlsClients.trusting(cert()))
                .send(HttpRequest.newBuilder(https().resolve("/ping")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(secure.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        HttpResponse<String> plain = TlsClients.http(SSLContext.getDefault())
                .send(HttpRequest.newBuilder(baseUri().resolve("/ping")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void keywardensSdkAndTheAwsSdkWorkOverHttpsWithTheCertificateTrusted() throws Exception {
        try (KeywardenClient client = KeywardenClient.builder().endpoint(https())
                .credentialsProvider(StaticCredentialsProvider.create(ROOT_ACCESS_KEY_ID, ROOT_SECRET))
                .sslContext(TlsClients.trusting(cert())).build()) {
            assertThat(client.callerIdentity().arn()).endsWith(":root");
        }
        try (IamClient iam = IamClient.builder().endpointOverride(https()).region(Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ROOT_ACCESS_KEY_ID, ROOT_SECRET)))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .tlsTrustManagersProvider(() -> {
                            try {
                                return TlsClients.trustManagers(cert()).getTrustManagers();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }))
                .build()) {
            assertThat(iam.createUser(r -> r.userName("over-tls")).user().userName()).isEqualTo("over-tls");
        }
    }

    @Test
    void secureTransportIsTrueOnlyOverHttps() throws Exception {
        String policy = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListAccessKeys",
                 "Resource":"arn:aws:iam::*:user/${aws:username}","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}""";
        CreatedAccessKey key;
        try (KeywardenClient root = KeywardenClient.builder().endpoint(baseUri())
                .credentialsProvider(StaticCredentialsProvider.create(ROOT_ACCESS_KEY_ID, ROOT_SECRET)).build()) {
            root.createUser("tls-only");
            root.putUserPolicy("tls-only", "OnlyOverTls", policy);
            key = root.createAccessKey("tls-only");
        }
        StaticCredentialsProvider asUser = StaticCredentialsProvider.create(key.accessKeyId(), key.secretAccessKey());
        try (KeywardenClient plain = KeywardenClient.builder().endpoint(baseUri()).credentialsProvider(asUser).build();
             KeywardenClient secure = KeywardenClient.builder().endpoint(https()).credentialsProvider(asUser)
                     .sslContext(TlsClients.trusting(cert())).build()) {
            assertThatThrownBy(plain::listAccessKeys).isInstanceOf(AccessDeniedException.class);
            assertThat(secure.listAccessKeys().items()).hasSize(1);
        }
    }
}
