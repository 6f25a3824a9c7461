package io.keywarden.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient.Response;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code keywarden.audit.successful-reads=false}: reads that succeed are left out of the trail, while every change
 * and every refused read is still recorded.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriteOnlyAuditTrailTest extends ServerTestSupport {
    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("keywarden.audit.successful-reads", "false");
    }

    @Test
    void changesAndRefusedReadsAreRecordedButNotSuccessfulReads() throws Exception {
        Response read = root().get("/v1/caller-identity");
        assertThat(read.status()).isEqualTo(200);
        Response refused = anonymous().get("/v1/users");
        assertThat(refused.status()).isEqualTo(403);
        Response missing = root().get("/v1/users/nobody-here");
        assertThat(missing.status()).isEqualTo(404);
        Response change = root().post("/v1/users", "{\"userName\":\"write-only\"}");
        assertThat(change.status()).isEqualTo(201);

        // one writer appends in submission order: once the later events are in, the read's would be too
        List<String> recorded = await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(this::requestIdsInTrail, ids -> ids.contains(missing.header("x-amzn-RequestId")));
        assertThat(recorded).contains(change.header("x-amzn-RequestId"), refused.header("x-amzn-RequestId"),
                missing.header("x-amzn-RequestId"));
        assertThat(recorded).doesNotContain(read.header("x-amzn-RequestId"));
    }

    private List<String> requestIdsInTrail() {
        Response r = root().get("/v1/audit-events?maxItems=1000");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode e : r.json().path("events")) {
            ids.add(e.path("requestId").asText());
        }
        return ids;
    }
}
