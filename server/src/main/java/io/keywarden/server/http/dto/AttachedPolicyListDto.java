package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * A page of the managed policies attached to a user; {@code marker} is present exactly when {@code isTruncated}.
 *
 * @param attachedPolicies the policies of this page
 * @param isTruncated      whether more policies follow
 * @param marker           the next page's marker, present exactly when isTruncated
 */
@Serdeable
@Schema(name = "AttachedPolicyList")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttachedPolicyListDto(
        List<AttachedPolicyDto> attachedPolicies,
        boolean isTruncated,
        @Nullable String marker) {
}
