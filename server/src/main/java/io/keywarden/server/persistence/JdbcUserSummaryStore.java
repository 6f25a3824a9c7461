package io.keywarden.server.persistence;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.port.UserSummaryStore;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link UserSummaryStore} over JDBC (H2 or PostgreSQL): one statement per page. By name and by creation date the
 * statement walks an index ({@code users_name_uk}; {@code users_create_date_ix}, V19) and stops after the page; the
 * other orders compute each user's value (one grouped pass over the account's keys, or its login profiles, joined to
 * its users) and sort the account's users, which costs time in proportion to the number of users (measured in
 * {@code UserSummariesScaleTest}).
 */
@Singleton
public class JdbcUserSummaryStore implements UserSummaryStore {
    private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final JdbcOperations jdbc;

    public JdbcUserSummaryStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @ReadOnly
    public List<Entry> page(AccountId account, Query q) {
        boolean nameDescending = q.descending();
        boolean valueDescending = q.descending() != q.sort().reversed();
        String nameDir = nameDescending ? " DESC" : "";
        String valueDir = valueDescending ? " DESC" : "";
        String prefix = q.namePrefix() == null ? "" : " AND name_key LIKE ? ESCAPE '\\'";
        String sql;
        // The limit is written into the statement (see JdbcUserStore.list: PostgreSQL's generic plan otherwise
        // stops counting on stopping early).
        String limit = " LIMIT " + q.limit();
        if (q.sort() == Sort.USER_NAME) {
            String after = q.after() == null ? (nameDescending ? "" : " AND name_key >= ''")
                    : " AND name_key " + (nameDescending ? "<" : ">") + " ?";
            sql = "SELECT " + UserRow.COLUMNS + " FROM users WHERE account_id = ?" + prefix + after
                    + " ORDER BY account_id" + nameDir + ", name_key" + nameDir + limit;
        } else {
            String keyset = q.after() == null ? "" : " AND (sort_value " + (valueDescending ? "<" : ">")
                    + " ? OR (sort_value = ? AND name_key " + (nameDescending ? "<" : ">") + " ?))";
            if (q.sort() == Sort.CREATE_DATE) {
                // straight on the table, so that the (account_id, create_date, name_key) index serves order and stop
                sql = "SELECT " + UserRow.COLUMNS + ", create_date AS sort_value FROM users WHERE account_id = ?"
                        + prefix + keyset.replace("sort_value", "create_date")
                        + " ORDER BY account_id" + valueDir + ", create_date" + valueDir + ", name_key" + nameDir
                        + limit;
            } else {
                // one pass over the account's keys (or login profiles), grouped by owner and joined to its users:
                // a correlated sub-query per user costs an index look-up per user instead
                sql = "SELECT * FROM (SELECT u.account_id, u.user_id, u.user_name, u.name_key, u.path, u.create_date, "
                        + none("x.v", q.sort()) + " AS sort_value FROM users u LEFT JOIN (" + perOwner(q.sort())
                        + ") x ON x.owner_id = u.user_id WHERE u.account_id = ?" + prefix.replace("name_key", "u.name_key")
                        + ") t WHERE 1 = 1" + keyset + " ORDER BY sort_value" + valueDir + ", name_key" + nameDir + limit;
            }
        }
        return jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            if (q.sort() != Sort.USER_NAME && q.sort() != Sort.CREATE_DATE) {
                ps.setString(i++, account.value()); // the per-owner values' account
            }
            ps.setString(i++, account.value());
            if (q.namePrefix() != null) {
                ps.setString(i++, Sql.escapeLike(q.namePrefix()) + "%");
            }
            if (q.after() != null) {
                if (q.sort() != Sort.USER_NAME) {
                    Sql.setInstant(ps, i++, q.after().value());
                    Sql.setInstant(ps, i++, q.after().value());
                }
                ps.setString(i, q.after().nameKey());
            }
            List<Entry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(UserRow.read(rs).toUser(),
                            q.sort() == Sort.USER_NAME ? null : Sql.getInstant(rs, "sort_value")));
                }
            }
            return out;
        });
    }

    /** Each computed order's value per owner of the account, as {@link Sort#valueOf} defines it: (owner_id, v). */
    private static String perOwner(Sort sort) {
        String live = "SELECT owner_id, %s AS v FROM access_keys WHERE account_id = ? AND deleted_at IS NULL";
        return switch (sort) {
            case ACTIVE_KEY_AGE -> live.formatted("MIN(create_date)") + " AND status = 'Active' GROUP BY owner_id";
            case ACCESS_KEY_LAST_USED -> live.formatted("MAX(last_used_date)") + " GROUP BY owner_id";
            case PASSWORD_AGE -> "SELECT owner_id, password_last_changed AS v FROM login_profiles WHERE account_id = ?";
            case CONSOLE_LAST_SIGN_IN -> "SELECT owner_id, password_last_used AS v FROM login_profiles"
                    + " WHERE account_id = ?";
            case USER_NAME, CREATE_DATE -> throw new IllegalArgumentException(sort + " is not computed");
        };
    }

    private static String none(String value, Sort sort) {
        return "COALESCE(" + value + ", TIMESTAMP WITH TIME ZONE '" + LITERAL.format(sort.none()) + "+00')";
    }
}
