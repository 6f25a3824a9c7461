package io.keywarden.server.metrics;

import io.keywarden.core.audit.AuditRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Counters fed by committed audit events (docs/operations.md): sessions issued by kind
 * ({@code keywarden.sessions.issued}) and denials by error code ({@code keywarden.authorization.denials}: an
 * authenticated caller was refused). Authentication failures are counted by the authentication filter
 * ({@code keywarden.auth.failures}); webhook deliveries by the dispatcher.
 */
@Singleton
public class SecurityMetrics {
    private final MeterRegistry registry;

    public SecurityMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void observe(List<AuditRecord> records) {
        for (AuditRecord r : records) {
            if (r.errorCode() == null) {
                if (r.eventName().equals("GetSessionToken")) {
                    sessions("session_token");
                } else if (r.eventName().equals("AssumeRole")) {
                    sessions("assumed_role");
                }
            } else if (r.principalArn() != null && r.errorCode().startsWith("AccessDenied")) {
                Counter.builder("keywarden.authorization.denials").tag("code", r.errorCode())
                        .description("requests of authenticated callers refused by policy, by error code")
                        .register(registry).increment();
            }
        }
    }

    private void sessions(String kind) {
        Counter.builder("keywarden.sessions.issued").tag("kind", kind)
                .description("temporary credentials issued, by kind").register(registry).increment();
    }
}
