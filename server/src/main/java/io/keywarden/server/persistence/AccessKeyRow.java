package io.keywarden.server.persistence;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.UserName;
import io.keywarden.core.keys.AccessKey;
import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.keys.KeyOwner;
import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.keys.LastUsed;
import io.keywarden.core.port.StoredAccessKey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** A row of {@code access_keys} (live or deleted). {@link #toString()} never shows the sealed secret. */
public record AccessKeyRow(String accessKeyId, String accountId, String ownerId, String ownerName, String status,
                    Instant createDate, String sealedSecret, Integer slot, Instant deletedAt, Instant lastUsedDate,
                    String lastUsedService, String lastUsedRegion) {
    static final String COLUMNS = "access_key_id, account_id, owner_id, owner_name, status, create_date, sealed_secret,"
            + " slot, deleted_at, last_used_date, last_used_service, last_used_region";

    static AccessKeyRow read(ResultSet rs) throws SQLException {
        int slot = rs.getInt("slot");
        Integer slotValue = rs.wasNull() ? null : slot;
        return new AccessKeyRow(rs.getString("access_key_id"), rs.getString("account_id"), rs.getString("owner_id"),
                rs.getString("owner_name"), rs.getString("status"), Sql.getInstant(rs, "create_date"),
                rs.getString("sealed_secret"), slotValue, Sql.getInstant(rs, "deleted_at"),
                Sql.getInstant(rs, "last_used_date"), rs.getString("last_used_service"),
                rs.getString("last_used_region"));
    }

    AccessKey toAccessKey() {
        AccountId account = AccountId.of(accountId);
        KeyOwner owner = ownerName == null ? new KeyOwner(ownerId, null) : KeyOwner.user(ownerId, UserName.of(ownerName));
        LastUsed lastUsed = lastUsedDate == null ? null
                : new LastUsed(lastUsedDate, nullToNa(lastUsedService), nullToNa(lastUsedRegion));
        return new AccessKey(AccessKeyId.of(accessKeyId), account, owner, KeyStatus.parse(status), createDate, lastUsed);
    }

    StoredAccessKey toStored() {
        return new StoredAccessKey(toAccessKey(), sealedSecret);
    }

    private static String nullToNa(String s) {
        return s == null ? "N/A" : s;
    }

    @Override
    public String toString() {
        return "AccessKeyRow[" + accessKeyId + ", owner=" + ownerId + ", status=" + status + ", slot=" + slot
                + ", deletedAt=" + deletedAt + ", sealedSecret=[sealed]]";
    }
}
