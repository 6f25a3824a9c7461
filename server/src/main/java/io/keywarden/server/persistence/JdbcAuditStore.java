package io.keywarden.server.persistence;

import io.keywarden.core.audit.AuditChain;
import io.keywarden.core.audit.AuditEvent;
import io.keywarden.core.audit.AuditQuery;
import io.keywarden.core.audit.AuditRecord;
import io.keywarden.core.audit.AuditSegmentCodec;
import io.keywarden.core.audit.CloudTrailEvents;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.port.AuditStore;
import io.keywarden.core.port.Page;
import io.keywarden.core.port.PageRequest;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link AuditStore} over JDBC (H2 or PostgreSQL), in segments: an append chains its records after the account's head
 * and stores them as one row of {@code audit_segments} per run of up to {@value #MAX_SEGMENT_EVENTS} events (the
 * positions and times it covers; its events' canonical forms and hashes, {@link AuditSegmentCodec}, in a row of
 * {@code audit_segment_events}), with one row of {@code audit_segment_terms} per distinct
 * access key ID, user name and event name in it. Appending locks the account's row in {@code audit_chain_heads}
 * ({@code SELECT ... FOR UPDATE}) and moves it in the same transaction: nodes sharing the database append to one
 * linear chain, and a committed event is durable.
 *
 * <p>Why segments: every API call, reads included, appends an event; one row per event with an index per filter cost
 * the writer about 35 µs of CPU an event on H2 and held signed reads to a quarter of the HTTP stack's throughput
 * (docs/performance.md). A segment costs one encoding and one hash per event plus a few rows per batch. Look-ups read
 * the segments that can hold matches (by the term index, the positions and the time range), newest first, and
 * filter their events.
 */
@Singleton
public class JdbcAuditStore implements AuditStore {
    /** Events in one segment at most: bounds what a look-up decodes to find a page, and what a chain read skips. */
    static final int MAX_SEGMENT_EVENTS = 1_000;
    /** A segment is closed once it holds this many bytes (an event is at most about 100 KB). */
    static final int MAX_SEGMENT_BYTES = 512 * 1024;
    /**
     * Segments read per query: a look-up starts with one (a page of recent events is usually in the newest segment)
     * and doubles up to this many while it looks for more matches; verification reads this many at a time.
     */
    private static final int SEGMENTS_PER_QUERY = 8;
    private static final Logger LOG = LoggerFactory.getLogger(JdbcAuditStore.class);
    private static final String SEGMENT_INSERT = "INSERT INTO audit_segments"
            + " (account_id, first_seq, last_seq, event_count, min_time, max_time) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String EVENTS_INSERT =
            "INSERT INTO audit_segment_events (account_id, first_seq, events) VALUES (?, ?, ?)";
    /**
     * What the look-ups select of a segment row (alias {@code s}): where it starts. Its events are read only when
     * needed ({@link #events}), so that walking segment rows never drags their events along.
     */
    private static final String SEGMENT_KEY = "s.account_id, s.first_seq";
    /** Terms longer than the column (128) are not indexed: a look-up by one reads every segment in its range. */
    static final int MAX_TERM = 128;
    private static final String TERM_INSERT =
            "INSERT INTO audit_segment_terms (account_id, field, term, first_seq) VALUES (?, ?, ?, ?)";

    /**
     * The indexed fields of {@code audit_segment_terms}: {@code k} access key IDs (the signing key and the key a call
     * issued), {@code u} CloudTrail's user names, {@code n} event names, {@code r} resource names
     * ({@link CloudTrailEvents#resourceNames}).
     */
    private static final char[] TERM_FIELDS = {'k', 'u', 'n', 'r'};

    private final JdbcOperations jdbc;

    public JdbcAuditStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public List<AuditEvent> append(AccountId account, List<AuditRecord> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        return jdbc.execute(conn -> {
            Head head = lockHead(conn, account);
            AuditSegmentCodec.Writer writer = new AuditSegmentCodec.Writer(head.seq(), head.hash(),
                    Math.min(records.size(), MAX_SEGMENT_EVENTS) * 640);
            List<AuditEvent> events = new ArrayList<>(records.size());
            try (Segments out = new Segments(conn)) {
                for (AuditRecord r : records) {
                    if (!r.accountId().equals(account.value())) {
                        throw new IllegalArgumentException("record of account " + r.accountId() + " in a batch of "
                                + account);
                    }
                    events.add(writer.append(r));
                    out.addIfFull(account, writer);
                }
                out.addRest(account, writer);
                out.flush();
            }
            try (PreparedStatement ps = conn.prepareStatement(
                    "UPDATE audit_chain_heads SET last_seq = ?, last_hash = ? WHERE account_id = ?")) {
                ps.setLong(1, writer.seq());
                ps.setString(2, writer.prevHash());
                ps.setString(3, account.value());
                ps.executeUpdate();
            }
            return events;
        });
    }

