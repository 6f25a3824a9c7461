package io.keywarden.sdk.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One event of the audit trail: one API call, allowed or denied.
 *
 * @param seq               the event's position in the account's hash chain (1, 2, ...)
 * @param eventName         the operation, e.g. {@code CreateAccessKey}
 * @param principalType     {@code Root}, {@code IAMUser}, or {@code Unknown} when authentication failed
 * @param principalArn      the caller's ARN; {@code null} when authentication failed
 * @param accessKeyId       the key the request was signed with (the claimed one when authentication failed)
 * @param requestParameters the request's parameters as JSON text, secrets hidden; {@code null} when none
 * @param responseElements  what a successful change returned, as JSON text, secrets hidden; {@code null} otherwise
 * @param errorCode         {@code null} when the call succeeded
 * @param previousHash      the hash of the event before this one (64 zeros for the first)
 * @param hash              the SHA-256 of this event's canonical form, lowercase hex
 */
public record AuditEvent(long seq, String eventId, Instant eventTime, String eventSource, String eventName,
                         boolean readOnly, String principalType, String principalArn, String principalId,
                         String userName, String accessKeyId, String sourceIpAddress, String userAgent,
                         String requestParameters, String responseElements, String errorCode, String errorMessage,
                         String requestId, int httpStatus, String previousHash, String hash) {
    public AuditEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(hash, "hash");
    }

    public boolean succeeded() {
        return errorCode == null;
    }

    public Optional<String> error() {
        return Optional.ofNullable(errorCode);
    }
}
