package io.keywarden.server.tls;

import io.keywarden.server.settings.KeywardenConfig;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.ssl.FileCertificateProvider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Turns {@code keywarden.tls.*} into Micronaut's HTTPS set-up, in one place: which PEM files the server's certificate
 * provider ({@code micronaut.certificate.file.keywarden}, reloaded when the files change) reads — the operator's, or a
 * self-signed pair generated into the data folder on first start — and whether a plain-HTTP listener exists beside the
 * HTTPS one and what it does ({@link TlsConfig.PlainHttp}).
 */
@Context
public class TlsSetup {
    /** The name of the certificate provider the server's TLS uses ({@code micronaut.server.ssl.key-name}). */
    public static final String PROVIDER = "keywarden";
    private static final Logger LOG = LoggerFactory.getLogger(TlsSetup.class);

    private final TlsConfig tls;
    private final KeywardenConfig config;
    private final Clock clock;

    public TlsSetup(TlsConfig tls, KeywardenConfig config, Clock clock) {
        this.tls = tls;
        this.config = config;
        this.clock = clock;
        checkConsistent();
    }

    /** The plain-HTTP listener: none, redirecting, or serving (only while HTTPS is on). */
    @Singleton
    static class ServerListeners implements BeanCreatedEventListener<HttpServerConfiguration> {
        private final TlsConfig tls;

        ServerListeners(TlsConfig tls) {
            this.tls = tls;
        }

        @Override
        public HttpServerConfiguration onCreated(BeanCreatedEvent<HttpServerConfiguration> event) {
            HttpServerConfiguration server = event.getBean();
            if (tls.isEnabled()) {
                server.setDualProtocol(tls.getPlainHttp() != TlsConfig.PlainHttp.OFF);
                // redirect: PlainHttpRedirectFilter (Micronaut's own redirect drops the query and the port)
                server.setHttpToHttpsRedirect(false);
            }
            return server;
        }
    }

    /** Points the certificate provider at the PEM files, generating the self-signed pair first when needed. */
    @Singleton
    static class CertificateFiles implements BeanCreatedEventListener<FileCertificateProvider.Config> {
        private final TlsSetup setup;

        CertificateFiles(TlsSetup setup) {
            this.setup = setup;
        }

        @Override
        public FileCertificateProvider.Config onCreated(BeanCreatedEvent<FileCertificateProvider.Config> event) {
            FileCertificateProvider.Config file = event.getBean();
            if (PROVIDER.equals(file.getName())) {
                Path[] pair = setup.certificateAndKey();
                file.setCertificatePath(pair[0]);
                file.setPath(pair[1]);
            }
            return file;
        }
    }

    /** The certificate chain and the private key to serve: the operator's, or the generated pair. */
    Path[] certificateAndKey() {
        if (tls.getCert() != null || tls.getKey() != null) {
            if (tls.getCert() == null || tls.getKey() == null) {
                throw new ConfigurationException("KEYWARDEN_TLS_CERT and KEYWARDEN_TLS_KEY go together: give both"
                        + " PEM files, or neither for a generated self-signed certificate");
            }
            Path cert = Path.of(tls.getCert()).toAbsolutePath();
            Path key = Path.of(tls.getKey()).toAbsolutePath();
            for (Path p : new Path[] {cert, key}) {
                if (!Files.isReadable(p)) {
                    throw new ConfigurationException("the TLS file " + p + " cannot be read");
                }
            }
            LOG.info("HTTPS with the certificate {} (reloaded when it changes)", cert);
            return new Path[] {cert, key};
        }
        Path dataDir = config.dataDirPath();
        Path cert = TlsConfig.generatedCertificate(dataDir);
        Path key = TlsConfig.generatedKey(dataDir);
        SelfSignedCertificate generated = SelfSignedCertificate.loadOrGenerate(cert, key, tls.getHostnames(), clock);
        LOG.info("HTTPS with the self-signed certificate {} ({}), SHA-256 fingerprint {}: clients must be told to"
                + " trust it (docs/tls.md)", cert, generated.created() ? "generated now" : "generated earlier",
                generated.fingerprint());
        return new Path[] {cert, key};
    }

    /**
     * Refuses a configuration that would silently serve plain HTTP although the operator gave a certificate.
     */
    void checkConsistent() {
        if (tls.isEnabled() && (tls.getCert() == null) != (tls.getKey() == null)) {
            throw new ConfigurationException("KEYWARDEN_TLS_CERT and KEYWARDEN_TLS_KEY go together: give both"
                    + " PEM files, or neither for a generated self-signed certificate");
        }
        if (!tls.isEnabled() && (tls.getCert() != null || tls.getKey() != null)) {
            throw new ConfigurationException("KEYWARDEN_TLS_CERT/KEYWARDEN_TLS_KEY are set but HTTPS is off: set"
                    + " KEYWARDEN_TLS=true to serve them (or unset them)");
        }
    }
}
