package io.keywarden.server.http.dto;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The console's sign-in: the account (12-digit ID or alias), the IAM user name (empty for the root user) and the
 * password; or {@code {}} for a request signed with an access key. {@link #toString()} never shows the password.
 */
@Introspected
@Schema(name = "ConsoleSignInRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record ConsoleSignInBody(
        @Nullable @Schema(description = "Account ID or alias", example = "123456789012") String account,
        @Nullable @Schema(description = "IAM user name; empty for the root user") String userName,
        @Nullable @Schema(format = "password", writeOnly = true) String password) {
    @Override
    public String toString() {
        return "ConsoleSignInBody[account=" + account + ", userName=" + userName + ", password=[redacted]]";
    }
}
