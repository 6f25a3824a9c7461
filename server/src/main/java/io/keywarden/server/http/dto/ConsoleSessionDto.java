package io.keywarden.server.http.dto;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * A console session: its temporary credentials (shown once), who it acts as, and whether the password must be changed
 * before anything else.
 */
@Serdeable
@Schema(name = "ConsoleSession")
public record ConsoleSessionDto(@Schema(requiredMode = REQUIRED) CredentialsDto credentials,
                                @Schema(requiredMode = REQUIRED) Principal principal,
                                @Schema(requiredMode = REQUIRED) boolean passwordResetRequired) {
    /** Who the session acts as; {@code userName} is null for the root user; {@code type} Root or IAMUser. */
    @Serdeable
    @Schema(name = "ConsolePrincipal")
    public record Principal(@Schema(requiredMode = REQUIRED) String arn,
                            @Schema(requiredMode = REQUIRED) String accountId,
                            @io.micronaut.core.annotation.Nullable String userName,
                            @Schema(requiredMode = REQUIRED) String type) {
    }
}
