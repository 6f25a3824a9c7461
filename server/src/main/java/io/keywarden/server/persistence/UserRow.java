package io.keywarden.server.persistence;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.User;
import io.keywarden.core.identity.UserName;
import io.keywarden.core.identity.UserPath;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** A row of {@code users}. */
record UserRow(String accountId, String userId, String userName, String nameKey, String path, Instant createDate) {
    static final String COLUMNS = "account_id, user_id, user_name, name_key, path, create_date";

    static UserRow of(User user) {
        return new UserRow(user.accountId().value(), user.userId(), user.userName().value(), user.userName().key(),
                user.path().value(), user.createDate());
    }

    static UserRow read(ResultSet rs) throws SQLException {
        return new UserRow(rs.getString("account_id"), rs.getString("user_id"), rs.getString("user_name"),
                rs.getString("name_key"), rs.getString("path"), Sql.getInstant(rs, "create_date"));
    }

    User toUser() {
        return new User(AccountId.of(accountId), userId, UserName.of(userName), UserPath.of(path), createDate);
    }
}
