package io.keywarden.server.edge;

import io.keywarden.core.auth.ClientOrigin;
import io.keywarden.core.auth.TrustedProxies;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * The one place that says where a request came from ({@link ClientOrigin}: the client's address and whether its
 * connection was HTTPS). Everything that needs either asks here: {@code aws:SourceIp} and {@code aws:SecureTransport}
 * (through the authenticated caller), the audit event's source address, the plain-HTTP redirect and HSTS, and any
 * per-source limit. Forwarding headers ({@code Forwarded}, {@code X-Forwarded-For}, {@code X-Forwarded-Proto}) count
 * only from a TCP peer inside {@code keywarden.trusted-proxies} ({@link TrustedProxies}); from anyone else they change
 * nothing. The answer is computed once per request and kept on it.
 */
@Singleton
public class ClientOrigins {
    private static final String ATTRIBUTE = "keywarden.client-origin";

    private final TrustedProxies proxies;

    public ClientOrigins(EdgeSettings settings) {
        this.proxies = settings.trustedProxies();
    }

    /** Where {@code request} came from. */
    public ClientOrigin of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, ClientOrigin.class).orElseGet(() -> {
            ClientOrigin origin = resolve(request);
            request.setAttribute(ATTRIBUTE, origin);
            return origin;
        });
    }

    private ClientOrigin resolve(HttpRequest<?> request) {
        String peer = peer(request);
        if (!proxies.trusts(peer)) {
            return new ClientOrigin(peer, request.isSecure());
        }
        return proxies.resolve(peer, request.isSecure(), values(request, "Forwarded"),
                values(request, "X-Forwarded-For"), values(request, "X-Forwarded-Proto"));
    }

    private static List<String> values(HttpRequest<?> request, String name) {
        return request.getHeaders().getAll(name);
    }

    /** The TCP peer's address as text; empty when unknown. */
    private static String peer(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
