package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code RoleLastUsed}: when a session of the role last made a request and in which region; both absent until one has.
 *
 * @param lastUsedDate when a session of the role last made a request
 * @param region       the region of that request's signature
 */
@Serdeable
@Schema(name = "RoleLastUsed")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoleLastUsedDto(
        @Nullable @Schema(format = "date-time") String lastUsedDate,
        @Nullable String region) {
}
