package io.keywarden.server.edge;

import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static io.keywarden.server.edge.ForwardedClients.listOwnKeys;
import static io.keywarden.server.edge.ForwardedClients.recordedSources;
import static io.keywarden.server.edge.ForwardedClients.userOnlyFromTheOfficeOverHttps;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code KEYWARDEN_TRUSTED_PROXIES=127.0.0.1/32}: the test client (on loopback) is a trusted proxy, so the client it
 * reports in {@code X-Forwarded-For} / {@code Forwarded} and the scheme in {@code X-Forwarded-Proto} are what
 * {@code aws:SourceIp}, {@code aws:SecureTransport} and the audit trail see.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustedProxyHeadersTest extends ServerTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("keywarden.trusted-proxies", "127.0.0.1/32, ::1/128");
    }

    @Test
    void aTrustedProxysClientAddressAndSchemeDecideThePolicyAndTheTrail() throws Exception {
        SignedClient ann = userOnlyFromTheOfficeOverHttps(root(), baseUri(), "ann");

        assertThat(listOwnKeys(ann, "ann", Map.of("X-Forwarded-For", "203.0.113.7", "X-Forwarded-Proto", "https"))
                .status()).isEqualTo(200);
        assertThat(recordedSources(root(), "ann", 1)).containsExactly("203.0.113.7");

        // a client outside the office, or over plain HTTP, is refused although the proxy is trusted
        assertThat(listOwnKeys(ann, "ann", Map.of("X-Forwarded-For", "198.51.100.1", "X-Forwarded-Proto", "https"))
                .status()).isEqualTo(403);
        assertThat(listOwnKeys(ann, "ann", Map.of("X-Forwarded-For", "203.0.113.7", "X-Forwarded-Proto", "http"))
                .status()).isEqualTo(403);
    }

    @Test
    void aClientCannotChooseItsAddressByPrependingToTheHeader() throws Exception {
        SignedClient bea = userOnlyFromTheOfficeOverHttps(root(), baseUri(), "bea");
        // the client sent "X-Forwarded-For: 203.0.113.7"; the proxy appended the address it saw, 198.51.100.1
        assertThat(listOwnKeys(bea, "bea", Map.of("X-Forwarded-For", "203.0.113.7, 198.51.100.1",
                "X-Forwarded-Proto", "https")).status()).isEqualTo(403);
        assertThat(recordedSources(root(), "bea", 1)).containsExactly("198.51.100.1");
    }

    @Test
    void rfc7239ForwardedIsBelievedToo() throws Exception {
        SignedClient cid = userOnlyFromTheOfficeOverHttps(root(), baseUri(), "cid");
        assertThat(listOwnKeys(cid, "cid", Map.of("Forwarded", "for=203.0.113.9;proto=https")).status())
                .isEqualTo(200);
        assertThat(recordedSources(root(), "cid", 1)).containsExactly("203.0.113.9");
    }

    @Test
    void anUnsignedRequestIsRecordedWithTheForwardedAddress() {
        SignedClient.Response r = anonymous().send("GET", "/v1/users/zed/access-keys", null, null,
                Map.of("X-Forwarded-For", "203.0.113.44"));
        assertThat(r.status()).isEqualTo(403);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(root().get("/v1/audit-events?eventName=ListAccessKeys&maxItems=1000").body())
                        .contains("\"sourceIpAddress\":\"203.0.113.44\""));
    }
}
