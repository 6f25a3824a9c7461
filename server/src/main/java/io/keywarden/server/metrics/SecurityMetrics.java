package io.keywarden.server.metrics;

import io.keywarden.core.audit.AuditRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Counters fed by committed audit events (docs/operations.md): sessions issued by kind
 * ({@code keywarden.sessions.issued}), authentication failures by error code
 * ({@code keywarden.authentication.failures}: the caller could not be authenticated) and denials by error code
 * ({@code keywarden.authorization.denials}: an authenticated caller was refused). Webhook deliveries are counted by
 * the dispatcher.
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
            } else if ("Unknown".equals(r.principalType()) || r.principalArn() == null) {
                Counter.builder("keywarden.authentication.failures").tag("code", r.errorCode())
                        .description("requests whose caller could not be authenticated, by error code")
                        .register(registry).increment();
            } else if (r.errorCode().startsWith("AccessDenied")) {
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