    /**
     * Batched inserts of segments and their terms on one connection (also used by the migration that moved the
     * trail of earlier versions into segments).
     */
    static final class Segments implements AutoCloseable {
        private final PreparedStatement segments;
        private final PreparedStatement eventRows;
        private final PreparedStatement terms;
        private int pending;

        Segments(Connection conn) throws SQLException {
            this.segments = conn.prepareStatement(SEGMENT_INSERT);
            this.eventRows = conn.prepareStatement(EVENTS_INSERT);
            this.terms = conn.prepareStatement(TERM_INSERT);
        }

        /**
         * Adds the writer's current segment once it holds {@link #MAX_SEGMENT_EVENTS} events or
         * {@link #MAX_SEGMENT_BYTES} bytes (the writer goes on with the next).
         */
        void addIfFull(AccountId account, AuditSegmentCodec.Writer writer) throws SQLException {
            if (writer.segmentEventCount() >= MAX_SEGMENT_EVENTS || writer.segmentByteCount() >= MAX_SEGMENT_BYTES) {
                add(account, writer.finishSegment());
            }
        }

        /** Adds the writer's current segment, if it holds any event. */
        void addRest(AccountId account, AuditSegmentCodec.Writer writer) throws SQLException {
            if (writer.segmentEventCount() > 0) {
                add(account, writer.finishSegment());
            }
        }

        /** Adds a segment of consecutive events of one account. */
        private void add(AccountId account, AuditSegmentCodec.Segment segment) throws SQLException {
            List<AuditEvent> events = segment.events();
            byte[] bytes = segment.bytes();
            AuditEvent first = events.get(0);
            Instant min = first.record().eventTime();
            Instant max = min;
            Set<String> keys = new HashSet<>();
            Set<String> users = new HashSet<>();
            Set<String> names = new HashSet<>();
            Set<String> resources = new HashSet<>();
            for (AuditEvent e : events) {
                AuditRecord r = e.record();
                min = r.eventTime().isBefore(min) ? r.eventTime() : min;
                max = r.eventTime().isAfter(max) ? r.eventTime() : max;
                CloudTrailEvents.accessKeyIds(r).forEach(k -> addTerm(keys, k));
                addTerm(users, CloudTrailEvents.username(r));
                addTerm(names, r.eventName());
                CloudTrailEvents.resourceNames(r).forEach(n -> addTerm(resources, n));
            }
            segments.setString(1, account.value());
            segments.setLong(2, first.seq());
            segments.setLong(3, events.get(events.size() - 1).seq());
            segments.setInt(4, events.size());
            Sql.setInstant(segments, 5, min);
            Sql.setInstant(segments, 6, max);
            segments.addBatch();
            eventRows.setString(1, account.value());
            eventRows.setLong(2, first.seq());
            eventRows.setBytes(3, bytes);
            eventRows.addBatch();
            addTerms(account, 'k', keys, first.seq());
            addTerms(account, 'u', users, first.seq());
            addTerms(account, 'n', names, first.seq());
            addTerms(account, 'r', resources, first.seq());
            if (++pending >= 16) {
                flush();
            }
        }

        private static void addTerm(Set<String> terms, String value) {
            if (value != null && !value.isEmpty() && value.length() <= MAX_TERM) {
                terms.add(value);
            }
        }

        private void addTerms(AccountId account, char field, Set<String> values, long firstSeq) throws SQLException {
            for (String value : values) {
                terms.setString(1, account.value());
                terms.setString(2, String.valueOf(field));
                terms.setString(3, value);
                terms.setLong(4, firstSeq);
                terms.addBatch();
            }
        }

