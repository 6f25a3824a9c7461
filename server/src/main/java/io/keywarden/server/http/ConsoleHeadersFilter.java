package io.keywarden.server.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * The console's strict headers on every answer under {@code /console} (files and errors alike): a Content-Security-
 * Policy that allows only this origin's scripts, styles and connections (no inline script or style, no framing, no
 * base URI), {@code nosniff} and no referrer. The console's API calls go to {@code /v1} and carry no cookie.
 */
@ServerFilter({"/console", "/console/**"})
public class ConsoleHeadersFilter {
    /** The console's Content-Security-Policy. */
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @ResponseFilter
    public void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.getHeaders().set("Content-Security-Policy", CSP);
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        response.getHeaders().set("Referrer-Policy", "no-referrer");
        response.getHeaders().set("X-Frame-Options", "DENY");
        response.getHeaders().set("Cross-Origin-Opener-Policy", "same-origin");
    }
}
