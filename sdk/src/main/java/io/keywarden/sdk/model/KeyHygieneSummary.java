package io.keywarden.sdk.model;

/**
 * The key hygiene report's counts over every live key (exempt keys count as exempt only).
 *
 * @param keys           live keys
 * @param ok             before any threshold
 * @param due            past a warning threshold
 * @param overdue        past an action threshold
 * @param exempt         exempt by their owner's tag
 * @param overWarn       keys past a warning threshold only
 * @param overDeactivate Active keys past a deactivation threshold
 * @param overDelete     Inactive keys past the deletion threshold
 * @param activeRootKeys        the root user's Active keys (with or without a policy, exemptions included)
 * @param activeOlderThan90Days Active keys created more than 90 days ago (with or without a policy)
 * @param activeUnusedFor90Days Active keys not used for more than 90 days, counting from creation when never used
 */
public record KeyHygieneSummary(int keys, int ok, int due, int overdue, int exempt, int overWarn, int overDeactivate,
                                int overDelete, int activeRootKeys, int activeOlderThan90Days,
                                int activeUnusedFor90Days) {
}
