package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A page of a user's keys; {@code marker} is present exactly when {@code isTruncated}. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessKeyListDto(List<AccessKeyDto> accessKeys, boolean isTruncated, String marker) {
}
