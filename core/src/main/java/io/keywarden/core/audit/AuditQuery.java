package io.keywarden.core.audit;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.port.PageRequest;

import java.time.Instant;
import java.util.Objects;

/**
 * A look-up of audit events, newest first: every given filter must match ({@code from} inclusive, {@code to}
 * exclusive); null filters match everything.
 */
public record AuditQuery(AccountId account, String accessKeyId, String userName, String eventName, Instant from,
                         Instant to, PageRequest page) {
    public AuditQuery {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(page, "page");
        accessKeyId = blankToNull(accessKeyId);
        userName = blankToNull(userName);
        eventName = blankToNull(eventName);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
