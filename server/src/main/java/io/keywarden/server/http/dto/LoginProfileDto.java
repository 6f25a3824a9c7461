package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * A login profile: never the password.
 *
 * @param userName              the user; absent for the root user's
 * @param createDate            when it was created
 * @param passwordResetRequired whether the password must be changed at the next sign-in
 * @param passwordLastChanged   when the password was last set (Keywarden's addition; not on the Query face)
 */
@Serdeable
@Schema(name = "LoginProfile")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoginProfileDto(@Nullable String userName,
                              @Schema(format = "date-time", requiredMode = REQUIRED) String createDate,
                              @Schema(requiredMode = REQUIRED) boolean passwordResetRequired,
                              @Schema(format = "date-time", requiredMode = REQUIRED) String passwordLastChanged) {
}
