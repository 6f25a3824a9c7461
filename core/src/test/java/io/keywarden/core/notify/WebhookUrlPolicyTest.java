package io.keywarden.core.notify;

import io.keywarden.core.error.KeywardenException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookUrlPolicyTest {
    private final WebhookUrlPolicy open = new WebhookUrlPolicy(List.of(), false, false);

    @Test
    void httpAndHttpsUrlsWithAHostAreAccepted() {
        assertThat(open.check("https://hooks.example.com/keywarden?x=1").getHost()).isEqualTo("hooks.example.com");
        assertThat(open.check("http://hooks.example.com:8080/").getPort()).isEqualTo(8080);
    }

    @Test
    void otherSchemesCredentialsFragmentsAndRelativeUrlsAreRefused() {
        for (String url : List.of("ftp://example.com/", "file:///etc/passwd", "/relative", "mailto:a@example.com",
                "https://user:pass@example.com/", "https://example.com/#frag", "https:///nohost", "", "not a url")) {
            assertThatThrownBy(() -> open.check(url)).as(url).isInstanceOf(KeywardenException.class)
                    .hasMessageContaining("'url'");
        }
    }

    @Test
    void credentialsAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> open.check("https://admin:hunter2@example.com/"))
                .hasMessageNotContaining("hunter2").hasMessageContaining("credentials");
    }

    @Test
    void allowListNamesHostsAndSubdomains() {
        WebhookUrlPolicy listed = new WebhookUrlPolicy(List.of("hooks.example.com", "*.corp.example"), false, false);

        assertThat(listed.check("https://hooks.example.com/x")).isNotNull();
        assertThat(listed.check("https://a.b.corp.example/x")).isNotNull();
        assertThatThrownBy(() -> listed.check("https://evil.example.net/")).hasMessageContaining("ALLOWED_HOSTS");
        assertThatThrownBy(() -> listed.check("https://corp.example.evil.net/")).hasMessageContaining("ALLOWED_HOSTS");
    }

    @Test
    void loopbackIsRefusedUnlessConfigured() throws Exception {
        assertThatThrownBy(() -> open.check("http://localhost:9000/")).hasMessageContaining("loopback");
        assertThat(open.permits(InetAddress.getByName("127.0.0.1"))).isFalse();
        assertThat(open.permits(InetAddress.getByName("::1"))).isFalse();

        WebhookUrlPolicy loopback = new WebhookUrlPolicy(List.of(), true, false);
        assertThat(loopback.check("http://localhost:9000/")).isNotNull();
        assertThat(loopback.permits(InetAddress.getByName("127.0.0.1"))).isTrue();
    }

    @Test
    void metadataPrivateAndWildcardAddressesAreRefused() throws Exception {
        for (String a : List.of("169.254.169.254", "10.0.0.1", "192.168.1.1", "172.16.0.1", "100.64.0.1", "0.0.0.0",
                "fd00::1", "fe80::1", "224.0.0.1")) {
            assertThat(open.permits(InetAddress.getByName(a))).as(a).isFalse();
        }
        assertThat(open.permits(InetAddress.getByName("93.184.216.34"))).isTrue();
        assertThat(new WebhookUrlPolicy(List.of(), false, true).permits(InetAddress.getByName("10.0.0.1"))).isTrue();
        assertThat(new WebhookUrlPolicy(List.of(), true, true).permits(InetAddress.getByName("169.254.169.254")))
                .isFalse();
    }
}
