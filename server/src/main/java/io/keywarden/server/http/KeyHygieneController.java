package io.keywarden.server.http;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.expiry.KeyExpiryPolicy;
import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.operation.Parameters;
import io.keywarden.core.operation.Requests;
import io.keywarden.core.operation.Results;
import io.keywarden.server.http.dto.KeyExpiryExemptionDto;
import io.keywarden.server.http.dto.KeyExpiryPolicyBody;
import io.keywarden.server.http.dto.KeyExpiryPolicyDto;
import io.keywarden.server.http.dto.KeyHygieneKeyDto;
import io.keywarden.server.http.dto.KeyHygieneReportDto;
import io.keywarden.server.http.dto.KeyHygieneSummaryDto;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Key expiry policies and the key hygiene report (docs/key-hygiene.md "Expiry policies"): GetKeyExpiryPolicy,
 * PutKeyExpiryPolicy, DeleteKeyExpiryPolicy and GetKeyHygieneReport.
 */
@Controller("/v1")
@Tag(name = "key-hygiene")
public class KeyHygieneController {
    private final OperationCalls calls;

    public KeyHygieneController(OperationCalls calls) {
        this.calls = calls;
    }

    /** GetKeyExpiryPolicy; {@code NoSuchEntity} (404) while none is set. */
    @Operation(operationId = "GetKeyExpiryPolicy")
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Get("/key-hygiene/policy")
    public CompletableFuture<KeyExpiryPolicyDto> getKeyExpiryPolicy(HttpRequest<?> http,
                                                                    @ApiDocs.Hidden Caller caller) {
        return calls.call(http, caller, Catalogue.GET_KEY_EXPIRY_POLICY, Requests.GetKeyExpiryPolicy::new, 200)
                .thenApply(KeyHygieneController::policy);
    }

    /**
     * PutKeyExpiryPolicy: sets the whole policy, replacing the one there was. {@code ValidationError} (400) for a day
     * count outside 1-3650 or a malformed tag; {@code InvalidInput} (400) when a warning is not before its action or
     * no rule is given.
     */
    @Operation(operationId = "PutKeyExpiryPolicy")
    @ApiResponse(responseCode = "200", description = "The policy as set.")
    @ApiDocs.SignedCall
    @Put("/key-hygiene/policy")
    public CompletableFuture<KeyExpiryPolicyDto> putKeyExpiryPolicy(HttpRequest<?> http,
                                                                    @ApiDocs.Hidden Caller caller,
                                                                    @Body KeyExpiryPolicyBody b) {
        return calls.call(http, caller, Catalogue.PUT_KEY_EXPIRY_POLICY, () -> new Requests.PutKeyExpiryPolicy(
                        b.warnAfterDays(), b.deactivateAfterDays(), b.deleteAfterDays(), b.unusedWarnAfterDays(),
                        b.unusedDeactivateAfterDays(), b.exemptions() == null ? List.of() : b.exemptions().stream()
                        .map(e -> new KeyExpiryPolicy.Exemption(e == null ? null : e.tagKey(),
                                e == null ? null : e.tagValue())).toList(),
                        Boolean.TRUE.equals(b.dryRun())), 200)
                .thenApply(KeyHygieneController::policy);
    }

    /** DeleteKeyExpiryPolicy: the scheduler stops acting; {@code NoSuchEntity} (404) when none was set. */
    @Operation(operationId = "DeleteKeyExpiryPolicy")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @Status(HttpStatus.NO_CONTENT)
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Delete("/key-hygiene/policy")
    public CompletableFuture<HttpResponse<Void>> deleteKeyExpiryPolicy(HttpRequest<?> http,
                                                                       @ApiDocs.Hidden Caller caller) {
        return calls.call(http, caller, Catalogue.DELETE_KEY_EXPIRY_POLICY, Requests.DeleteKeyExpiryPolicy::new, 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    /**
     * GetKeyHygieneReport: every live key's age, last use and state, and what the policy does to it next and when,
     * with counts over all keys; paged in access key ID order.
     */
    @Operation(operationId = "GetKeyHygieneReport")
    @ApiDocs.SignedCall
    @Get("/key-hygiene")
    public CompletableFuture<KeyHygieneReportDto> getKeyHygieneReport(
            HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
            @ApiDocs.MaxItems @Nullable @QueryValue String maxItems,
            @ApiDocs.Marker @Nullable @QueryValue String marker) {
        return calls.call(http, caller, Catalogue.GET_KEY_HYGIENE_REPORT,
                        () -> new Requests.GetKeyHygieneReport(Parameters.page(marker, maxItems)), 200)
                .thenApply(KeyHygieneController::report);
    }

    private static KeyExpiryPolicyDto policy(Results.KeyExpiryPolicyResult p) {
        return new KeyExpiryPolicyDto(p.warnAfterDays(), p.deactivateAfterDays(), p.deleteAfterDays(),
                p.unusedWarnAfterDays(), p.unusedDeactivateAfterDays(), p.exemptions().stream()
                .map(e -> new KeyExpiryExemptionDto(e.tagKey(), e.tagValue())).toList(), p.dryRun(),
                Wire.date(p.updateDate()));
    }

    private static KeyHygieneReportDto report(Results.KeyHygieneReport r) {
        Results.KeyHygieneSummary s = r.summary();
        return new KeyHygieneReportDto(r.policy() == null ? null : policy(r.policy()), Wire.date(r.generatedAt()),
                new KeyHygieneSummaryDto(s.keys(), s.ok(), s.due(), s.overdue(), s.exempt(), s.overWarn(),
                        s.overDeactivate(), s.overDelete(), s.activeRootKeys(), s.activeOlderThan90Days(),
                        s.activeUnusedFor90Days()),
                r.keys().stream().map(k -> new KeyHygieneKeyDto(k.accessKeyId(), k.userName(), k.root(), k.status(),
                        Wire.date(k.createDate()), Wire.date(k.lastUsedDate()), k.ageDays(), k.unusedDays(),
                        k.state(), k.exempt(), k.exemptBy(), k.nextAction(), Wire.date(k.nextActionDate()),
                        k.rule(), k.thresholdDays(), k.reason(), k.note())).toList(),
                r.isTruncated(), r.marker());
    }
}
