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

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The credential report: GenerateCredentialReport ({@code POST}) and GetCredentialReport ({@code GET}, the CSV itself
 * as {@code text/csv}, its generation time as {@code Last-Modified}).
 */
@Controller("/v1/credential-report")
public class CredentialReportController {
    static final MediaType TEXT_CSV = MediaType.of("text/csv");
    /** An HTTP date (RFC 9110 IMF-fixdate): always two-digit days, unlike {@code RFC_1123_DATE_TIME}. */
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.US).withZone(ZoneOffset.UTC);

    private final OperationCalls calls;

    public CredentialReportController(OperationCalls calls) {
        this.calls = calls;
    }

    @Post
    public CompletableFuture<CredentialReportStateDto> generate(HttpRequest<?> http, Caller caller) {
        return calls.call(http, caller, Catalogue.GENERATE_CREDENTIAL_REPORT, Requests.GenerateCredentialReport::new,
                200).thenApply(r -> new CredentialReportStateDto(r.state(), r.description()));
    }

    /** The latest report; {@code ReportNotPresent} (410) before the first generation. */
    @Get(produces = {"text/csv", MediaType.APPLICATION_JSON})
    public CompletableFuture<HttpResponse<byte[]>> get(HttpRequest<?> http, Caller caller) {
        return calls.call(http, caller, Catalogue.GET_CREDENTIAL_REPORT, Requests.GetCredentialReport::new, 200)
                .thenApply(r -> HttpResponse.ok(r.content())
                        .contentType(TEXT_CSV)
                        .header(HttpHeaders.LAST_MODIFIED, HTTP_DATE.format(r.generatedTime())));
    }
}
