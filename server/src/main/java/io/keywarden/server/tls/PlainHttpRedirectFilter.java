package io.keywarden.server.tls;

import io.keywarden.server.edge.ClientOrigins;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;

/**
 * {@code KEYWARDEN_TLS_PLAIN_HTTP=redirect}: every request that arrives over plain HTTP is answered with a permanent
 * redirect to the same path and query over HTTPS (308, so that clients repeat a POST as a POST), before anything else
 * runs — nothing is authenticated, performed or recorded over plain HTTP. Micronaut's own redirect drops the query
 * string and the port, hence this filter. Behind a trusted proxy that terminates TLS, the client's scheme is the
 * proxy's word ({@link ClientOrigins}).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class PlainHttpRedirectFilter implements Ordered {
    private final boolean active;
    private final ClientOrigins origins;
    private final BeanProvider<EmbeddedServer> server;

    public PlainHttpRedirectFilter(TlsConfig tls, BeanProvider<EmbeddedServer> server, ClientOrigins origins) {
        this.origins = origins;
        this.active = tls.isEnabled() && tls.getPlainHttp() == TlsConfig.PlainHttp.REDIRECT;
        this.server = server;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> redirect(HttpRequest<?> request) {
        if (!active || origins.of(request).secure()) {
            return null;
        }
        URI uri = request.getUri();
        String location = "https://" + host(request.getHeaders().get(HttpHeaders.HOST)) + ":" + server.get().getPort()
                + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return HttpResponse.status(HttpStatus.PERMANENT_REDIRECT).header(HttpHeaders.LOCATION, location);
    }

    /** The host the client asked for, without its port ({@code [::1]:8080} → {@code [::1]}); localhost if none. */
    static String host(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return "localhost";
        }
        String h = hostHeader.trim();
        int bracket = h.lastIndexOf(']');
        int colon = h.lastIndexOf(':');
        String host = colon > bracket ? h.substring(0, colon) : h;
        // only what a host name or an IP literal may hold: a hostile Host header cannot shape the redirect
        return host.matches("[A-Za-z0-9.\\-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\]") ? host : "localhost";
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
