package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code User}: for the root user {@code userName} and {@code path} are absent, {@code userId} is the account ID.
 * {@code keyAgeDays} (days since the oldest Active key was created) appears in listings, when there is such a key.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserDto(String userName, String userId, String arn, String path, String createDate, Long keyAgeDays) {
}
