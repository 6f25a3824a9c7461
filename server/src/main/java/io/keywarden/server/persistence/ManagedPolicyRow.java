package io.keywarden.server.persistence;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.permissions.ManagedPolicy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;

/** A row of {@code managed_policies}, read with its attachment count (to users and to roles). */
record ManagedPolicyRow(String accountId, String policyId, String policyName, String nameKey, String path, String arn,
                        String document, String description, Instant createDate, Instant updateDate,
                        int attachmentCount) {
    static final String COLUMNS = "account_id, policy_id, policy_name, name_key, path, arn, document, description,"
            + " create_date, update_date";

    /** The columns of {@code p} plus {@code attachment_count}, for a query over {@code managed_policies p}. */
    static final String SELECT = "SELECT p.account_id, p.policy_id, p.policy_name, p.name_key, p.path, p.arn,"
            + " p.document, p.description, p.create_date, p.update_date,"
            + " (SELECT COUNT(*) FROM user_policy_attachments c WHERE c.account_id = p.account_id"
            + " AND c.policy_arn = p.arn)"
            + " + (SELECT COUNT(*) FROM role_policy_attachments r WHERE r.account_id = p.account_id"
            + " AND r.policy_arn = p.arn) AS attachment_count";

    static ManagedPolicyRow of(ManagedPolicy policy) {
        return new ManagedPolicyRow(policy.accountId().value(), policy.policyId(), policy.policyName(),
                policy.policyName().toLowerCase(Locale.ROOT), policy.path(), policy.arn(), policy.document(),
                policy.description(), policy.createDate(), policy.updateDate(), policy.attachmentCount());
    }

    static ManagedPolicyRow read(ResultSet rs) throws SQLException {
        return new ManagedPolicyRow(rs.getString("account_id"), rs.getString("policy_id"), rs.getString("policy_name"),
                rs.getString("name_key"), rs.getString("path"), rs.getString("arn"), rs.getString("document"),
                rs.getString("description"), Sql.getInstant(rs, "create_date"), Sql.getInstant(rs, "update_date"),
                rs.getInt("attachment_count"));
    }

    ManagedPolicy toPolicy() {
        return new ManagedPolicy(AccountId.of(accountId), policyId, policyName, path, document, description,
                createDate, updateDate, attachmentCount, arn.startsWith(ManagedPolicy.AWS_MANAGED_PREFIX));
    }
}
