package io.keywarden.server.http.dto;

import io.micronaut.core.annotation.Introspected;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * ChangePassword's body.
 *
 * @param oldPassword the caller's current password
 * @param newPassword the new password, checked against the password policy (reuse included)
 */
@Introspected
@Schema(name = "ChangePasswordRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record ChangePasswordBody(@Schema(requiredMode = REQUIRED, format = "password") String oldPassword,
                                 @Schema(requiredMode = REQUIRED, format = "password") String newPassword) {
    @Override
    public String toString() {
        return "ChangePasswordBody[redacted]";
    }
}
