package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * A page of managed policies (without documents); {@code marker} is present exactly when {@code isTruncated}.
 *
 * @param policies    the policies of this page, without documents
 * @param isTruncated whether more policies follow
 * @param marker      the next page's marker, present exactly when isTruncated
 */
@Serdeable
@Schema(name = "PolicyList")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyListDto(List<PolicyDto> policies, boolean isTruncated, @Nullable String marker) {
}
