package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * One key of the key hygiene report.
 *
 * @param userName       the owner; absent for the root user's keys
 * @param state          {@code ok}, {@code due} (past a warning threshold) or {@code overdue} (past an action
 *                       threshold)
 * @param exemptBy       the exemption that covers the key ({@code key} or {@code key=value})
 * @param nextAction     {@code warn}, {@code deactivate} or {@code delete}; absent when the policy does nothing more
 * @param nextActionDate when; in the past: at the scheduler's next run (unless the policy is a dry run)
 * @param rule           {@code maxAge}, {@code unused} or {@code inactiveUnused}
 * @param thresholdDays  the rule's threshold
 * @param reason         the rule, its threshold and the key's figure
 * @param note           why nothing more is done though the key is past a threshold (root key, exempt)
 */
@Serdeable
@Schema(name = "KeyHygieneKey")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyHygieneKeyDto(@Schema(requiredMode = REQUIRED) String accessKeyId, @Nullable String userName,
                               @Schema(requiredMode = REQUIRED) boolean root,
                               @Schema(allowableValues = {"Active", "Inactive"}, requiredMode = REQUIRED) String status,
                               @Schema(format = "date-time", requiredMode = REQUIRED) String createDate,
                               @Nullable @Schema(format = "date-time") String lastUsedDate,
                               @Schema(requiredMode = REQUIRED) long ageDays,
                               @Schema(requiredMode = REQUIRED) long unusedDays,
                               @Schema(allowableValues = {"ok", "due", "overdue"}, requiredMode = REQUIRED) String state,
                               @Schema(requiredMode = REQUIRED) boolean exempt, @Nullable String exemptBy,
                               @Nullable String nextAction, @Nullable @Schema(format = "date-time") String nextActionDate,
                               @Nullable String rule, @Nullable Integer thresholdDays, @Nullable String reason,
                               @Nullable String note) {
}
