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
 */
public record KeyHygieneSummary(int keys, int ok, int due, int overdue, int exempt, int overWarn, int overDeactivate,
                                int overDelete) {
}
