package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What the policy simulator answers: {@code decision} is {@code Allow}, {@code ExplicitDeny} or {@code ImplicitDeny};
 * {@code explanation} says why in one line; {@code decidingStatements} are {@code policyName/Sid} (or
 * {@code policyName/Statement[i]} without a Sid); {@code errors} are conditions that could not be evaluated.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SimulationResultDto(String decision, String explanation, List<String> decidingStatements,
                                  List<String> errors) {
}
