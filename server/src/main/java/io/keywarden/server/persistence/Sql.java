package io.keywarden.server.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Small JDBC helpers shared by the stores: UTC timestamps and unique-violation detection. */
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
