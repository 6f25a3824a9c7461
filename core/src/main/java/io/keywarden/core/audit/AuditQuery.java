package io.keywarden.core.audit;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.port.PageRequest;

import java.time.Instant;
import java.util.Objects;

/**
 * A look-up of audit events, newest first: every given filter must match ({@code from} inclusive, {@code to}
 * exclusive); null filters match everything. What each filter matches is {@link #matches}; stores narrow the events
 * they read with an index of the same terms ({@link CloudTrailEvents#accessKeyIds}, {@link CloudTrailEvents#username},
 * {@link CloudTrailEvents#resourceNames}) and then check every event with {@link #matches}.
 *
 * @param accessKeyId  the key the call was signed with, or the key it issued (CreateAccessKey, STS credentials)
 * @param userName     CloudTrail's {@code Username}: the IAM user's name, {@code root}, a session's name
 * @param eventName    the operation
 * @param readOnly     whether the operation only reads
 * @param resourceName a resource the event names ({@link CloudTrailEvents#resources}): a user, role or policy name,
 *                     a role or policy ARN, an access key ID
 * @param resourceType the type of a resource the event names, e.g. {@code AWS::IAM::User}
 * @param eventId      the event's ID
 * @param eventSource  e.g. {@code iam.amazonaws.com}
 */
public record AuditQuery(AccountId account, String accessKeyId, String userName, String eventName, Boolean readOnly,
                         String resourceName, String resourceType, String eventId, String eventSource, Instant from,
                         Instant to, PageRequest page) {
    public AuditQuery {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(page, "page");
        accessKeyId = blankToNull(accessKeyId);
        userName = blankToNull(userName);
        eventName = blankToNull(eventName);
        resourceName = blankToNull(resourceName);
        resourceType = blankToNull(resourceType);
        eventId = blankToNull(eventId);
        eventSource = blankToNull(eventSource);
    }

    /** A look-up by access key, user name, event name and time only. */
    public AuditQuery(AccountId account, String accessKeyId, String userName, String eventName, Instant from,
                      Instant to, PageRequest page) {
        this(account, accessKeyId, userName, eventName, null, null, null, null, null, from, to, page);
    }

    /** Whether the event matches every given filter (the account and the page aside). */
    public boolean matches(AuditRecord r) {
        return (eventName == null || eventName.equals(r.eventName()))
                && (readOnly == null || readOnly == r.readOnly())
                && (eventId == null || eventId.equals(r.eventId()))
                && (eventSource == null || eventSource.equals(r.eventSource()))
                && (from == null || !r.eventTime().isBefore(from))
                && (to == null || r.eventTime().isBefore(to))
                && (userName == null || userName.equals(CloudTrailEvents.username(r)))
                && (accessKeyId == null || CloudTrailEvents.concernsAccessKey(r, accessKeyId))
                && (resourceName == null || CloudTrailEvents.namesResource(r, resourceName))
                && (resourceType == null || CloudTrailEvents.namesResourceType(r, resourceType));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
