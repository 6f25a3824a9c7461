package io.keywarden.server.persistence;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.port.CredentialReportStore;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * {@link CredentialReportStore} over JDBC (H2 or PostgreSQL): one row per account, the latest report, replaced by
 * each generation. The replacement is an UPDATE, or an INSERT for the first report; when two nodes insert the first
 * report at once, the loser updates the winner's row (the later report wins, as with two updates).
 */
@Singleton
public class JdbcCredentialReportStore implements CredentialReportStore {
    private final JdbcOperations jdbc;

    public JdbcCredentialReportStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void save(AccountId account, StoredReport report) {
        jdbc.execute(conn -> {
            if (update(conn, account, report) > 0) {
                return null;
            }
            boolean inserted = Sql.inSavepoint(conn, () -> {
                try (PreparedStatement ps = conn.prepareStatement(
                        "INSERT INTO credential_reports (account_id, generated_time, content) VALUES (?, ?, ?)")) {
                    ps.setString(1, account.value());
                    Sql.setInstant(ps, 2, report.generatedTime());
                    ps.setBytes(3, report.csv());
                    ps.executeUpdate();
                    return true;
                }
            }, Sql.when(Sql::isUniqueViolation, false));
            if (!inserted) {
                update(conn, account, report); // another node inserted the account's row first
            }
            return null;
        });
    }

    private static int update(Connection conn, AccountId account, StoredReport report) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "UPDATE credential_reports SET generated_time = ?, content = ? WHERE account_id = ?")) {
            Sql.setInstant(ps, 1, report.generatedTime());
            ps.setBytes(2, report.csv());
            ps.setString(3, account.value());
            return ps.executeUpdate();
        }
    }

    @Override
    @ReadOnly
    public Optional<StoredReport> latest(AccountId account) {
        return jdbc.prepareStatement(
                "SELECT generated_time, content FROM credential_reports WHERE account_id = ?", ps -> {
                    ps.setString(1, account.value());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.empty();
                        }
                        return Optional.of(new StoredReport(Sql.getInstant(rs, "generated_time"),
                                rs.getBytes("content")));
                    }
                });
    }
}
