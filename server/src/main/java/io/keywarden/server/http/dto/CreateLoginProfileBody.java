package io.keywarden.server.http.dto;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * CreateLoginProfile's body. The password is hashed (Argon2id) and never returned, logged or audited.
 *
 * @param password              the console password: 1 to 128 characters, checked against the password policy
 * @param passwordResetRequired whether it must be changed at the next sign-in (default false)
 */
@Introspected
@Schema(name = "CreateLoginProfileRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record CreateLoginProfileBody(@Schema(requiredMode = REQUIRED, format = "password") String password,
                                     @Nullable Boolean passwordResetRequired) {
    @Override
    public String toString() {
        return "CreateLoginProfileBody[password=redacted, passwordResetRequired=" + passwordResetRequired + "]";
    }
}
