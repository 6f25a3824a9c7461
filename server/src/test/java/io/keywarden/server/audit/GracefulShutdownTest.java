package io.keywarden.server.audit;

import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient;
import io.keywarden.server.support.SignedClient.Response;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A graceful shutdown (context close, as on SIGTERM) writes what is still queued: the audit events of reads, which
 * are not waited for, and the last-used records (whose flush interval is far beyond the test).
 */
class GracefulShutdownTest {

    @Test
    void queuedAuditEventsAndLastUsedRecordsAreWrittenOnShutdown() throws Exception {
        Path dir = Files.createTempDirectory("keywarden-shutdown-");
        Map<String, Object> props = new HashMap<>();
        props.put("keywarden.data-dir", dir.toString());
        props.put("keywarden.root-access-key-id", ServerTestSupport.ROOT_ACCESS_KEY_ID);
        props.put("keywarden.root-secret-access-key", ServerTestSupport.ROOT_SECRET);
        props.put("keywarden.last-used.flush-interval", "1h");
        Set<String> requestIds = new HashSet<>();
        EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, props);
        try {
            SignedClient root = root(first);
            CompletableFuture<?>[] calls = new CompletableFuture<?>[50];
            for (int i = 0; i < calls.length; i++) {
                calls[i] = root.withScope("eu-central-1", "sts").sendAsync("GET", "/v1/caller-identity", null, null)
                        .thenAccept(r -> {
                            synchronized (requestIds) {
                                requestIds.add(r.header("x-amzn-RequestId"));
                            }
                        });
            }
            CompletableFuture.allOf(calls).join();
        } finally {
            first.getApplicationContext().close();
        }
        assertThat(requestIds).hasSize(50);

        EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, props);
        try {
            Response events = root(second).get("/v1/audit-events?eventName=GetCallerIdentity&maxItems=1000");
            Set<String> recorded = new HashSet<>();
            events.json().path("events").forEach(e -> recorded.add(e.path("requestId").asText()));
            assertThat(recorded).containsAll(requestIds);
            Response lastUsed = root(second).get("/v1/access-keys/" + ServerTestSupport.ROOT_ACCESS_KEY_ID
                    + "/last-used");
            assertThat(lastUsed.json().path("accessKeyLastUsed").path("region").asText()).isEqualTo("eu-central-1");
        } finally {
            second.getApplicationContext().close();
        }
    }

    private static SignedClient root(EmbeddedServer server) {
        return SignedClient.of(URI.create("http://127.0.0.1:" + server.getPort() + "/"),
                ServerTestSupport.ROOT_ACCESS_KEY_ID, ServerTestSupport.ROOT_SECRET);
    }
}