        void flush() throws SQLException {
            if (pending > 0) {
                segments.executeBatch();
                eventRows.executeBatch();
                terms.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            try (segments; eventRows; terms) {
                // nothing to do but close the three statements
            }
        }
    }

    /** The head row, locked until the transaction ends; created (seq 0, genesis hash) for the account's first event. */
    private static Head lockHead(Connection conn, AccountId account) throws SQLException {
        Head head = selectHeadForUpdate(conn, account);
        if (head != null) {
            return head;
        }
        Sql.inSavepoint(conn, () -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO audit_chain_heads (account_id, last_seq, last_hash) VALUES (?, 0, ?)")) {
                ps.setString(1, account.value());
                ps.setString(2, AuditChain.GENESIS);
                return ps.executeUpdate();
            }
        }, Sql.when(Sql::isUniqueViolation, 0)); // 0: another node created it first
        head = selectHeadForUpdate(conn, account);
        if (head == null) {
            throw new IllegalStateException("audit chain head of account " + account + " vanished");
        }
        return head;
    }

    private static Head selectHeadForUpdate(Connection conn, AccountId account) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT last_seq, last_hash FROM audit_chain_heads WHERE account_id = ? FOR UPDATE")) {
            ps.setString(1, account.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : null;
            }
        }
    }

    @Override
    @ReadOnly
    public Page<AuditEvent> lookup(AuditQuery q) {
        long before = Long.MAX_VALUE;
        String after = q.page().afterKey();
        if (after != null) {
            try {
                before = Long.parseLong(after);
            } catch (NumberFormatException e) {
                throw KeywardenException.of(ErrorCode.VALIDATION_ERROR, "invalid marker");
            }
        }
        // the most selective filter drives the query through the term index; the others are checked by EXISTS
        char driver = indexed(q, 'k') ? 'k' : indexed(q, 'r') ? 'r' : indexed(q, 'u') ? 'u' : indexed(q, 'n') ? 'n' : 0;
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        if (driver == 0) {
            sql.append("SELECT " + SEGMENT_KEY + " FROM audit_segments s WHERE s.account_id = ?");
            args.add(q.account().value());
        } else {
            sql.append("SELECT " + SEGMENT_KEY + " FROM audit_segment_terms t JOIN audit_segments s")
                    .append(" ON s.account_id = t.account_id AND s.first_seq = t.first_seq")
                    .append(" WHERE t.account_id = ? AND t.field = ? AND t.term = ?");
            args.add(q.account().value());
            args.add(String.valueOf(driver));
            args.add(termOf(q, driver));
        }
        for (char field : TERM_FIELDS) {
            String term = termOf(q, field);
            if (indexed(q, field) && field != driver) {
                sql.append(" AND EXISTS (SELECT 1 FROM audit_segment_terms o WHERE o.account_id = s.account_id")
                        .append(" AND o.field = ? AND o.term = ? AND o.first_seq = s.first_seq)");
                args.add(String.valueOf(field));
                args.add(term);
            }
        }
        if (q.from() != null) {
            sql.append(" AND s.max_time >= ?");
            args.add(q.from());
        }
        if (q.to() != null) {
            sql.append(" AND s.min_time < ?");
            args.add(q.to());
        }
        // the cursor: segments that start before the last one read; ORDER BY names the walked index's columns, so
        // that H2 reads it backwards instead of sorting
        sql.append(driver == 0 ? " AND s.first_seq < ? ORDER BY s.account_id DESC, s.first_seq DESC"
                : " AND t.first_seq < ? ORDER BY t.account_id DESC, t.field DESC, t.term DESC, t.first_seq DESC");
        sql.append(" LIMIT ");
        String query = sql.toString();
        int max = q.page().maxItems();
        List<AuditEvent> matches = new ArrayList<>(max + 1);
        long cursor = before;
        int batch = 1;
        pages:
        while (true) {
            List<Object> queryArgs = new ArrayList<>(args);
            queryArgs.add(cursor);
            List<Segment> segments = segments(query + batch, queryArgs);
            for (Segment segment : segments) {
                List<AuditEvent> events = events(segment);
                for (int i = events.size() - 1; i >= 0; i--) {
                    AuditEvent e = events.get(i);
                    if (e.seq() < before && q.matches(e.record()) && matches.add(e) && matches.size() > max) {
                        break pages;
                    }
                }
                cursor = segment.firstSeq();
            }
            if (segments.size() < batch) {
                break;
            }
            batch = Math.min(batch * 2, SEGMENTS_PER_QUERY);
        }
        if (matches.size() <= max) {
            return Page.complete(matches);
        }
        List<AuditEvent> items = matches.subList(0, max);
        return Page.of(items, PageRequest.markerFor(Long.toString(items.get(max - 1).seq())));
    }

    private static String termOf(AuditQuery q, char field) {
        return switch (field) {
            case 'k' -> q.accessKeyId();
            case 'u' -> q.userName();
            case 'n' -> q.eventName();
            case 'r' -> q.resourceName();
            default -> null;
        };
    }

    /** Whether the query filters by this field with a term the index holds. */
    private static boolean indexed(AuditQuery q, char field) {
        String term = termOf(q, field);
        return term != null && term.length() <= MAX_TERM;
    }

    @Override
    @ReadOnly
    public List<AuditEvent> chain(AccountId account, long afterSeq, int limit) {
        // from the segment that holds afterSeq + 1 (the last one starting at or before it) onwards
        Long start = jdbc.prepareStatement("SELECT MAX(first_seq) FROM audit_segments WHERE account_id = ?"
                + " AND first_seq <= ?", ps -> {
            ps.setString(1, account.value());
            ps.setLong(2, afterSeq + 1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L; // no segment yet: MAX is NULL, read as 0
            }
        });
        String query = "SELECT " + SEGMENT_KEY + " FROM audit_segments s"
                + " WHERE s.account_id = ? AND s.first_seq > ? ORDER BY s.account_id, s.first_seq LIMIT "
                + SEGMENTS_PER_QUERY;
        List<AuditEvent> out = new ArrayList<>(Math.min(limit, 10_000));
        long cursor = start - 1;
        while (out.size() < limit) {
            List<Segment> segments = segments(query, List.of(account.value(), cursor));
            for (Segment segment : segments) {
                for (AuditEvent e : events(segment)) {
                    if (e.seq() > afterSeq && out.size() < limit) {
                        out.add(e);
                    }
                }
                cursor = segment.firstSeq();
            }
            if (segments.size() < SEGMENTS_PER_QUERY) {
                break;
            }
        }
        return out;
    }

    /** A stored segment: its account and where it starts. */
    private record Segment(String account, long firstSeq) {
    }

    /**
     * A segment's events; none when its bytes were damaged (or removed) outside the application, so that a look-up
     * still answers and the verifier reports the segment's events as missing.
     */
    private List<AuditEvent> events(Segment segment) {
        byte[] bytes = jdbc.prepareStatement("SELECT events FROM audit_segment_events WHERE account_id = ?"
                + " AND first_seq = ?", ps -> {
            ps.setString(1, segment.account());
            ps.setLong(2, segment.firstSeq());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        });
        String problem;
        if (bytes == null) {
            problem = "its events are gone";
        } else {
            try {
                return AuditSegmentCodec.decode(bytes);
            } catch (AuditSegmentCodec.CorruptSegmentException e) {
                problem = e.getMessage();
            }
        }
        LOG.warn("audit segment of account {} starting at event {} is unreadable ({}): the audit trail was changed"
                + " outside Keywarden; verify it", segment.account(), segment.firstSeq(), problem);
        return List.of();
    }

    private List<Segment> segments(String sql, List<Object> args) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.size(); i++) {
                Object a = args.get(i);
                if (a instanceof Instant t) {
                    Sql.setInstant(ps, i + 1, t);
                } else {
                    ps.setObject(i + 1, a);
                }
            }
            List<Segment> out = new ArrayList<>(SEGMENTS_PER_QUERY);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Segment(rs.getString(1), rs.getLong(2)));
                }
            }
            return out;
        });
    }

    @Override
    @ReadOnly
    public java.util.Optional<io.keywarden.core.audit.AuditCheckpoint> checkpoint(AccountId account) {
        return JdbcAuditArchiveStore.selectCheckpoint(jdbc, account);
    }

    @Override
    @ReadOnly
    public Head head(AccountId account) {
        return jdbc.prepareStatement("SELECT last_seq, last_hash FROM audit_chain_heads WHERE account_id = ?", ps -> {
            ps.setString(1, account.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : new Head(0, AuditChain.GENESIS);
            }
        });
    }
}
