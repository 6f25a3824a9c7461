package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** {@code accessKeyLastUsed}: no date and {@code N/A} service and region when the key was never used. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LastUsedDto(String lastUsedDate, String serviceName, String region) {
}
