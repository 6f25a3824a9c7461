package io.keywarden.sdk.model;

import io.keywarden.core.keys.KeyStatus;

import java.time.Instant;

/**
 * One key of the key hygiene report. Values the report leaves out are {@code null}.
 *
 * @param userName       the owner; {@code null} for the root user's keys
 * @param lastUsedDate   {@code null} when never used
 * @param state          {@code ok}, {@code due} (past a warning threshold) or {@code overdue} (past an action
 *                       threshold)
 * @param exemptBy       the exemption that covers the key ({@code key} or {@code key=value})
 * @param nextAction     {@code warn}, {@code deactivate} or {@code delete}; {@code null} when nothing more is done
 * @param nextActionDate when; in the past: at the scheduler's next run (unless the policy is a dry run)
 * @param rule           {@code maxAge}, {@code unused} or {@code inactiveUnused}
 * @param thresholdDays  the rule's threshold
 * @param reason         the rule, its threshold and the key's figure
 * @param note           why nothing more is done although the key is past a threshold (a root key, an exempt one)
 */
public record KeyHygieneKey(String accessKeyId, String userName, boolean root, KeyStatus status, Instant createDate,
                            Instant lastUsedDate, long ageDays, long unusedDays, String state, boolean exempt,
                            String exemptBy, String nextAction, Instant nextActionDate, String rule,
                            Integer thresholdDays, String reason, String note) {
}
