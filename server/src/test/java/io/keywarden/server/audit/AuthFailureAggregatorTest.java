package io.keywarden.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.core.audit.AuditRecord;
import io.keywarden.core.audit.EventJson;
import io.keywarden.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AuthFailureAggregatorTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final List<AuditRecord> summaries = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    private AuthFailureAggregator aggregator(int perWindow, long maxSources) {
        return new AuthFailureAggregator(perWindow, Duration.ofMinutes(1), maxSources, clock, "123456789012",
                summaries::add, () -> "id-" + ids.incrementAndGet());
    }

    @Test
    void firstFailuresPerSourceAndCodeAreRecordedAndTheRestSummarisedOnceTheWindowEnds() {
        AuthFailureAggregator a = aggregator(3, 100);
        int admitted = 0;
        for (int i = 0; i < 100; i++) {
            admitted += a.admit("10.0.0.1", "InvalidClientTokenId") ? 1 : 0;
            admitted += a.admit("10.0.0.1", "SignatureDoesNotMatch") ? 1 : 0;
            clock.advance(Duration.ofMillis(100));
        }
        assertThat(admitted).isEqualTo(6);
        a.flush();
        assertThat(summaries).as("the window is not over yet").isEmpty();

        clock.advance(Duration.ofMinutes(1));
        a.flush();
        assertThat(summaries).hasSize(1);
        AuditRecord summary = summaries.get(0);
        assertThat(summary.eventName()).isEqualTo(AuthFailureAggregator.SUMMARY_EVENT);
        assertThat(summary.sourceIp()).isEqualTo("10.0.0.1");
        JsonNode p = EventJson.parse(summary.requestParameters());
        assertThat(p.path("failures").asLong()).isEqualTo(194);
        assertThat(p.path("byErrorCode").path("InvalidClientTokenId").asLong()).isEqualTo(97);
        assertThat(p.path("byErrorCode").path("SignatureDoesNotMatch").asLong()).isEqualTo(97);
        assertThat(p.path("summary").asText()).startsWith("194 further authentication failures from 10.0.0.1 between ");
        assertThat(a.trackedSources()).isZero();
    }

    @Test
    void aNewWindowRecordsAgainAndSummarisesThePreviousOne() {
        AuthFailureAggregator a = aggregator(1, 100);
        assertThat(a.admit("10.0.0.2", "InvalidClientTokenId")).isTrue();
        assertThat(a.admit("10.0.0.2", "InvalidClientTokenId")).isFalse();
        clock.advance(Duration.ofMinutes(2));
        assertThat(a.admit("10.0.0.2", "InvalidClientTokenId")).isTrue();
        assertThat(summaries).hasSize(1);
        assertThat(EventJson.parse(summaries.get(0).requestParameters()).path("failures").asLong()).isEqualTo(1);
    }

    @Test
    void sourcesAreCountedApartAndNoSummaryIsWrittenWithoutSuppressedFailures() {
        AuthFailureAggregator a = aggregator(2, 100);
        assertThat(a.admit("10.0.0.3", "InvalidClientTokenId")).isTrue();
        assertThat(a.admit("10.0.0.4", "InvalidClientTokenId")).isTrue();
        a.flushAll();
        assertThat(summaries).isEmpty();
    }

    @Test
    void evictedSourcesAreSummarisedAtOnceSoNothingIsLost() {
        AuthFailureAggregator a = aggregator(0, 10);
        long failures = 0;
        for (int source = 0; source < 1000; source++) {
            for (int i = 0; i < 3; i++) {
                assertThat(a.admit("10.1." + (source / 256) + "." + (source % 256), "InvalidClientTokenId")).isFalse();
                failures++;
            }
        }
        assertThat(a.trackedSources()).isLessThanOrEqualTo(10);
        a.flushAll();
        long summarised = summaries.stream()
                .mapToLong(s -> EventJson.parse(s.requestParameters()).path("failures").asLong()).sum();
        assertThat(summarised).isEqualTo(failures);
    }

    @Test
    void errorCodesPerSourceAreBounded() {
        AuthFailureAggregator a = aggregator(0, 10);
        for (int i = 0; i < 100; i++) {
            a.admit("10.0.0.5", "Code" + i);
        }
        a.flushAll();
        JsonNode byCode = EventJson.parse(summaries.get(0).requestParameters()).path("byErrorCode");
        assertThat(byCode.size()).isLessThanOrEqualTo(AuthFailureAggregator.MAX_CODES + 1);
        long sum = 0;
        for (JsonNode n : byCode) {
            sum += n.asLong();
        }
        assertThat(sum).isEqualTo(100);
    }
}
