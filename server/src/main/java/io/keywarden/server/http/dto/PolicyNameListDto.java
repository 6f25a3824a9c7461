package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A page of a user's inline policy names; {@code marker} is present exactly when {@code isTruncated}. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyNameListDto(List<String> policyNames, boolean isTruncated, String marker) {
}
