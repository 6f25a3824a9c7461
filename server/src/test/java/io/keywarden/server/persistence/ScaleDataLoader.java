package io.keywarden.server.persistence;

import io.keywarden.core.crypto.SecretSealer;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.UniqueIds;
import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.keys.SecretAccessKey;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Loads many users with two access keys each, quickly: JDBC batch inserts into the stores' tables (the same columns
 * {@link JdbcUserStore} and {@link JdbcAccessKeyStore} write, secrets sealed by the server's {@link SecretSealer} so
 * that every key works), in transactions of 5,000 rows. The stores' own {@code insert} (one transaction and commit per
 * row, the per-user slot check) would take minutes for 300,000 rows.
 *
 * <p>Shape: users {@code user-000001}... , half under path {@code /}, the rest under {@code /team-0/} to
 * {@code /team-19/}; key 1 Active, key 2 Active for nine users in ten and Inactive for the tenth; half the keys with a
 * last-used record.
 */
final class ScaleDataLoader {
    private static final int BATCH = 1_000;
    private static final int COMMIT_EVERY = 5_000;

    record Loaded(List<String> userNames, List<String> keyIds) {
    }

    private final DataSource dataSource;
    private final AccountId account;
    private final SecretSealer sealer;
    private final SecureRandom random;

    ScaleDataLoader(DataSource dataSource, AccountId account, SecretSealer sealer, SecureRandom random) {
        this.dataSource = dataSource;
        this.account = account;
        this.sealer = sealer;
        this.random = random;
    }

    Loaded load(int users) throws SQLException {
        List<String> names = new ArrayList<>(users);
        List<String> keyIds = new ArrayList<>(2 * users);
        Instant base = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofDays(400));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement user = c.prepareStatement(
                    "INSERT INTO users (" + UserRow.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)");
                 PreparedStatement key = c.prepareStatement("INSERT INTO access_keys (access_key_id, account_id,"
                         + " owner_id, owner_name, status, create_date, sealed_secret, slot, last_used_date,"
                         + " last_used_service, last_used_region, sealed_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= users; i++) {
                    String name = String.format(Locale.ROOT, "user-%06d", i);
                    String userId = UniqueIds.generate("AIDA", random);
                    Instant created = base.plus(Duration.ofMinutes(i));
                    user.setString(1, account.value());
                    user.setString(2, userId);
                    user.setString(3, name);
                    user.setString(4, name.toLowerCase(Locale.ROOT));
                    user.setString(5, i % 2 == 0 ? "/" : "/team-" + (i % 20) + "/");
                    Sql.setInstant(user, 6, created);
                    user.addBatch();
                    names.add(name);
                    for (int slot = 1; slot <= 2; slot++) {
                        AccessKeyId id = AccessKeyId.generate(account, random);
                        KeyStatus status = slot == 2 && i % 10 == 0 ? KeyStatus.INACTIVE : KeyStatus.ACTIVE;
                        key.setString(1, id.value());
                        key.setString(2, account.value());
                        key.setString(3, userId);
                        key.setString(4, name);
                        key.setString(5, status.wireName());
                        Sql.setInstant(key, 6, created.plus(Duration.ofDays(slot * 30L)));
                        key.setString(7, sealer.seal(id, SecretAccessKey.generate(random)));
                        key.setInt(8, slot);
                        boolean used = (i + slot) % 2 == 0;
                        Sql.setInstant(key, 9, used ? created.plus(Duration.ofDays(60 + slot)) : null);
                        key.setString(10, used ? "iam" : null);
                        key.setString(11, used ? "us-east-1" : null);
                        key.setInt(12, sealer.currentVersion());
                        key.addBatch();
                        keyIds.add(id.value());
                    }
                    if (i % BATCH == 0 || i == users) {
                        user.executeBatch();
                        key.executeBatch();
                    }
                    if (i % COMMIT_EVERY == 0 || i == users) {
                        c.commit();
                    }
                }
            }
            // as after any bulk load: fresh planner statistics (PostgreSQL otherwise planned the first pages on the
            // statistics of empty tables until autovacuum caught up; H2 accepts the same statement)
            c.setAutoCommit(true);
            try (java.sql.Statement analyze = c.createStatement()) {
                analyze.execute("ANALYZE");
            }
        }
        return new Loaded(names, keyIds);
    }
}
