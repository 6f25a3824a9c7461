package io.keywarden.server.tls;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings that would silently not do what the operator meant are refused at start. */
class TlsConfigurationTest {
    @TempDir
    Path dir;

    @Test
    void aCertificateGivenWhileHttpsIsOffStopsTheStart() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("keywarden.data-dir", dir.toString(),
                "keywarden.tls.cert", dir.resolve("c.pem").toString(),
                "keywarden.tls.key", dir.resolve("k.pem").toString())).close())
                .hasStackTraceContaining("KEYWARDEN_TLS=true");
    }

    @Test
    void aCertificateWithoutItsKeyStopsTheStart() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("keywarden.data-dir", dir.toString(),
                "keywarden.tls.enabled", "true", "micronaut.server.ssl.port", "-1",
                "keywarden.tls.cert", dir.resolve("c.pem").toString())).close())
                .hasStackTraceContaining("go together");
    }
}
