package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A page of the managed policies attached to a user; {@code marker} is present exactly when {@code isTruncated}. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttachedPolicyListDto(List<AttachedPolicyDto> attachedPolicies, boolean isTruncated, String marker) {
}
