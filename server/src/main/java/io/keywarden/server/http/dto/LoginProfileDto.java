package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A login profile: never the password.
 *
 * @param userName              the user; absent for the root user's
 * @param createDate            when it was created
 * @param passwordResetRequired whether the password must be changed at the next sign-in
 */
@Serdeable
@Schema(name = "LoginProfile")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoginProfileDto(@Nullable String userName, String createDate, boolean passwordResetRequired) {
}
