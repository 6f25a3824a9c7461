package io.keywarden.server.http;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.service.CredentialReportService;
import io.keywarden.server.http.dto.CredentialReportStateDto;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The credential report: GenerateCredentialReport ({@code POST}) and GetCredentialReport ({@code GET}, the CSV itself
 * as {@code text/csv}, its generation time as {@code Last-Modified}).
 */
@Controller("/v1/credential-report")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CredentialReportController {
    static final MediaType TEXT_CSV = MediaType.of("text/csv");
    /** An HTTP date (RFC 9110 IMF-fixdate): always two-digit days, unlike {@code RFC_1123_DATE_TIME}. */
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.US).withZone(ZoneOffset.UTC);

    private final CredentialReportService reports;

    public CredentialReportController(CredentialReportService reports) {
        this.reports = reports;
    }

    @Post
    public CredentialReportStateDto generate(Caller caller) {
        CredentialReportService.GenerateResult result = reports.generate(caller);
        return new CredentialReportStateDto(result.state().name(), result.description());
    }

    /** The latest report; {@code ReportNotPresent} (410) before the first generation. */
    @Get(produces = {"text/csv", MediaType.APPLICATION_JSON})
    public HttpResponse<byte[]> get(Caller caller) {
        CredentialReportService.Report report = reports.get(caller);
        return HttpResponse.ok(report.csv())
                .contentType(TEXT_CSV)
                .header(HttpHeaders.LAST_MODIFIED, HTTP_DATE.format(report.generatedTime()));
    }
}
