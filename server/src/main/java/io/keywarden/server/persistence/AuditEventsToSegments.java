package io.keywarden.server.persistence;

import io.keywarden.core.audit.AuditChain;
import io.keywarden.core.audit.AuditEvent;
import io.keywarden.core.audit.AuditRecord;
import io.keywarden.core.audit.AuditSegmentCodec;
import io.keywarden.core.identity.AccountId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The data part of migration V7: every account's events in {@code audit_events} (the one-row-per-event trail of
 * versions before segments) become segments, bounded as the store bounds its own (events and bytes), with their stored
 * hashes and chain positions exactly as they were (so a chain that was intact stays intact, and one that had been
 * tampered with still shows it); then the old table is dropped. Runs inside Flyway's transaction: all or nothing.
 */
public final class AuditEventsToSegments {
    private static final String COLUMNS = "seq, event_id, event_time, account_id, event_source, event_name, read_only,"
            + " principal_type, principal_arn, principal_id, user_name, access_key_id, source_ip, user_agent,"
            + " request_parameters, response_elements, error_code, error_message, request_id, http_status, prev_hash,"
            + " hash";

    private AuditEventsToSegments() {
    }

    /** Moves the rows; returns how many events were moved. */
    public static long migrate(Connection conn) throws SQLException {
        List<String> accounts = new ArrayList<>();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT DISTINCT account_id FROM audit_events ORDER BY account_id")) {
            while (rs.next()) {
                accounts.add(rs.getString(1));
            }
        }
        long moved = 0;
        try (JdbcAuditStore.Segments out = new JdbcAuditStore.Segments(conn);
             PreparedStatement ps = conn.prepareStatement("SELECT " + COLUMNS + " FROM audit_events"
                     + " WHERE account_id = ? AND seq > ? ORDER BY account_id, seq LIMIT "
                     + JdbcAuditStore.MAX_SEGMENT_EVENTS)) {
            for (String account : accounts) {
                AccountId id = new AccountId(account);
                AuditSegmentCodec.Writer writer = new AuditSegmentCodec.Writer(0, AuditChain.GENESIS);
                long after = 0;
                while (true) {
                    ps.setString(1, account);
                    ps.setLong(2, after);
                    List<AuditEvent> events = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            events.add(read(rs));
                        }
                    }
                    if (events.isEmpty()) {
                        break;
                    }
                    for (AuditEvent e : events) {
                        writer.appendChained(e);
                        out.addIfFull(id, writer);
                    }
                    moved += events.size();
                    after = events.get(events.size() - 1).seq();
                }
                out.addRest(id, writer);
            }
            out.flush();
        }
        try (Statement st = conn.createStatement()) {
            st.execute("DROP TABLE audit_events");
        }
        return moved;
    }

    private static AuditEvent read(ResultSet rs) throws SQLException {
        AuditRecord r = new AuditRecord(rs.getString("event_id"), Sql.getInstant(rs, "event_time"),
                rs.getString("account_id"), rs.getString("event_source"), rs.getString("event_name"),
                rs.getBoolean("read_only"), rs.getString("principal_type"), rs.getString("principal_arn"),
                rs.getString("principal_id"), rs.getString("user_name"), rs.getString("access_key_id"),
                rs.getString("source_ip"), rs.getString("user_agent"), rs.getString("request_parameters"),
                rs.getString("response_elements"), rs.getString("error_code"), rs.getString("error_message"),
                rs.getString("request_id"), rs.getInt("http_status"));
        return new AuditEvent(rs.getLong("seq"), r, rs.getString("prev_hash"), rs.getString("hash"));
    }
}
