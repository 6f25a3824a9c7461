package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The owner of a key (administrators' look-up); {@code userName} is absent for the root user.
 *
 * @param account   the 12-digit account ID
 * @param arn       the owner's ARN
 * @param userName  the owning user; absent for the root user
 * @param userId    the owner's user ID (the account ID for the root user)
 * @param accessKey the key, without its secret
 */
@Serdeable
@Schema(name = "KeyOwner")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyOwnerDto(
        String account,
        String arn,
        @Nullable String userName,
        String userId,
        AccessKeyDto accessKey) {
}
