package io.keywarden.server.persistence;

import io.keywarden.core.notify.DeliveryAttempt;
import io.keywarden.core.notify.Webhook;
import io.keywarden.core.port.WebhookStore;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@link WebhookStore} over JDBC, and the outbox the deliveries wait in ({@code webhook_outbox}, V16): rows are added
 * in the caller's transaction ({@link #enqueue}), claimed one at a time by a conditional update ({@link #claim}: only
 * one node wins a row while its claim lasts), and closed with their outcome; every attempt is a row of the delivery
 * log ({@code webhook_attempts}).
 */
@Singleton
public class JdbcWebhookStore implements WebhookStore {
    private static final String COLUMNS = "webhook_id, account_id, url, events, create_date, update_date";

    /** A due delivery, as claimed. */
    public record Pending(String deliveryId, String account, String webhookId, String event, String payload,
                          int attempts) {
    }

    private final JdbcOperations jdbc;

    public JdbcWebhookStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void insert(Webhook w, String sealedSecret) {
        jdbc.prepareStatement("INSERT INTO webhooks (" + COLUMNS + ", sealed_secret) VALUES (?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setString(1, w.id());
                    ps.setString(2, w.account());
                    ps.setString(3, w.url());
                    ps.setString(4, String.join(",", w.events()));
                    Sql.setInstant(ps, 5, w.createDate());
                    Sql.setInstant(ps, 6, w.updateDate());
                    ps.setString(7, sealedSecret);
                    return ps.executeUpdate();
                });
    }

    @Override
    @ReadOnly
    public Optional<Webhook> find(String account, String id) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM webhooks WHERE account_id = ? AND webhook_id = ?",
                ps -> {
                    ps.setString(1, account);
                    ps.setString(2, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(webhook(rs)) : Optional.empty();
                    }
                });
    }

    @Override
    @ReadOnly
    public List<Webhook> list(String account) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM webhooks WHERE account_id = ?"
                + " ORDER BY create_date, webhook_id", ps -> {
            ps.setString(1, account);
            List<Webhook> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(webhook(rs));
                }
            }
            return out;
        });
    }

    @Override
    @Transactional
    public boolean update(Webhook w, String sealedSecretOrNull) {
        String sql = "UPDATE webhooks SET url = ?, events = ?, update_date = ?"
                + (sealedSecretOrNull != null ? ", sealed_secret = ?" : "") + " WHERE account_id = ? AND webhook_id = ?";
        return jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            ps.setString(i++, w.url());
            ps.setString(i++, String.join(",", w.events()));
            Sql.setInstant(ps, i++, w.updateDate());
            if (sealedSecretOrNull != null) {
                ps.setString(i++, sealedSecretOrNull);
            }
            ps.setString(i++, w.account());
            ps.setString(i, w.id());
            return ps.executeUpdate() == 1;
        });
    }

    @Override
    @Transactional
    public boolean delete(String account, String id) {
        return jdbc.execute(conn -> {
            for (String table : List.of("webhook_attempts", "webhook_outbox")) {
                try (PreparedStatement ps = conn.prepareStatement("DELETE FROM " + table
                        + " WHERE account_id = ? AND webhook_id = ?")) {
                    ps.setString(1, account);
                    ps.setString(2, id);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = conn.prepareStatement(
                    "DELETE FROM webhooks WHERE account_id = ? AND webhook_id = ?")) {
                ps.setString(1, account);
                ps.setString(2, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    @ReadOnly
    public List<DeliveryAttempt> attempts(String account, String webhookId, Long beforeSeq, int limit) {
        String sql = "SELECT seq, delivery_id, webhook_id, event, attempt, attempted_at, status_code, error,"
                + " duration_ms, outcome FROM webhook_attempts WHERE account_id = ? AND webhook_id = ?"
                + (beforeSeq != null ? " AND seq < ?" : "") + " ORDER BY seq DESC LIMIT " + Math.max(1, limit);
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, account);
            ps.setString(2, webhookId);
            if (beforeSeq != null) {
                ps.setLong(3, beforeSeq);
            }
            List<DeliveryAttempt> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int status = rs.getInt("status_code");
                    Integer statusCode = rs.wasNull() ? null : status;
                    out.add(new DeliveryAttempt(rs.getLong("seq"), rs.getString("delivery_id"),
                            rs.getString("webhook_id"), rs.getString("event"), rs.getInt("attempt"),
                            Sql.getInstant(rs, "attempted_at"), statusCode, rs.getString("error"),
                            rs.getLong("duration_ms"), rs.getString("outcome")));
                }
            }
            return out;
        });
    }

    /** The sealed secret of a webhook (for signing a delivery), if it still exists. */
    @ReadOnly
    public Optional<Sealed> sealedSecret(String account, String id) {
        return jdbc.prepareStatement("SELECT url, sealed_secret FROM webhooks WHERE account_id = ? AND webhook_id = ?",
                ps -> {
                    ps.setString(1, account);
                    ps.setString(2, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(new Sealed(rs.getString("url"), rs.getString("sealed_secret")))
                                : Optional.empty();
                    }
                });
    }

    /** Where a webhook delivers and its secret, sealed. */
    public record Sealed(String url, String sealedSecret) {
    }

    // ---------------------------------------------------------------- the outbox

    /** Adds a delivery in the current transaction (or its own when there is none). */
    @Transactional
    public void enqueue(String deliveryId, String account, String webhookId, String event, String payload,
                        Instant now) {
        jdbc.prepareStatement("INSERT INTO webhook_outbox (delivery_id, account_id, webhook_id, event, payload,"
                + " created_at, state, attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?)", ps -> {
            ps.setString(1, deliveryId);
            ps.setString(2, account);
            ps.setString(3, webhookId);
            ps.setString(4, event);
            ps.setString(5, payload);
            Sql.setInstant(ps, 6, now);
            Sql.setInstant(ps, 7, now);
            return ps.executeUpdate();
        });
    }

    /** IDs of deliveries due now and not claimed by a live claim, oldest first. */
    @ReadOnly
    public List<String> due(Instant now, int limit) {
        return jdbc.prepareStatement("SELECT delivery_id FROM webhook_outbox WHERE state = 'pending'"
                + " AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)"
                + " ORDER BY next_attempt_at, delivery_id LIMIT " + Math.max(1, limit), ps -> {
            Sql.setInstant(ps, 1, now);
            Sql.setInstant(ps, 2, now);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /**
     * Claims a delivery for {@code node} until {@code until}: one conditional update, so of two nodes racing for a row
     * only one wins (PostgreSQL re-checks the condition on the row the winner committed; H2 locks the row); a claim
     * that expired (its node died) can be taken over. The condition repeats everything {@link #due} checked, so a
     * node acting on a list read before another node delivered the row (or scheduled its retry) claims nothing.
     */
    @Transactional
    public Optional<Pending> claim(String deliveryId, String node, Instant now, Instant until) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("UPDATE webhook_outbox SET claimed_by = ?,"
                    + " claimed_until = ? WHERE delivery_id = ? AND state = 'pending' AND next_attempt_at <= ?"
                    + " AND (claimed_until IS NULL OR claimed_until < ?)")) {
                ps.setString(1, node);
                Sql.setInstant(ps, 2, until);
                ps.setString(3, deliveryId);
                Sql.setInstant(ps, 4, now);
                Sql.setInstant(ps, 5, now);
                if (ps.executeUpdate() != 1) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement ps = conn.prepareStatement("SELECT delivery_id, account_id, webhook_id, event,"
                    + " payload, attempts FROM webhook_outbox WHERE delivery_id = ?")) {
                ps.setString(1, deliveryId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Optional.of(new Pending(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getInt(6)));
                }
            }
        });
    }

    /**
     * Records an attempt and moves the delivery on: {@code nextAttemptAt} null closes it (as {@code outcome}),
     * otherwise it waits for that time; the claim is released either way. Only the node that still holds the claim
     * moves the delivery: had its claim expired and another node taken the row over, the attempt is logged and the
     * row left to that node. Answers whether the delivery was moved on.
     */
    @Transactional
    public boolean finish(Pending p, String node, DeliveryAttempt attempt, Instant nextAttemptAt) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO webhook_attempts (account_id, webhook_id,"
                    + " delivery_id, event, attempt, attempted_at, status_code, error, duration_ms, outcome)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, p.account());
                ps.setString(2, p.webhookId());
                ps.setString(3, p.deliveryId());
                ps.setString(4, p.event());
                ps.setInt(5, attempt.attempt());
                Sql.setInstant(ps, 6, attempt.attemptedAt());
                if (attempt.statusCode() == null) {
                    ps.setNull(7, Types.INTEGER);
                } else {
                    ps.setInt(7, attempt.statusCode());
                }
                ps.setString(8, attempt.error() == null ? null
                        : attempt.error().substring(0, Math.min(512, attempt.error().length())));
                ps.setLong(9, attempt.durationMillis());
                ps.setString(10, attempt.outcome());
                ps.executeUpdate();
            }
            boolean closed = nextAttemptAt == null;
            try (PreparedStatement ps = conn.prepareStatement("UPDATE webhook_outbox SET attempts = ?, state = ?,"
                    + " next_attempt_at = ?, done_at = ?, claimed_by = NULL, claimed_until = NULL"
                    + " WHERE delivery_id = ? AND state = 'pending' AND claimed_by = ?")) {
                ps.setInt(1, attempt.attempt());
                ps.setString(2, closed ? attempt.outcome() : "pending");
                Sql.setInstant(ps, 3, closed ? attempt.attemptedAt() : nextAttemptAt);
                Sql.setInstant(ps, 4, closed ? attempt.attemptedAt() : null);
                ps.setString(5, p.deliveryId());
                ps.setString(6, node);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Drops a delivery whose webhook was deleted meanwhile. */
    @Transactional
    public void drop(String deliveryId) {
        jdbc.prepareStatement("DELETE FROM webhook_outbox WHERE delivery_id = ?", ps -> {
            ps.setString(1, deliveryId);
            return ps.executeUpdate();
        });
    }

    /** What one retention run deleted. */
    public record Pruned(long deliveries, long attempts) {
    }

    /**
     * Deletes, in batches of {@code batch} rows (one transaction each), the deliveries that closed (delivered or given
     * up) before {@code cutoff} and the delivery-log rows of attempts made before it, except the attempts of a
     * delivery still pending: a pending delivery and its log are never deleted, however old.
     */
    public Pruned prune(Instant cutoff, int batch) {
        int limit = Math.max(1, batch);
        long deliveries = 0;
        long attempts = 0;
        int n;
        do {
            n = deleteBatch("DELETE FROM webhook_outbox WHERE delivery_id IN (SELECT delivery_id FROM webhook_outbox"
                    + " WHERE state IN ('delivered', 'failed') AND done_at < ? ORDER BY done_at LIMIT " + limit + ")",
                    cutoff);
            deliveries += n;
        } while (n == limit);
        do {
            n = deleteBatch("DELETE FROM webhook_attempts WHERE seq IN (SELECT a.seq FROM webhook_attempts a"
                    + " WHERE a.attempted_at < ? AND NOT EXISTS (SELECT 1 FROM webhook_outbox o"
                    + " WHERE o.delivery_id = a.delivery_id AND o.state = 'pending') ORDER BY a.seq LIMIT " + limit
                    + ")", cutoff);
            attempts += n;
        } while (n == limit);
        return new Pruned(deliveries, attempts);
    }

    /** One batch of {@link #prune} in its own transaction (public for the transaction advice). */
    @Transactional
    public int deleteBatch(String sql, Instant cutoff) {
        return jdbc.prepareStatement(sql, ps -> {
            Sql.setInstant(ps, 1, cutoff);
            return ps.executeUpdate();
        });
    }

    /** Deliveries by state (for metrics and tests). */
    @ReadOnly
    public long count(String state) {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM webhook_outbox WHERE state = ?", ps -> {
            ps.setString(1, state);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static Webhook webhook(ResultSet rs) throws SQLException {
        return new Webhook(rs.getString("webhook_id"), rs.getString("account_id"), rs.getString("url"),
                Arrays.asList(rs.getString("events").split(",")), Sql.getInstant(rs, "create_date"),
                Sql.getInstant(rs, "update_date"));
    }
}
