package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** GetAccessKeyLastUsed; {@code userName} is absent for the root user's keys. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessKeyLastUsedDto(String userName, LastUsedDto accessKeyLastUsed) {
}
