package io.keywarden.server.http;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.operation.Parameters;
import io.keywarden.core.operation.Requests;
import io.keywarden.server.http.dto.AuditEventListDto;
import io.keywarden.server.http.dto.AuditVerificationDto;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;

/** The audit trail: LookupEvents ({@code cloudtrail:LookupEvents}) and VerifyAuditTrail. */
@Controller("/v1/audit-events")
@Tag(name = "audit")
public class AuditController {
    private final OperationCalls calls;

    public AuditController(OperationCalls calls) {
        this.calls = calls;
    }

    /**
     * LookupEvents: audit events of the account, newest first, filtered by every given parameter. Needs
     * {@code cloudtrail:LookupEvents} (resource {@code *}). The same operation as CloudTrail's LookupEvents on
     * {@code POST /} (JSON 1.1), which allows one filter at a time.
     *
     * @param accessKeyId  the key the requests were signed with, or the key a call issued (CreateAccessKey, STS
     *                     credentials): the issuing event and every call made with the key
     * @param userName     the caller's user name as CloudTrail's {@code Username}: an IAM user's name, {@code root},
     *                     a session's name
     * @param eventName    the operation, e.g. {@code CreateAccessKey}
     * @param readOnly     {@code true}: only reads; {@code false}: only changes
     * @param resourceName a resource the event names: a user, role or policy name, a role or policy ARN, an access
     *                     key ID
     * @param from        the earliest event time (inclusive), an ISO-8601 instant
     * @param to          the latest event time (exclusive), an ISO-8601 instant
     * @return one page of events
     */
    @Operation(operationId = "LookupEvents")
    @ApiDocs.SignedCall
    @Get
    public CompletableFuture<AuditEventListDto> lookup(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                       @Nullable @QueryValue String accessKeyId,
                                                       @Nullable @QueryValue String userName,
                                                       @Nullable @QueryValue String eventName,
                                                       @Nullable @QueryValue String readOnly,
                                                       @Nullable @QueryValue String resourceName,
                                                       @ApiDocs.DateTime @Nullable @QueryValue String from,
                                                       @ApiDocs.DateTime @Nullable @QueryValue String to,
                                                       @ApiDocs.MaxItems @Nullable @QueryValue String maxItems,
                                                       @ApiDocs.Marker @Nullable @QueryValue String marker) {
        return calls.call(http, caller, Catalogue.LOOKUP_EVENTS, () -> new Requests.LookupEvents(accessKeyId, userName,
                        eventName, readOnly == null ? null : Parameters.bool(readOnly, "readOnly", false),
                        resourceName, null, null, null, time("from", from), time("to", to),
                        Parameters.page(marker, maxItems)), 200)
                .thenApply(r -> new AuditEventListDto(r.events().stream().map(Wire::event).toList(), r.isTruncated(),
                        r.marker()));
    }

    /**
     * VerifyAuditTrail: checks the hash chain of the account's whole trail and reports the first broken link. Once
     * older events were archived (audit retention), it checks the signed checkpoint and starts after it, and says so
     * ({@code checkpointSeq}). Needs {@code keywarden:VerifyAuditTrail} (resource {@code *}).
     *
     * @return the outcome (a broken chain is still a 200, with {@code intact} false)
     */
    @Operation(operationId = "VerifyAuditTrail")
    @ApiDocs.SignedCall
    @Get("/verify")
    public CompletableFuture<AuditVerificationDto> verify(HttpRequest<?> http, @ApiDocs.Hidden Caller caller) {
        return calls.call(http, caller, Catalogue.VERIFY_AUDIT_TRAIL, Requests.VerifyAuditTrail::new, 200)
                .thenApply(r -> new AuditVerificationDto(r.intact(), r.eventsChecked(), r.lastSeq(), r.lastHash(),
                        r.brokenAtSeq(), r.reason(), r.checkpointSeq()));
    }

    private static Instant time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw KeywardenException.validation(name, "Member must be an ISO-8601 instant such as 2026-01-02T03:04:05Z");
        }
    }
}
