package io.keywarden.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keywarden.core.sigv4.Header;
import io.keywarden.core.sigv4.PresignResult;
import io.keywarden.core.sigv4.SigV4Signer;
import io.keywarden.core.sigv4.SignOptions;
import io.keywarden.core.sigv4.SignableRequest;
import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.core.sigv4.SigningResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A minimal SigV4-signing HTTP client for the server's tests, built on core's {@link SigV4Signer} and the JDK client
 * (HTTP/1.1, so the bytes on the wire are exactly those signed). The SDK has its own; this one stays small.
 */
public final class SignedClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final URI base;
    private final SigningCredentials credentials;
    private String region = "us-east-1";
    private String service = "iam";
    private Instant fixedTime;
    private boolean chunked;

    private SignedClient(URI base, SigningCredentials credentials) {
        this.base = base;
        this.credentials = credentials;
    }

    public static SignedClient of(URI base, String accessKeyId, String secretAccessKey) {
        return new SignedClient(base, SigningCredentials.of(accessKeyId, secretAccessKey));
    }

    /** A client signing with temporary credentials (the token sent as {@code X-Amz-Security-Token}). */
    public static SignedClient of(URI base, String accessKeyId, String secretAccessKey, String sessionToken) {
        return new SignedClient(base, SigningCredentials.of(accessKeyId, secretAccessKey, sessionToken));
    }

    /** An unsigning client (for public endpoints and negative tests). */
    public static SignedClient anonymous(URI base) {
        return new SignedClient(base, null);
    }

    public SignedClient withScope(String region, String service) {
        SignedClient c = new SignedClient(base, credentials);
        c.region = region;
        c.service = service;
        c.fixedTime = fixedTime;
        return c;
    }

    /** Signs as if at {@code time} (e.g. to test clock skew). */
    public SignedClient at(Instant time) {
        SignedClient c = withScope(region, service);
        c.fixedTime = time;
        return c;
    }

    public Response get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, null);
    }

    public Response delete(String pathAndQuery) {
        return send("DELETE", pathAndQuery, null, null);
    }

    public Response post(String pathAndQuery, String json) {
        return send("POST", pathAndQuery, json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    public Response put(String pathAndQuery, String json) {
        return send("PUT", pathAndQuery, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public Response patch(String pathAndQuery, String json) {
        return send("PATCH", pathAndQuery, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public Response send(String method, String pathAndQuery, String contentType, byte[] body) {
        try {
            return sendAsync(method, pathAndQuery, contentType, body).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw new IllegalStateException("request failed: " + method + " " + pathAndQuery, e.getCause());
        }
    }

    public CompletableFuture<Response> sendAsync(String method, String pathAndQuery, String contentType, byte[] body) {
        return exchange(method, pathAndQuery, contentType, body, body, java.util.Map.of());
    }

    /** Sends with further headers, signed like the others (e.g. the JSON 1.1 protocol's {@code X-Amz-Target}). */
    public Response send(String method, String pathAndQuery, String contentType, byte[] body,
                         java.util.Map<String, String> headers) {
        return exchange(method, pathAndQuery, contentType, body, body, headers).join();
    }

    /** Signs {@code signedBody} but sends {@code sentBody} (a tampered request). */
    public Response sendTampered(String method, String pathAndQuery, String contentType, byte[] signedBody,
                                 byte[] sentBody) {
        return exchange(method, pathAndQuery, contentType, signedBody, sentBody, java.util.Map.of()).join();
    }

    /**
     * Sends the body with chunked transfer encoding (no Content-Length) and a pause after the first half, so the
     * server sees the request before its body has arrived.
     */
    public Response sendChunked(String method, String pathAndQuery, String contentType, byte[] body) {
        chunked = true;
        try {
            return exchange(method, pathAndQuery, contentType, body, body, java.util.Map.of()).join();
        } finally {
            chunked = false;
        }
    }

    /** A presigned URL (signature in the query string) for a GET, valid for {@code expires}. */
    public URI presignedGet(String pathAndQuery, Duration expires) {
        URI uri = base.resolve(pathAndQuery);
        SignableRequest request = new SignableRequest("GET", uri.getRawPath(),
                uri.getRawQuery() == null ? "" : uri.getRawQuery(), List.of(Header.of("Host", uri.getRawAuthority())),
                new byte[0]);
        PresignResult signed = SigV4Signer.create().presign(request, credentials, region, service,
                fixedTime == null ? Instant.now() : fixedTime, expires, SignOptions.defaults());
        return URI.create(base.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath() + "?"
                + signed.signedRequest().rawQuery());
    }

    /** A plain GET of a full URI, without signing. */
    public static Response getUri(URI uri) {
        return HTTP.sendAsync(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Response(r.statusCode(), r.body(), r.headers())).join();
    }

    private CompletableFuture<Response> exchange(String method, String pathAndQuery, String contentType,
                                                 byte[] signedBody, byte[] body,
                                                 java.util.Map<String, String> extraHeaders) {
        URI uri = base.resolve(pathAndQuery);
        byte[] payload = body == null ? new byte[0] : body;
        byte[] signedPayload = signedBody == null ? new byte[0] : signedBody;
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        extraHeaders.forEach(builder::header);
        if (credentials != null) {
            List<Header> headers = new ArrayList<>();
            headers.add(Header.of("Host", uri.getRawAuthority()));
            if (contentType != null) {
                headers.add(Header.of("Content-Type", contentType));
            }
            extraHeaders.forEach((name, value) -> headers.add(Header.of(name, value)));
            SignableRequest request = new SignableRequest(method, uri.getRawPath(),
                    uri.getRawQuery() == null ? "" : uri.getRawQuery(), headers, signedPayload);
            SigningResult signed = SigV4Signer.create().sign(request, credentials, region, service,
                    fixedTime == null ? Instant.now() : fixedTime, SignOptions.defaults());
            for (Header h : signed.headersToAdd()) {
                builder.header(h.name(), h.value());
            }
        }
        if (chunked) {
            builder.method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new SlowStream(payload)));
        } else builder.method(method, payload.length == 0 && !"POST".equals(method) && !"PATCH".equals(method)
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(payload));
        return HTTP.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Response(r.statusCode(), r.body(), r.headers()));
    }

    /** Half the bytes, a pause, the rest. */
    private static final class SlowStream extends java.io.InputStream {
        private final byte[] data;
        private int pos;

        SlowStream(byte[] data) {
            this.data = data;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= data.length) {
                return -1;
            }
            int half = data.length / 2;
            if (pos == half) {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int end = pos < half ? half : data.length;
            int n = Math.min(len, end - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    /** An answer: status, body text and headers. */
    public record Response(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }

        /** The error code of an error answer. */
        public String code() {
            return json().path("code").asText(null);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
