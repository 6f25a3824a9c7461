package io.keywarden.server.http.dto;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * UpdateAccountPasswordPolicy's body: the whole policy; what is absent takes AWS's default (length 6, the rest off).
 *
 * @param minimumPasswordLength      6 to 128
 * @param requireSymbols             at least one of {@code ! @ # $ % ^ & * ( ) _ + - = [ ] { } | '}
 * @param requireNumbers             at least one digit
 * @param requireUppercaseCharacters at least one of A-Z
 * @param requireLowercaseCharacters at least one of a-z
 * @param allowUsersToChangePassword every IAM user may change their own password
 * @param maxPasswordAge             days before a password expires, 1 to 1095; absent: never
 * @param passwordReusePrevention    previous passwords that may not be reused, 1 to 24
 * @param hardExpiry                 an expired password cannot be changed at sign-in (an administrator must reset it)
 */
@Introspected
@Schema(name = "UpdateAccountPasswordPolicyRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record PasswordPolicyBody(@Nullable @Schema(minimum = "6", maximum = "128") Integer minimumPasswordLength,
                                 @Nullable Boolean requireSymbols, @Nullable Boolean requireNumbers,
                                 @Nullable Boolean requireUppercaseCharacters,
                                 @Nullable Boolean requireLowercaseCharacters,
                                 @Nullable Boolean allowUsersToChangePassword,
                                 @Nullable @Schema(minimum = "1", maximum = "1095") Integer maxPasswordAge,
                                 @Nullable @Schema(minimum = "1", maximum = "24") Integer passwordReusePrevention,
                                 @Nullable Boolean hardExpiry) {
}
