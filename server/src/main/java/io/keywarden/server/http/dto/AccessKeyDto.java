package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * {@code AccessKey} metadata, never the secret; {@code userName} is absent for the root user's keys.
 *
 * @param accessKeyId the key ID
 * @param status      Active or Inactive
 * @param createDate  when the key was created
 * @param userName    the owning user; absent for the root user's keys
 * @param description the key's description (its owner's tag keyed by the key ID), in listings; absent without one
 */
@Serdeable
@Schema(name = "AccessKey")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessKeyDto(
        String accessKeyId,
        @Schema(allowableValues = {"Active", "Inactive"}, requiredMode = REQUIRED) String status,
        @Schema(format = "date-time", requiredMode = REQUIRED) String createDate,
        @Nullable String userName,
        @Nullable String description) {
}
