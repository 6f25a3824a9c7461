package io.keywarden.server.auth;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.body.AvailableByteBody;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.concurrent.CompletableFuture;

/**
 * Authenticates every request before any controller runs, except {@code GET /health} (and {@code /health/**}),
 * {@code GET /ping}, {@code GET /openapi.yml} and {@code GET /prometheus} (metrics). The body is buffered (not
 * consumed: the controller still binds it) because SigV4 signs its hash; the bytes are also left on the request
 * ({@link #BODY_ATTRIBUTE}) for the audit trail. The filter completes with the same request to proceed, or fails with the
 * authentication error, which the exception handlers render.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SigV4AuthFilter implements Ordered {
    /** After {@link io.keywarden.server.http.RequestIdFilter}, before everything else. */
    public static final int ORDER = -1000;
    /** The request attribute that holds the raw body bytes read for the signature (for the audit trail). */
    public static final String BODY_ATTRIBUTE = "keywarden.body";
    private static final byte[] NO_BODY = new byte[0];

    private final RequestAuthenticator authenticator;

    public SigV4AuthFilter(RequestAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @RequestFilter
    public CompletableFuture<HttpRequest<?>> authenticate(HttpRequest<?> request) {
        if (isPublic(request)) {
            return CompletableFuture.completedFuture(request);
        }
        if (!(request instanceof ServerHttpRequest<?> serverRequest)) {
            return authenticator.authenticate(request, NO_BODY).thenApply(caller -> request);
        }
        ByteBody body = serverRequest.byteBody();
        if (body instanceof AvailableByteBody available) {
            // the whole body is here already (the usual case): read a split copy, no waiting
            byte[] bytes;
            if (available.length() == 0) {
                bytes = NO_BODY;
            } else {
                try (CloseableAvailableByteBody copy = available.split()) {
                    bytes = copy.toByteArray();
                }
            }
            request.setAttribute(BODY_ATTRIBUTE, bytes);
            return authenticator.authenticate(request, bytes).thenApply(caller -> request);
        }
        // still streaming in: buffer a split copy (the original stays for the controller's body binding)
        return body.split(ByteBody.SplitBackpressureMode.FASTEST).buffer()
                .thenCompose(buffered -> {
                    byte[] bytes;
                    try (buffered) {
                        bytes = buffered.toByteArray();
                    }
                    request.setAttribute(BODY_ATTRIBUTE, bytes);
                    return authenticator.authenticate(request, bytes);
                })
                .thenApply(caller -> request);
    }

    /**
     * The unauthenticated GETs, matched on the raw path exactly as received (no decoding, no dot segments), so that a
     * path like {@code /health/..%2Fv1/users} is never mistaken for a public one.
     */
    public static boolean isPublic(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.GET) {
            return false;
        }
        String path = request.getUri().getRawPath();
        if (path == null) {
            return false;
        }
        if (path.equals("/ping") || path.equals("/health") || path.equals("/openapi.yml") || path.equals("/prometheus")) {
            return true;
        }
        if (!path.startsWith("/health/") || path.length() == "/health/".length()) {
            return false;
        }
        for (int i = "/health/".length(); i < path.length(); i++) {
            char c = path.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_' || (c == '/' && path.charAt(i - 1) != '/');
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
