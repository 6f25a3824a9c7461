package io.keywarden.server.tls;

import io.keywarden.server.support.ServerTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code KEYWARDEN_TLS_PLAIN_HTTP=redirect}: the plain-HTTP listener answers every request with a redirect. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlainHttpRedirectTest extends ServerTestSupport {
    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("keywarden.tls.enabled", "true", "keywarden.tls.plain-http", "redirect",
                "micronaut.server.ssl.port", "-1");
    }

    @Test
    void plainHttpIsRedirectedToHttpsAndNothingBehindItRuns() throws Exception {
        List<Integer> ports = new ArrayList<>(TlsClients.ports(server));
        ports.remove(Integer.valueOf(server.getPort()));
        int httpPort = ports.get(0);
        HttpResponse<String> answer = TlsClients.http(SSLContext.getDefault()).send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + httpPort + "/v1/users?maxItems=1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(308);
        assertThat(answer.headers().firstValue("Location"))
                .hasValue("https://localhost:" + server.getPort() + "/v1/users?maxItems=1");
    }

    @Test
    void httpsIsServedNotRedirected() throws Exception {
        HttpResponse<String> answer = TlsClients.http(TlsClients.trusting(TlsConfig.generatedCertificate(dataDir)))
                .send(HttpRequest.newBuilder(URI.create("https://localhost:" + server.getPort() + "/ping")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
    }

    @Test
    void theRedirectKeepsTheHostNameTheClientUsedButNothingAHostileHostHeaderAdds() {
        assertThat(PlainHttpRedirectFilter.host("keywarden.example:8080")).isEqualTo("keywarden.example");
        assertThat(PlainHttpRedirectFilter.host("[::1]:8080")).isEqualTo("[::1]");
        assertThat(PlainHttpRedirectFilter.host("10.0.0.5")).isEqualTo("10.0.0.5");
        assertThat(PlainHttpRedirectFilter.host("evil.example/x?")).isEqualTo("localhost");
        assertThat(PlainHttpRedirectFilter.host("a@evil.example")).isEqualTo("localhost");
        assertThat(PlainHttpRedirectFilter.host(null)).isEqualTo("localhost");
    }
}
