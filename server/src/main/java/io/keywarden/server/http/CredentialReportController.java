package io.keywarden.server.http;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.operation.Requests;
import io.micronaut.http.HttpRequest;
import java.util.concurrent.CompletableFuture;
import io.keywarden.server.http.dto.CredentialReportStateDto;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The credential report: GenerateCredentialReport ({@code POST}) and GetCredentialReport ({@code GET}, the CSV itself
 * as {@code text/csv}, its generation time as {@code Last-Modified}).
 */
@Controller("/v1/credential-report")
@Tag(name = "credential-report")
public class CredentialReportController {
    static final MediaType TEXT_CSV = MediaType.of("text/csv");
    /** An HTTP date (RFC 9110 IMF-fixdate): always two-digit days, unlike {@code RFC_1123_DATE_TIME}. */
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.US).withZone(ZoneOffset.UTC);

    private static final String CSV_EXAMPLE = "user,arn,user_creation_time,password_enabled,password_last_used,"
            + "password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
            + "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
            + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,"
            + "access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n"
            + "<root_account>,arn:aws:iam::123456789012:root,2026-01-01T00:00:00+00:00,not_supported,N/A,"
            + "not_supported,not_supported,false,true,2026-01-01T00:00:00+00:00,2026-12-01T09:00:00+00:00,us-east-1,"
            + "iam,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n";

    private final OperationCalls calls;

    public CredentialReportController(OperationCalls calls) {
        this.calls = calls;
    }

    /**
     * GenerateCredentialReport: builds the account's credential report, unless the latest one is recent enough: younger
     * than the server's {@code keywarden.credential-report.max-age} (1 minute by default), it is kept.
     *
     * @return {@code STARTED} (a new report was built, with a description) or {@code COMPLETE} (the recent one is
     *         kept)
     */
    @Operation(operationId = "GenerateCredentialReport")
    @ApiDocs.SignedCall
    @Post
    public CompletableFuture<CredentialReportStateDto> generate(HttpRequest<?> http, @ApiDocs.Hidden Caller caller) {
        return calls.call(http, caller, Catalogue.GENERATE_CREDENTIAL_REPORT, Requests.GenerateCredentialReport::new,
                200).thenApply(r -> new CredentialReportStateDto(r.state(), r.description()));
    }

    /**
     * GetCredentialReport: the latest report as CSV in AWS's columns (root user first); {@code ReportNotPresent}
     * (410) before the first generation.
     */
    @Operation(operationId = "GetCredentialReport")
    @ApiResponse(responseCode = "200", description = "The CSV.",
            headers = @Header(name = "Last-Modified", description = "When the report was generated (an HTTP date, "
                    + "whole seconds).", schema = @Schema(type = "string", example = "Tue, 01 Dec 2026 10:15:00 GMT")),
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", example = CSV_EXAMPLE)))
    @ApiResponse(responseCode = "410", description = "`ReportNotPresent`: no report was generated yet",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = io.keywarden.server.http.dto.ErrorDto.class)))
    @ApiDocs.SignedCall
    @Get(produces = {"text/csv", MediaType.APPLICATION_JSON})
    public CompletableFuture<HttpResponse<byte[]>> get(HttpRequest<?> http, @ApiDocs.Hidden Caller caller) {
        return calls.call(http, caller, Catalogue.GET_CREDENTIAL_REPORT, Requests.GetCredentialReport::new, 200)
                .thenApply(r -> HttpResponse.ok(r.content())
                        .contentType(TEXT_CSV)
                        .header(HttpHeaders.LAST_MODIFIED, HTTP_DATE.format(r.generatedTime())));
    }
}
