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
 * {@code GET /ping}, {@code GET /openapi.yml}, {@code GET /prometheus} (metrics), the console's static files
 * ({@code GET /console/**}) and an unsigned {@code POST /v1/console/sign-in} (a password sign-in; a signed one is
 * authenticated here and its refusal left to the sign-in controller, which answers every failure alike). The body is buffered (not
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
    /** The console's sign-in, which may come unsigned (a password) or signed with an access key. */
    public static final String CONSOLE_SIGN_IN = "/v1/console/sign-in";
    /** The request attribute that holds why a signed console sign-in failed authentication (for the decision log). */
    public static final String SIGN_IN_REFUSED_ATTRIBUTE = "keywarden.console.signInRefused";
    /** The console's static files: {@code GET /console/...}. */
    public static final String CONSOLE_PREFIX = "/console/";
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
        if (isConsoleSignIn(request)) {
            if (!isSigned(request)) {
                return CompletableFuture.completedFuture(request); // a password sign-in: the controller answers
            }
            // signed with an access key: a refusal is the controller's to answer, with its one generic message
            return verify(request).exceptionally(e -> {
                Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                        ? e.getCause() : e;
                request.setAttribute(SIGN_IN_REFUSED_ATTRIBUTE, String.valueOf(cause.getMessage()));
                return request;
            });
        }
        return verify(request);
    }

    private CompletableFuture<HttpRequest<?>> verify(HttpRequest<?> request) {
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

    /** {@code POST /v1/console/sign-in}, matched on the raw path exactly. */
    public static boolean isConsoleSignIn(HttpRequest<?> request) {
        return request.getMethod() == HttpMethod.POST && CONSOLE_SIGN_IN.equals(request.getUri().getRawPath());
    }

    /** Whether the request carries a SigV4 signature (header or presigned query) at all. */
    static boolean isSigned(HttpRequest<?> request) {
        if (request.getHeaders().contains(io.micronaut.http.HttpHeaders.AUTHORIZATION)) {
            return true;
        }
        String query = request.getUri().getRawQuery();
        return query != null && query.contains("X-Amz-Signature");
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
        if (path.equals("/ping") || path.equals("/health") || path.equals("/openapi.yml") || path.equals("/prometheus")
                || path.equals("/console")) {
            return true;
        }
        if (path.startsWith(CONSOLE_PREFIX)) {
            return isPlainPath(path, CONSOLE_PREFIX.length(), true);
        }
        if (!path.startsWith("/health/") || path.length() == "/health/".length()) {
            return false;
        }
        return isPlainPath(path, "/health/".length(), false);
    }

    /**
     * Letters, digits, {@code -}, {@code _}, single slashes and (for files) dots not following a dot or a slash: no
     * encoded character, no dot segment, nothing that could climb out of the prefix.
     */
    private static boolean isPlainPath(String path, int from, boolean dots) {
        for (int i = from; i < path.length(); i++) {
            char c = path.charAt(i);
            char before = path.charAt(i - 1);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_' || (c == '/' && before != '/')
                    || (dots && c == '.' && before != '.' && before != '/');
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
