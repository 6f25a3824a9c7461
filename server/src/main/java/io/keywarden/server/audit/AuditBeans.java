package io.keywarden.server.audit;

import io.keywarden.core.identity.Account;
import io.keywarden.server.settings.KeywardenConfig;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/** The audit trail's helpers that are not the writer itself. */
@Factory
public class AuditBeans {
    /**
     * The aggregator of refused unauthenticated requests; its summaries go to the writer without being waited for,
     * the windows that are over are summarised every tenth of a window (at most every 10 s), and what is pending at
     * shutdown is written before the writer stops.
     */
    @Singleton
    @Bean(preDestroy = "flushAll")
    AuthFailureAggregator authFailureAggregator(KeywardenConfig.Audit config, AuditWriter writer, Account account,
                                                Clock clock, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        AuthFailureAggregator aggregator = new AuthFailureAggregator(config.getAuthFailuresPerWindow(),
                config.getAuthFailureWindow(), config.getAuthFailureSources(), clock, account.id().value(),
                writer::submit, () -> UUID.randomUUID().toString());
        Duration every = config.getAuthFailureWindow().dividedBy(10);
        if (every.compareTo(Duration.ofSeconds(10)) > 0) {
            every = Duration.ofSeconds(10);
        }
        if (every.compareTo(Duration.ofMillis(100)) < 0) {
            every = Duration.ofMillis(100);
        }
        scheduler.scheduleWithFixedDelay(every, every, aggregator::flush);
        return aggregator;
    }
}
