package io.keywarden.server.hardening;

import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SlowTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Clients that send too much, too slowly or too many connections: each is refused with a clear 4xx or disconnected
 * within a bounded time, and the server keeps answering everyone else.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SlowTest
class HostileClientsTest extends ServerTestSupport {
    private static final int MAX_CONNECTIONS = 40;

    @Inject
    ConnectionLimits limits;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("keywarden.http.request-read-timeout", "1s",
                "keywarden.http.max-connections", String.valueOf(MAX_CONNECTIONS));
    }

    @Test
    void oversizedHeadersAre431() throws IOException {
        String answer = exchange("GET /ping HTTP/1.1\r\nHost: x\r\nX-Padding: " + "a".repeat(9000) + "\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 431").contains("\"code\":\"RequestHeaderFieldsTooLarge\"")
                .contains("request headers are too large");
    }

    @Test
    void manySmallHeadersAddingUpAre431() throws IOException {
        StringBuilder request = new StringBuilder("GET /ping HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 1000; i++) {
            request.append("X-H").append(i).append(": value\r\n");
        }
        assertThat(exchange(request.append("\r\n").toString())).contains("\"code\":\"RequestHeaderFieldsTooLarge\"");
    }

    @Test
    void overlongRequestLinesAre414() throws IOException {
        String answer = exchange("GET /ping?" + "a=b&".repeat(3000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(answer).contains(" 414 ").contains("\"code\":\"RequestURITooLong\"");
    }

    @Test
    void oversizedBodiesAre413() throws IOException {
        String answer = exchange("POST /v1/users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2000000\r\n\r\n{\"userName\":\"");
        assertThat(answer).startsWith("HTTP/1.1 413").contains("\"code\":\"RequestEntityTooLarge\"");
    }

    @Test
    void aClientTricklingItsHeadersIsDisconnected() throws Exception {
        long before = limits.timedOutRequests();
        try (Socket slow = connect()) {
            OutputStream out = slow.getOutputStream();
            out.write("GET /ping HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            boolean closed = false;
            for (int i = 0; i < 40 && !closed; i++) {
                try {
                    out.write(("X-" + i + ": y\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    closed = waitForClose(slow, 200);
                } catch (SocketException e) {
                    closed = true;
                }
            }
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertThat(closed).as("disconnected").isTrue();
            assertThat(seconds).isLessThan(5);
        }
        assertThat(limits.timedOutRequests()).isGreaterThan(before);
        assertThat(root().get("/v1/caller-identity").status()).isEqualTo(200);
    }

    @Test
    void aClientTricklingItsBodyIsDisconnected() throws Exception {
        try (Socket slow = connect()) {
            OutputStream out = slow.getOutputStream();
            out.write(("POST /v1/users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n"
                    + "\r\n{").getBytes(StandardCharsets.US_ASCII));
            boolean closed = false;
            for (int i = 0; i < 40 && !closed; i++) {
                try {
                    out.write(' ');
                    out.flush();
                    closed = waitForClose(slow, 200);
                } catch (SocketException e) {
                    closed = true;
                }
            }
            assertThat(closed).as("disconnected").isTrue();
        }
    }

    @Test
    void aKeepAliveConnectionServesRequestsSlowerThanTheDeadlineApart() throws Exception {
        try (Socket socket = connect()) {
            for (int i = 0; i < 2; i++) {
                socket.getOutputStream().write("GET /ping HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(readSome(socket)).startsWith("HTTP/1.1 200");
                Thread.sleep(1500); // longer than the request deadline: idle between requests is not slow
            }
        }
    }

    @Test
    void connectionsBeyondTheLimitAreClosedAndTheServerRecovers() throws Exception {
        long before = limits.refusedConnections();
        List<Socket> flood = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS + 10; i++) {
                flood.add(connect());
            }
            int closed = 0;
            for (Socket s : flood) {
                if (waitForClose(s, 50)) {
                    closed++;
                }
            }
            assertThat(closed).isGreaterThanOrEqualTo(10);
            assertThat(limits.refusedConnections()).isGreaterThanOrEqualTo(before + 10);
        } finally {
            for (Socket s : flood) {
                s.close();
            }
        }
        try {
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> limits.openConnections() <= MAX_CONNECTIONS / 2);
        } catch (ConditionTimeoutException stillBusy) {
            // give the server time to drop the flood, no more: the request below says whether it recovered
        }
        assertThat(anonymous().get("/ping").status()).isEqualTo(200);
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.getPort()), 5000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** True when the server closed the connection within {@code millis} (end of stream or reset). */
    private static boolean waitForClose(Socket socket, int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            while (true) {
                if (in.read(buffer) < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;
        }
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = connect()) {
            try {
                socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            } catch (SocketException e) {
                // the server may answer and close before the whole request is written; read what it said
            }
            return readSome(socket);
        }
    }

    private static String readSome(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        StringBuilder out = new StringBuilder();
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                if (out.indexOf("\r\n\r\n") > 0 && complete(out)) {
                    break;
                }
            }
        } catch (SocketException | SocketTimeoutException e) {
            // closed or quiet: return what arrived
        }
        return out.toString();
    }

    private static boolean complete(StringBuilder response) {
        int head = response.indexOf("\r\n\r\n");
        String headers = response.substring(0, head).toLowerCase();
        int at = headers.indexOf("content-length:");
        if (at < 0) {
            return true;
        }
        int end = headers.indexOf("\r\n", at);
        int length = Integer.parseInt(headers.substring(at + 15, end < 0 ? headers.length() : end).trim());
        return response.length() - head - 4 >= length;
    }
}
