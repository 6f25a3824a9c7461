package io.keywarden.server.http.dto;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.util.Map;

/**
 * The policy simulator's question.
 *
 * @param userName the user whose policies are simulated ({@code ~} for the calling user)
 * @param action   {@code service:Action}, e.g. {@code iam:DeleteAccessKey}
 * @param resource the resource ARN; absent means {@code *}
 * @param context  condition keys replacing those of the caller's request, each to a list of strings; a single string,
 *                 number or boolean counts as a one-value list, an empty list removes the key. At most 50 keys of 50
 *                 values
 */
@Introspected
@Schema(name = "SimulationRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record SimulationBody(
        String userName,
        @Schema(example = "iam:DeleteAccessKey", requiredMode = REQUIRED) String action,
        @Nullable String resource,
        @Nullable @Schema(additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
                example = "{\"aws:SourceIp\": [\"203.0.113.7\"], \"aws:CurrentTime\": [\"2026-12-01T09:00:00Z\"]}")
        Map<String, Object> context) {
}
