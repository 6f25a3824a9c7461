package io.keywarden.server.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Predicate;

/** Small JDBC helpers shared by the stores: UTC timestamps, constraint-violation detection, savepoints. */
final class Sql {
    /** SQLSTATE of a unique (or primary key) violation, the same on H2 and PostgreSQL. */
    static final String UNIQUE_VIOLATION = "23505";
    /**
     * SQLSTATE of a foreign key violation: PostgreSQL says 23503 for both sides; H2 says 23503 when a referenced row
     * is deleted and 23506 when an inserted row references a missing one.
     */
    static final String FOREIGN_KEY_VIOLATION = "23503";
    static final String H2_FOREIGN_KEY_PARENT_MISSING = "23506";

    private Sql() {
    }

    static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, instant.atOffset(ZoneOffset.UTC));
        }
    }

    static Instant getInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static boolean isUniqueViolation(Throwable t) {
        return hasState(t, UNIQUE_VIOLATION);
    }

    static boolean isForeignKeyViolation(Throwable t) {
        return hasState(t, FOREIGN_KEY_VIOLATION) || hasState(t, H2_FOREIGN_KEY_PARENT_MISSING);
    }

    private static boolean hasState(Throwable t, String state) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** A statement (or a few) on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    /** What to answer instead when {@link Work} failed: a result, or the error thrown on. */
    @FunctionalInterface
    interface Recovery<T> {
        T recover(SQLException error) throws SQLException;
    }

    /**
     * Runs {@code work} inside a savepoint of the current transaction. When it fails, the transaction is rolled back
     * to the savepoint, so that it can go on (PostgreSQL refuses every further statement of a transaction after an
     * error), and {@code recovery} answers instead: typically a constraint violation that a concurrent writer caused,
     * which the caller turns into a result ({@link #when}), any other error thrown on.
     */
    static <T> T inSavepoint(Connection conn, Work<T> work, Recovery<T> recovery) throws SQLException {
        Savepoint savepoint = conn.setSavepoint();
        try {
            return work.run();
        } catch (SQLException e) {
            conn.rollback(savepoint);
            return recovery.recover(e);
        }
    }

    /** A {@link Recovery} that answers {@code result} for the violations {@code kind} accepts and throws the rest. */
    static <T> Recovery<T> when(Predicate<Throwable> kind, T result) {
        return e -> {
            if (kind.test(e)) {
                return result;
            }
            throw e;
        };
    }

    /** {@code value} escaped for a {@code LIKE ... ESCAPE '\'} pattern. */
    static String escapeLike(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 4);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '%' || c == '_') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
