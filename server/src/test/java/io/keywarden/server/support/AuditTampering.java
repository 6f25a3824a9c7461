package io.keywarden.server.support;

import io.keywarden.core.audit.AuditEvent;
import io.keywarden.core.audit.AuditRecord;
import io.keywarden.core.audit.AuditSegmentCodec;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What someone with write access to the database could do to the audit trail, for tests that prove the verifier sees
 * it: change an event inside its stored segment (keeping its stored hash), or remove an event from its segment.
 */
public final class AuditTampering {
    private AuditTampering() {
    }

    /** Rewrites the segment holding event {@code seq} with that event's record changed (its hash left as stored). */
    public static void change(Connection c, String account, long seq, UnaryOperator<AuditRecord> change)
            throws SQLException {
        rewrite(c, account, seq, e -> new AuditEvent(e.seq(), change.apply(e.record()), e.prevHash(), e.hash()));
    }

    /** Rewrites the segment holding event {@code seq} without that event. */
    public static void remove(Connection c, String account, long seq) throws SQLException {
        rewrite(c, account, seq, e -> null);
    }

    /** The record as it would be had the call succeeded: no error, HTTP 200. */
    public static AuditRecord asSuccess(AuditRecord r) {
        return new AuditRecord(r.eventId(), r.eventTime(), r.accountId(), r.eventSource(), r.eventName(),
                r.readOnly(), r.principalType(), r.principalArn(), r.principalId(), r.userName(), r.accessKeyId(),
                r.sourceIp(), r.userAgent(), r.requestParameters(), r.responseElements(), null, null, r.requestId(),
                200);
    }

    private static void rewrite(Connection c, String account, long seq, UnaryOperator<AuditEvent> change)
            throws SQLException {
        long firstSeq;
        byte[] bytes;
        try (PreparedStatement ps = c.prepareStatement("SELECT s.first_seq, e.events FROM audit_segments s"
                + " JOIN audit_segment_events e ON e.account_id = s.account_id AND e.first_seq = s.first_seq"
                + " WHERE s.account_id = ? AND s.first_seq <= ? AND s.last_seq >= ?")) {
            ps.setString(1, account);
            ps.setLong(2, seq);
            ps.setLong(3, seq);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no segment holds event " + seq);
                }
                firstSeq = rs.getLong(1);
                bytes = rs.getBytes(2);
            }
        }
        List<AuditEvent> events = new ArrayList<>();
        for (AuditEvent e : AuditSegmentCodec.decode(bytes)) {
            AuditEvent kept = e.seq() == seq ? change.apply(e) : e;
            if (kept != null) {
                events.add(kept);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE audit_segment_events SET events = ? WHERE account_id = ? AND first_seq = ?")) {
            ps.setBytes(1, AuditSegmentCodec.encode(events));
            ps.setString(2, account);
            ps.setLong(3, firstSeq);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("segment at " + firstSeq + " not rewritten");
            }
        }
    }
}
