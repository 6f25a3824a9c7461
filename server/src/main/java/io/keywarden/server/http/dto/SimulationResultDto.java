package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.util.List;

/**
 * What the policy simulator answers: {@code decision} is {@code Allow}, {@code ExplicitDeny} or {@code ImplicitDeny};
 * {@code explanation} says why in one line; {@code decidingStatements} are {@code policyName/Sid} (or
 * {@code policyName/Statement[i]} without a Sid); {@code errors} are conditions that could not be evaluated.
 */
@Serdeable
@Schema(name = "SimulationResult")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SimulationResultDto(
        @Schema(allowableValues = {"Allow", "ExplicitDeny", "ImplicitDeny"}, requiredMode = REQUIRED) String decision,
        String explanation,
        List<String> decidingStatements,
        List<String> errors) {
}
