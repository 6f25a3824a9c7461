package io.keywarden.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

/** A registry that records nothing, for when metrics are switched off ({@code micronaut.metrics.enabled=false}). */
@Factory
public class MetricsBeans {
    @Singleton
    @Secondary
    @Requires(property = "micronaut.metrics.enabled", value = "false")
    MeterRegistry noMetrics() {
        return new CompositeMeterRegistry();
    }
}
