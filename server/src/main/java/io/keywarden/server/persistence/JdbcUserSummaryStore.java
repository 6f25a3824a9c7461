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
 * other orders compute each user's value (a correlated sub-query over its keys or its login profile, each an index
 * look-up) and sort the account's users, which costs time in proportion to the number of users (measured in
 * {@code ScaleTest}).
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
        String value = valueExpression(q.sort());
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
                sql = "SELECT * FROM (SELECT " + UserRow.COLUMNS + ", " + value + " AS sort_value FROM users u"
                        + " WHERE account_id = ?" + prefix + ") t WHERE 1 = 1" + keyset
                        + " ORDER BY sort_value" + valueDir + ", name_key" + nameDir + limit;
            }
        }
        return jdbc.prepareStatement(sql, ps -> {
            int i = 1;
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

    /** Each order's value in SQL, as {@link Sort#valueOf} defines it. */
    private static String valueExpression(Sort sort) {
        String live = "k.owner_id = u.user_id AND k.account_id = u.account_id AND k.deleted_at IS NULL";
        String profile = "p.account_id = u.account_id AND p.owner_id = u.user_id";
        return switch (sort) {
            case USER_NAME, CREATE_DATE -> "create_date";
            case ACTIVE_KEY_AGE -> coalesce("SELECT MIN(k.create_date) FROM access_keys k WHERE " + live
                    + " AND k.status = 'Active'", sort.none());
            case ACCESS_KEY_LAST_USED -> coalesce("SELECT MAX(k.last_used_date) FROM access_keys k WHERE " + live,
                    sort.none());
            case PASSWORD_AGE -> coalesce("SELECT p.password_last_changed FROM login_profiles p WHERE " + profile,
                    sort.none());
            case CONSOLE_LAST_SIGN_IN -> coalesce("SELECT p.password_last_used FROM login_profiles p WHERE "
                    + profile, sort.none());
        };
    }

    private static String coalesce(String subQuery, Instant none) {
        return "COALESCE((" + subQuery + "), TIMESTAMP WITH TIME ZONE '" + LITERAL.format(none) + "+00')";
    }
}
