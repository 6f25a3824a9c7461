package io.keywarden.server.http.dto;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * UpdateLoginProfile's body: what is absent stays as it is. A new password also lifts a lock-out.
 *
 * @param password              a new console password, checked against the password policy (reuse included)
 * @param passwordResetRequired whether it must be changed at the next sign-in
 */
@Introspected
@Schema(name = "UpdateLoginProfileRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record UpdateLoginProfileBody(@Nullable @Schema(format = "password") String password,
                                     @Nullable Boolean passwordResetRequired) {
    @Override
    public String toString() {
        return "UpdateLoginProfileBody[password=redacted, passwordResetRequired=" + passwordResetRequired + "]";
    }
}
