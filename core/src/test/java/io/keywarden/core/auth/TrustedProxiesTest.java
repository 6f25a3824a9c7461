package io.keywarden.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {
    private static final TrustedProxies PROXIES = TrustedProxies.parse("10.0.0.0/8, 127.0.0.1/32,2001:db8::/32");

    private static ClientOrigin xff(TrustedProxies proxies, String peer, String forwardedFor, String proto) {
        return proxies.resolve(peer, false, List.of(), forwardedFor == null ? List.of() : List.of(forwardedFor),
                proto == null ? List.of() : List.of(proto));
    }

    @Test
    void nobodyIsTrustedByDefaultAndHeadersChangeNothing() {
        ClientOrigin origin = xff(TrustedProxies.parse(""), "127.0.0.1", "203.0.113.7", "https");
        assertThat(origin).isEqualTo(new ClientOrigin("127.0.0.1", false));
        assertThat(TrustedProxies.none().isEmpty()).isTrue();
    }

    @Test
    void headersFromAnUntrustedPeerAreIgnored() {
        assertThat(xff(PROXIES, "198.51.100.9", "203.0.113.7", "https"))
                .isEqualTo(new ClientOrigin("198.51.100.9", false));
        assertThat(PROXIES.resolve("198.51.100.9", true, List.of("for=203.0.113.7;proto=http"), List.of(), List.of()))
                .isEqualTo(new ClientOrigin("198.51.100.9", true));
    }

    @Test
    void aTrustedPeerReportsTheClientAndItsScheme() {
        assertThat(xff(PROXIES, "127.0.0.1", "203.0.113.7", "https"))
                .isEqualTo(new ClientOrigin("203.0.113.7", true));
        assertThat(xff(PROXIES, "127.0.0.1", "203.0.113.7", null))
                .isEqualTo(new ClientOrigin("203.0.113.7", false));
    }

    @Test
    void theRightMostUntrustedAddressIsTheClientSoAClientCannotChooseItsOwn() {
        // the client sent "X-Forwarded-For: 192.0.2.1" itself; its real address was appended by the trusted proxies
        assertThat(xff(PROXIES, "10.0.0.2", "192.0.2.1, 203.0.113.7, 10.0.0.1", null).address())
                .isEqualTo("203.0.113.7");
        assertThat(PROXIES.resolve("10.0.0.2", false, List.of(), List.of("192.0.2.1", "203.0.113.7, 10.0.0.1"),
                List.of()).address()).isEqualTo("203.0.113.7");
    }

    @Test
    void whenEveryHopIsTrustedTheLeftMostIsTheClient() {
        assertThat(xff(PROXIES, "10.0.0.2", "10.1.1.1, 10.0.0.1", null).address()).isEqualTo("10.1.1.1");
    }

    @Test
    void garbageStopsTheWalkAtTheLastTrustedHop() {
        assertThat(xff(PROXIES, "10.0.0.2", "203.0.113.7, not-an-ip, 10.0.0.1", null).address())
                .isEqualTo("10.0.0.1");
        assertThat(xff(PROXIES, "10.0.0.2", "unknown", null).address()).isEqualTo("10.0.0.2");
    }

    @Test
    void portsAndBracketsAreStripped() {
        assertThat(xff(PROXIES, "10.0.0.2", "203.0.113.7:5555", null).address()).isEqualTo("203.0.113.7");
        assertThat(xff(PROXIES, "10.0.0.2", "[2001:db9::1]:443", null).address()).isEqualTo("2001:db9::1");
        assertThat(xff(PROXIES, "10.0.0.2", "2001:db9::1", null).address()).isEqualTo("2001:db9::1");
    }

    @Test
    void anIpv6ProxyIsTrusted() {
        assertThat(xff(PROXIES, "2001:db8::5", "203.0.113.7", "https"))
                .isEqualTo(new ClientOrigin("203.0.113.7", true));
    }

    @Test
    void rfc7239ForwardedTakesPrecedenceWithTheProtoOfTheClientsElement() {
        ClientOrigin origin = PROXIES.resolve("10.0.0.2", false,
                List.of("for=192.0.2.60;proto=http, for=\"[2001:db9::17]:4711\";proto=https", "for=10.0.0.1;proto=http"),
                List.of("198.51.100.1"), List.of("http"));
        assertThat(origin).isEqualTo(new ClientOrigin("2001:db9::17", true));
    }

    @Test
    void protoPerHopIsReadAtTheClientsPositionElseTheRightMost() {
        assertThat(xff(PROXIES, "10.0.0.2", "203.0.113.7, 10.0.0.1", "https, http").secure()).isTrue();
        assertThat(xff(PROXIES, "10.0.0.2", "203.0.113.7, 10.0.0.1", "https, https, http").secure()).isFalse();
    }

    @Test
    void aTrustedPeerWithoutHeadersIsTheClient() {
        assertThat(PROXIES.resolve("127.0.0.1", true, List.of(), List.of(), List.of()))
                .isEqualTo(new ClientOrigin("127.0.0.1", true));
    }

    @Test
    void aListThatIsNotCidrsIsRefused() {
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/8, proxy.example.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("proxy.example.com");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }
}
