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
 * {@code GET /ping} and {@code GET /openapi.yml}. The body is buffered (not consumed: the controller still binds
 * it) because SigV4 signs its hash. The filter completes with the same request to proceed, or fails with the
 * authentication error, which the exception handlers render.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SigV4AuthFilter implements Ordered {
    /** After {@link io.keywarden.server.http.RequestIdFilter}, before everything else. */
    public static final int ORDER = -1000;
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
            return authenticator.authenticate(request, bytes).thenApply(caller -> request);
        }
        // still streaming in: buffer a split copy (the original stays for the controller's body binding)
        return body.split(ByteBody.SplitBackpressureMode.FASTEST).buffer()
                .thenCompose(buffered -> {
                    byte[] bytes;
                    try (buffered) {
                        bytes = buffered.toByteArray();
                    }
                    return authenticator.authenticate(request, bytes);
                })
                .thenApply(caller -> request);
    }

    static boolean isPublic(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.GET) {
            return false;
        }
        String path = request.getPath();
        return path.equals("/ping") || path.equals("/health") || path.startsWith("/health/")
                || path.equals("/openapi.yml");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
