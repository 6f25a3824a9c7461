package io.keywarden.server.notify;

import io.keywarden.core.audit.AuditEvent;
import io.keywarden.core.audit.AuditQuery;
import io.keywarden.core.audit.AuditRecord;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.notify.AuditNotifications;
import io.keywarden.core.notify.Notification;
import io.keywarden.core.notify.Notifications;
import io.keywarden.core.port.AuditStore;
import io.keywarden.core.port.Page;
import io.keywarden.server.metrics.SecurityMetrics;
import io.keywarden.server.persistence.JdbcAuditStore;
import io.micronaut.context.annotation.Primary;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.List;

/**
 * The audit trail, with what follows from its events: the notifications they call for ({@link AuditNotifications})
 * are written to the outbox <em>in the transaction that appends the events</em>, so an event committed is an event
 * announced (at least once), and a batch that fails to commit announces nothing. Once committed, the events feed the
 * security metrics ({@link SecurityMetrics}).
 */
@Singleton
@Primary
public class NotifyingAuditStore implements AuditStore {
    private final JdbcAuditStore trail;
    private final AuditNotifications derive;
    private final Notifications outbox;
    private final TransactionOperations<Connection> tx;
    private final SecurityMetrics metrics;

    public NotifyingAuditStore(JdbcAuditStore trail, AuditNotifications derive, OutboxNotifications outbox,
                               TransactionOperations<Connection> tx, SecurityMetrics metrics) {
        this.trail = trail;
        this.derive = derive;
        this.outbox = outbox;
        this.tx = tx;
        this.metrics = metrics;
    }

    @Override
    public List<AuditEvent> append(AccountId account, List<AuditRecord> records) {
        List<Notification> notifications = derive.of(records);
        List<AuditEvent> events = tx.executeWrite(status -> {
            List<AuditEvent> appended = trail.append(account, records);
            notifications.forEach(outbox::publish);
            return appended;
        });
        metrics.observe(records);
        return events;
    }

    @Override
    public Page<AuditEvent> lookup(AuditQuery query) {
        return trail.lookup(query);
    }

    @Override
    public List<AuditEvent> chain(AccountId account, long afterSeq, int limit) {
        return trail.chain(account, afterSeq, limit);
    }

    @Override
    public Head head(AccountId account) {
        return trail.head(account);
    }

    @Override
    public java.util.Optional<io.keywarden.core.audit.AuditCheckpoint> checkpoint(AccountId account) {
        return trail.checkpoint(account);
    }
}
