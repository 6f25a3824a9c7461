package io.keywarden.sdk.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.keywarden.core.sigv4.Header;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * An in-process HTTP server on 127.0.0.1 that records every request and answers with canned answers: first the
 * queued ones in order, then whatever the fallback handler says (by default 404 with a NotFound error).
 */
public final class StubServer implements AutoCloseable {

    /** A request as received, with its raw (still encoded) path and query and its headers in received order. */
    public record Recorded(String method, String rawPath, String rawQuery, List<Header> headers, byte[] body,
                           long receivedAtNanos) {
        public Optional<String> header(String name) {
            return headers.stream().filter(h -> h.hasName(name)).map(Header::value).findFirst();
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The decoded query parameters (single-valued). */
        public Map<String, String> query() {
            Map<String, String> out = new LinkedHashMap<>();
            if (rawQuery.isEmpty()) {
                return out;
            }
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                out.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
            return out;
        }

        private static String decode(String s) {
            return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
    }

    /** A canned answer. */
    public record Answer(int status, Map<String, String> headers, String body, Duration delay) {
        public static Answer json(int status, String body) {
            return new Answer(status, Map.of("Content-Type", "application/json"), body, Duration.ZERO);
        }

        public static Answer ok(String body) {
            return json(200, body);
        }

        public static Answer noContent() {
            return new Answer(204, Map.of(), "", Duration.ZERO);
        }

        /** {@code {"code","message","requestId"}} with the given status. */
        public static Answer error(int status, String code, String message, String requestId) {
            return json(status, "{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"requestId\":\""
                    + requestId + "\"}");
        }

        public Answer withHeader(String name, String value) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(name, value);
            return new Answer(status, all, body, delay);
        }

        public Answer after(Duration wait) {
            return new Answer(status, headers, body, wait);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Answer> queue = new ConcurrentLinkedQueue<>();
    private volatile Function<Recorded, Answer> fallback =
            r -> Answer.error(404, "NotFound", "no canned answer for " + r.method() + " " + r.rawPath(), "stub-404");

    private StubServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static StubServer start() {
        try {
            return new StubServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Queues answers, used in order before the fallback. */
    public StubServer enqueue(Answer... answers) {
        queue.addAll(List.of(answers));
        return this;
    }

    /** Answers every request the queue does not cover. */
    public StubServer otherwise(Function<Recorded, Answer> handler) {
        this.fallback = handler;
        return this;
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public Recorded onlyRequest() {
        if (requests.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + requests.size());
        }
        return requests.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            List<Header> headers = new ArrayList<>();
            exchange.getRequestHeaders().forEach((name, values) -> values.forEach(v -> headers.add(new Header(name, v))));
            byte[] body = exchange.getRequestBody().readAllBytes();
            URI uri = exchange.getRequestURI();
            Recorded recorded = new Recorded(exchange.getRequestMethod(), uri.getRawPath(),
                    uri.getRawQuery() == null ? "" : uri.getRawQuery(), List.copyOf(headers), body, System.nanoTime());
            requests.add(recorded);
            Answer answer = queue.poll();
            if (answer == null) {
                answer = fallback.apply(recorded);
            }
            if (!answer.delay().isZero()) {
                try {
                    Thread.sleep(answer.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            if (!answer.headers().containsKey("x-amzn-RequestId")) {
                exchange.getResponseHeaders().add("x-amzn-RequestId", "stub-" + requests.size());
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            if (bytes.length == 0) {
                exchange.sendResponseHeaders(answer.status(), -1);
            } else {
                exchange.sendResponseHeaders(answer.status(), bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            // the client went away (e.g. it timed out): nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
