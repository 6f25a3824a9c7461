package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * {@code User}: for the root user {@code userName} and {@code path} are absent, {@code userId} is the account ID.
 * {@code keyAgeDays} (days since the oldest Active key was created) appears in listings, when there is such a key.
 *
 * @param userName   the user name; absent for the root user
 * @param userId     the user ID, or the account ID for the root user
 * @param arn        the user's (or the root) ARN
 * @param path       the path; absent for the root user
 * @param createDate when the user was created
 * @param keyAgeDays whole days since the user's oldest Active key was created; in listings, absent without one
 * @param tags       the user's tags (CreateUser, GetUser); absent when it has none, and in listings
 */
@Serdeable
@Schema(name = "User")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserDto(
        @Nullable String userName,
        String userId,
        String arn,
        @Nullable String path,
        @Schema(format = "date-time", requiredMode = REQUIRED) String createDate,
        @Nullable Long keyAgeDays,
        @Nullable java.util.List<TagBody> tags) {
}
