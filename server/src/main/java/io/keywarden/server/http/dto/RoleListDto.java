package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * A page of roles; {@code marker} is present exactly when {@code isTruncated}.
 *
 * @param roles       the roles of this page, in name order (ignoring case)
 * @param isTruncated whether more roles follow
 * @param marker      the next page's marker, present exactly when isTruncated
 */
@Serdeable
@Schema(name = "RoleList")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoleListDto(List<RoleDto> roles, boolean isTruncated, @Nullable String marker) {
}
