package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * {@code accessKeyLastUsed}: no date and {@code N/A} service and region when the key was never used.
 *
 * @param lastUsedDate the last use; absent when the key was never used
 * @param serviceName  the SigV4 service of the last use, or N/A
 * @param region       the SigV4 region of the last use, or N/A
 */
@Serdeable
@Schema(name = "AccessKeyLastUsed")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LastUsedDto(
        @Nullable @Schema(format = "date-time") String lastUsedDate,
        @Schema(example = "iam", requiredMode = REQUIRED) String serviceName,
        @Schema(example = "us-east-1", requiredMode = REQUIRED) String region) {
}
