package db.migration;

import io.keywarden.server.persistence.AuditEventsToSegments;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Moves the audit trail of earlier versions (one row per event in {@code audit_events}) into segments (V6) and drops
 * the old table. A Java migration because the segments' bytes are the events' canonical forms, which SQL cannot write;
 * Flyway finds it beside the SQL migrations ({@code classpath:db/migration}) and runs it in its own transaction.
 */
public class V7__AuditEventsToSegments extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        AuditEventsToSegments.migrate(context.getConnection());
    }
}
