package io.keywarden.server.metrics;

import io.keywarden.core.expiry.KeyExpiryService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class KeyExpiryMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final KeyExpiryMetrics metrics = new KeyExpiryMetrics(null, Clock.systemUTC(), registry);

    private double stage(String stage) {
        return registry.get("keywarden.keys.over.policy").tag("stage", stage).gauge().value();
    }

    @Test
    void theGaugesAreTheReportsCountsByStageAndARefreshReplacesThem() {
        metrics.update(new KeyExpiryService.Summary(10, 4, 2, 3, 1, 2, 2, 1, 1, 5, 6));
        assertThat(stage("warn")).isEqualTo(2);
        assertThat(stage("deactivate")).isEqualTo(2);
        assertThat(stage("delete")).isEqualTo(1);
        metrics.update(new KeyExpiryService.Summary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(stage("warn")).isZero();
        assertThat(stage("deactivate")).isZero();
        assertThat(stage("delete")).isZero();
    }
}
