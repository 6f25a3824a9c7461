package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The answer to creating a key: the only time the secret is ever returned. {@link #toString()} redacts it.
 *
 * @param accessKeyId     the key ID
 * @param secretAccessKey the secret: shown this once, never again
 * @param status          Active
 * @param createDate      when the key was created
 * @param userName        the owning user; absent for the root user's keys
 * @param description     the description given at creation; absent without one
 */
@Serdeable
@Schema(name = "NewAccessKey")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewAccessKeyDto(
        String accessKeyId,
        @Schema(minLength = 40, maxLength = 40, requiredMode = REQUIRED) String secretAccessKey,
        @Schema(allowableValues = "Active", requiredMode = REQUIRED) String status,
        @Schema(format = "date-time", requiredMode = REQUIRED) String createDate,
        @Nullable String userName,
        @Nullable String description) {
    @Override
    public String toString() {
        return "NewAccessKeyDto[accessKeyId=" + accessKeyId + ", secretAccessKey=[redacted], status=" + status
                + ", createDate=" + createDate + ", userName=" + userName
                + ", description=" + description + "]";
    }
}
