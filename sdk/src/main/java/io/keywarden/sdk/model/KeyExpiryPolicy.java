package io.keywarden.sdk.model;

import java.time.Instant;
import java.util.List;

/**
 * An account's key expiry policy (docs/key-hygiene.md "Expiry policies"). Every rule is optional ({@code null}); days
 * are 1 to 3650. Root keys are warned about, never deactivated or deleted by a policy.
 *
 * @param warnAfterDays             warn about an Active key this many days after its creation (less than
 *                                  {@code deactivateAfterDays})
 * @param deactivateAfterDays       deactivate an Active key this many days after its creation
 * @param deleteAfterDays           delete a key that stayed Inactive and unused this many days
 * @param unusedWarnAfterDays       warn about an Active key unused this many days (from creation when never used)
 * @param unusedDeactivateAfterDays deactivate an Active key unused this many days
 * @param exemptions                owners' tags that exempt their keys
 * @param dryRun                    the scheduler only reports what it would do
 * @param updateDate                when the policy was set (in answers; ignored when setting one)
 */
public record KeyExpiryPolicy(Integer warnAfterDays, Integer deactivateAfterDays, Integer deleteAfterDays,
                              Integer unusedWarnAfterDays, Integer unusedDeactivateAfterDays,
                              List<Exemption> exemptions, boolean dryRun, Instant updateDate) {
    public KeyExpiryPolicy {
        exemptions = exemptions == null ? List.of() : List.copyOf(exemptions);
    }

    /** A policy to set with {@code putKeyExpiryPolicy}. */
    public static KeyExpiryPolicy of(Integer warnAfterDays, Integer deactivateAfterDays, Integer deleteAfterDays,
                                     Integer unusedWarnAfterDays, Integer unusedDeactivateAfterDays,
                                     List<Exemption> exemptions, boolean dryRun) {
        return new KeyExpiryPolicy(warnAfterDays, deactivateAfterDays, deleteAfterDays, unusedWarnAfterDays,
                unusedDeactivateAfterDays, exemptions, dryRun, null);
    }

    /**
     * Keys whose owner has tag {@code tagKey} (ignoring case) and, when {@code tagValue} is not null, that value, are
     * reported but never acted on.
     */
    public record Exemption(String tagKey, String tagValue) {
        public Exemption {
            java.util.Objects.requireNonNull(tagKey, "tagKey");
        }
    }
}
