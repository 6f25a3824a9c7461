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
 * The default (no trusted proxies): forwarding headers from the TCP peer change nothing. A policy that allows only an
 * office address over HTTPS stays shut whatever {@code X-Forwarded-For}, {@code X-Forwarded-Proto} or
 * {@code Forwarded} claim, and the trail records the peer's address.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UntrustedForwardingHeadersTest extends ServerTestSupport {

    @Test
    void spoofedForwardingHeadersChangeNeitherThePolicyDecisionNorTheTrail() throws Exception {
        SignedClient eve = userOnlyFromTheOfficeOverHttps(root(), baseUri(), "eve");
        assertThat(listOwnKeys(eve, "eve", Map.of("X-Forwarded-For", "203.0.113.7", "X-Forwarded-Proto", "https"))
                .status()).isEqualTo(403);
        assertThat(listOwnKeys(eve, "eve", Map.of("Forwarded", "for=203.0.113.7;proto=https")).status())
                .isEqualTo(403);
        assertThat(recordedSources(root(), "eve", 2)).containsOnly("127.0.0.1");
    }

    @Test
    void unsignedRequestsAreRecordedWithThePeersAddress() {
        SignedClient.Response r = anonymous().send("GET", "/v1/users/zed/access-keys", null, null,
                Map.of("X-Forwarded-For", "203.0.113.45"));
        assertThat(r.status()).isEqualTo(403);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(root().get("/v1/audit-events?eventName=ListAccessKeys&maxItems=1000").body())
                        .contains("\"sourceIpAddress\":\"127.0.0.1\"").doesNotContain("203.0.113.45"));
    }
}
