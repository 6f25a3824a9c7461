package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** GenerateCredentialReport: {@code STARTED} (a new report was built) or {@code COMPLETE} (the recent one is kept). */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CredentialReportStateDto(String state, String description) {
}
