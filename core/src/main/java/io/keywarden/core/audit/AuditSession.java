package io.keywarden.core.audit;

import io.keywarden.core.identity.Principal;
import io.keywarden.core.session.Session;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What an event made with temporary credentials records of its session, for CloudTrail's
 * {@code userIdentity.sessionContext}: the role it is a session of ({@code sessionIssuer}: type {@code Role}, its
 * {@code AROA…} ID, ARN and name; all null for a GetSessionToken session, which has no issuer), when it was issued
 * ({@code attributes.creationDate}, whole seconds as {@code aws:TokenIssueTime}), whether MFA authenticated it
 * ({@code attributes.mfaAuthenticated}) and its {@code sourceIdentity}.
 *
 * @param issuerType        {@code Role}, or null when the session has no issuer
 * @param issuerPrincipalId the role's ID ({@code AROA…}), or null
 * @param issuerArn         the role's ARN (with its path), or null
 * @param issuerUserName    the role's name, or null
 * @param sourceIdentity    the session's source identity, or null
 */
public record AuditSession(String issuerType, String issuerPrincipalId, String issuerArn, String issuerUserName,
                           Instant creationDate, boolean mfaAuthenticated, String sourceIdentity) {
    public AuditSession {
        Objects.requireNonNull(creationDate, "creationDate");
        creationDate = creationDate.truncatedTo(ChronoUnit.MILLIS);
        issuerType = AuditRecord.Text.clean(issuerType, 32);
        issuerPrincipalId = AuditRecord.Text.clean(issuerPrincipalId, 128);
        issuerArn = AuditRecord.Text.clean(issuerArn, AuditRecord.MAX_ARN);
        issuerUserName = AuditRecord.Text.clean(issuerUserName, 64);
        sourceIdentity = AuditRecord.Text.clean(sourceIdentity, 64);
    }

    /** What the audit trail keeps of {@code session}; null for none (a long-term key). */
    public static AuditSession of(Session session) {
        if (session == null) {
            return null;
        }
        if (session.principal() instanceof Principal.AssumedRole role) {
            return new AuditSession("Role", role.roleId(), role.roleArn(), role.roleName(), session.issuedAt(),
                    false, session.sourceIdentity());
        }
        return new AuditSession(null, null, null, null, session.issuedAt(), false, session.sourceIdentity());
    }
}
