package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * A page of users; {@code marker} is present exactly when {@code isTruncated}.
 *
 * @param users       the users of this page, with their key ages
 * @param isTruncated whether more users follow
 * @param marker      the next page's marker, present exactly when isTruncated
 */
@Serdeable
@Schema(name = "UserList")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserListDto(List<UserDto> users, boolean isTruncated, @Nullable String marker) {
}
