package io.keywarden.server.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The one query behind the key-hygiene gauges: the live keys' status, age, last use and whether root owns them. */
@Singleton
public class JdbcKeyHygiene {
    /** A live access key as the gauges see it. */
    public record KeyFacts(boolean active, boolean root, Instant created, Instant lastUsed) {
        public long ageDays(Instant now) {
            return Duration.between(created, now).toDays();
        }
    }

    private final JdbcOperations jdbc;

    public JdbcKeyHygiene(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @ReadOnly
    public List<KeyFacts> liveKeys() {
        return jdbc.prepareStatement("SELECT status, owner_id = account_id AS is_root, create_date, last_used_date"
                + " FROM access_keys WHERE deleted_at IS NULL", ps -> {
            List<KeyFacts> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new KeyFacts("Active".equals(rs.getString(1)), rs.getBoolean(2),
                            Sql.getInstant(rs, "create_date"), Sql.getInstant(rs, "last_used_date")));
                }
            }
            return out;
        });
    }
}
