package io.keywarden.server.tls;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * HTTPS settings under {@code keywarden.tls.*} (environment variables {@code KEYWARDEN_TLS},
 * {@code KEYWARDEN_TLS_CERT}, {@code KEYWARDEN_TLS_KEY}, {@code KEYWARDEN_TLS_PORT}, {@code KEYWARDEN_TLS_PLAIN_HTTP},
 * {@code KEYWARDEN_TLS_HOSTNAMES}; see {@code application.yml} and {@code docs/tls.md}).
 */
@ConfigurationProperties("keywarden.tls")
public class TlsConfig {
    /** What the plain-HTTP port does while HTTPS is served. */
    public enum PlainHttp {
        /** No plain-HTTP listener at all: only the HTTPS port answers. */
        OFF,
        /** A plain-HTTP listener that answers every request with a redirect to HTTPS (301). */
        REDIRECT,
        /** Both are served; {@code aws:SecureTransport} tells them apart. */
        ALLOW
    }

    private boolean enabled;
    private String cert;
    private String key;
    private PlainHttp plainHttp = PlainHttp.OFF;
    private List<String> hostnames = List.of("localhost");
    private Duration hstsMaxAge = Duration.ofDays(365);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** The PEM certificate chain given by the operator; null when none is. */
    @Nullable
    public String getCert() {
        return cert;
    }

    public void setCert(@Nullable String cert) {
        this.cert = blankToNull(cert);
    }

    /** The PEM private key given by the operator; null when none is. */
    @Nullable
    public String getKey() {
        return key;
    }

    public void setKey(@Nullable String key) {
        this.key = blankToNull(key);
    }

    public PlainHttp getPlainHttp() {
        return plainHttp;
    }

    public void setPlainHttp(@Nullable PlainHttp plainHttp) {
        this.plainHttp = plainHttp == null ? PlainHttp.OFF : plainHttp;
    }

    /** The names a generated self-signed certificate is valid for (IP addresses allowed); loopback is always in. */
    public List<String> getHostnames() {
        return hostnames;
    }

    public void setHostnames(@Nullable List<String> hostnames) {
        this.hostnames = hostnames == null ? List.of() : hostnames.stream().map(String::trim)
                .filter(h -> !h.isEmpty()).toList();
    }

    /** {@code Strict-Transport-Security}'s max-age on HTTPS answers; zero sends none. */
    public Duration getHstsMaxAge() {
        return hstsMaxAge;
    }

    public void setHstsMaxAge(@Nullable Duration hstsMaxAge) {
        this.hstsMaxAge = hstsMaxAge == null ? Duration.ZERO : hstsMaxAge;
    }

    /** Where a generated self-signed certificate and its key live. */
    public static Path generatedCertificate(Path dataDir) {
        return dataDir.resolve("tls").resolve("cert.pem");
    }

    public static Path generatedKey(Path dataDir) {
        return dataDir.resolve("tls").resolve("key.pem");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
