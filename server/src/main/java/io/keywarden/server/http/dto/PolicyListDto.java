package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A page of managed policies (without documents); {@code marker} is present exactly when {@code isTruncated}. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyListDto(List<PolicyDto> policies, boolean isTruncated, String marker) {
}
