package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * A page of a user's inline policy names; {@code marker} is present exactly when {@code isTruncated}.
 *
 * @param policyNames the inline policy names of this page
 * @param isTruncated whether more names follow
 * @param marker      the next page's marker, present exactly when isTruncated
 */
@Serdeable
@Schema(name = "PolicyNameList")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyNameListDto(List<String> policyNames, boolean isTruncated, @Nullable String marker) {
}
