package io.keywarden.server.tls;

import io.keywarden.server.edge.ClientOrigins;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * {@code Strict-Transport-Security} on every answer given over HTTPS (never over plain HTTP, where browsers ignore it
 * anyway), so a browser that has once reached the console over HTTPS does not fall back to plain HTTP.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class HstsFilter {
    private final String value;

    private final ClientOrigins origins;

    public HstsFilter(TlsConfig tls, ClientOrigins origins) {
        this.origins = origins;
        long seconds = tls.getHstsMaxAge().toSeconds();
        this.value = tls.isEnabled() && seconds > 0 ? "max-age=" + seconds : null;
    }

    @ResponseFilter
    public void addHeader(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (value != null && origins.of(request).secure()) {
            response.getHeaders().set("Strict-Transport-Security", value);
        }
    }
}
