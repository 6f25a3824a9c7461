package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * GetAccessKeyLastUsed; {@code userName} is absent for the root user's keys.
 *
 * @param userName          the owning user; absent for the root user's keys
 * @param accessKeyLastUsed the last use
 */
@Serdeable
@Schema(name = "AccessKeyLastUsedResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessKeyLastUsedDto(@Nullable String userName, LastUsedDto accessKeyLastUsed) {
}
