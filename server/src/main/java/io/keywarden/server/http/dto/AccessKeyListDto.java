package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * A page of a user's keys; {@code marker} is present exactly when {@code isTruncated}.
 *
 * @param accessKeys  the keys of this page
 * @param isTruncated whether more keys follow
 * @param marker      the next page's marker, present exactly when isTruncated
 */
@Serdeable
@Schema(name = "AccessKeyList")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessKeyListDto(List<AccessKeyDto> accessKeys, boolean isTruncated, @Nullable String marker) {
}
