package io.keywarden.server.http;

import io.keywarden.core.audit.AuditEvent;
import io.keywarden.core.audit.AuditQuery;
import io.keywarden.core.audit.AuditRecord;
import io.keywarden.core.audit.AuditService;
import io.keywarden.core.audit.AuditVerifier;
import io.keywarden.core.auth.Caller;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.port.Page;
import io.keywarden.core.service.IdentityService;
import io.keywarden.server.http.dto.AuditEventDto;
import io.keywarden.server.http.dto.AuditEventListDto;
import io.keywarden.server.http.dto.AuditVerificationDto;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The audit trail: LookupEvents ({@code keywarden:LookupEvents}) and VerifyAuditTrail. */
@Controller("/v1/audit-events")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "audit")
public class AuditController {
    private final AuditService audit;
    private final IdentityService identity;

    public AuditController(AuditService audit, IdentityService identity) {
        this.audit = audit;
        this.identity = identity;
    }

    /**
     * LookupEvents: audit events of the account, newest first, filtered by every given parameter. Needs
     * {@code keywarden:LookupEvents} (resource {@code *}).
     *
     * @param accessKeyId the key the requests were signed with
     * @param userName    the calling IAM user's name
     * @param eventName   the operation, e.g. {@code CreateAccessKey}
     * @param from        the earliest event time (inclusive), an ISO-8601 instant
     * @param to          the latest event time (exclusive), an ISO-8601 instant
     * @return one page of events
     */
    @Operation(operationId = "LookupEvents")
    @ApiDocs.SignedCall
    @Get
    public AuditEventListDto lookup(@ApiDocs.Hidden Caller caller, @Nullable @QueryValue String accessKeyId,
                                    @Nullable @QueryValue String userName, @Nullable @QueryValue String eventName,
                                    @ApiDocs.DateTime @Nullable @QueryValue String from,
                                    @ApiDocs.DateTime @Nullable @QueryValue String to,
                                    @ApiDocs.MaxItems @Nullable @QueryValue String maxItems,
                                    @ApiDocs.Marker @Nullable @QueryValue String marker) {
        AuditQuery query = new AuditQuery(identity.accountId(), accessKeyId, userName, eventName, time("from", from),
                time("to", to), Params.page(marker, maxItems));
        Page<AuditEvent> page = audit.lookup(caller, query);
        return new AuditEventListDto(page.items().stream().map(AuditController::dto).toList(), page.isTruncated(),
                page.nextMarker());
    }

    /**
     * VerifyAuditTrail: checks the hash chain of the account's whole trail and reports the first broken link. Needs
     * {@code keywarden:VerifyAuditTrail} (resource {@code *}).
     *
     * @return the outcome (a broken chain is still a 200, with {@code intact} false)
     */
    @Operation(operationId = "VerifyAuditTrail")
    @ApiDocs.SignedCall
    @Get("/verify")
    public AuditVerificationDto verify(@ApiDocs.Hidden Caller caller) {
        AuditVerifier.Result r = audit.verify(caller);
        return new AuditVerificationDto(r.intact(), r.eventsChecked(), r.lastSeq(), r.lastHash(),
                r.brokenLink().map(AuditVerifier.BrokenLink::seq).orElse(null),
                r.brokenLink().map(AuditVerifier.BrokenLink::reason).orElse(null));
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

    static AuditEventDto dto(AuditEvent e) {
        AuditRecord r = e.record();
        return new AuditEventDto(e.seq(), r.eventId(), Wire.date(r.eventTime()), r.eventSource(), r.eventName(),
                r.readOnly(), r.principalType(), r.principalArn(), r.principalId(), r.userName(), r.accessKeyId(),
                r.sourceIp(), r.userAgent(), r.requestParameters(), r.responseElements(), r.errorCode(),
                r.errorMessage(), r.requestId(), r.httpStatus(), e.prevHash(), e.hash());
    }
}
