package io.keywarden.server.metrics;

import io.keywarden.server.audit.AuditWriter;
import io.keywarden.server.auth.LastUsedRecorder;
import io.keywarden.server.cluster.ChangeFeed;
import io.keywarden.server.settings.KeywardenConfig;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code keywarden} check of {@code /health} (next to the database's {@code jdbc} check): DOWN when the change
 * feed has not read the change log for 20 poll intervals (so this node might miss another node's key changes, see
 * docs/operations.md), with the audit writer's queue and the last-used flush lag as details.
 */
@Singleton
public class KeywardenHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final ChangeFeed feed;
    private final AuditWriter audit;
    private final LastUsedRecorder lastUsed;
    private final Duration staleAfter;
    private final Clock clock;

    public KeywardenHealthIndicator(ChangeFeed feed, AuditWriter audit, LastUsedRecorder lastUsed,
                                    KeywardenConfig.Cluster cluster, Clock clock) {
        this.feed = feed;
        this.audit = audit;
        this.lastUsed = lastUsed;
        this.staleAfter = cluster.getPollInterval().multipliedBy(20).plusSeconds(1);
        this.clock = clock;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Duration sincePoll = Duration.between(feed.lastPoll(), clock.instant());
        healthStatus = sincePoll.compareTo(staleAfter) > 0 ? HealthStatus.DOWN : HealthStatus.UP;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("changeFeedLastReadMillisAgo", Math.max(0, sincePoll.toMillis()));
        details.put("auditEventsQueued", audit.queued());
        details.put("lastUsedFlushLagMillis", lastUsed.flushLag().toMillis());
        return details;
    }

    @Override
    public String getName() {
        return "keywarden";
    }
}
