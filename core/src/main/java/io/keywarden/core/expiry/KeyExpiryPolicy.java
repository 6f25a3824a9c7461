package io.keywarden.core.expiry;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.Tag;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An account's key expiry policy (docs/key-hygiene.md "Expiry policies"). Every rule is optional; days are whole days
 * from 1 to {@link #MAX_DAYS}:
 * <ul>
 *   <li>{@code warnAfterDays} (W) and {@code deactivateAfterDays} (D): the maximum age of an Active key, counted from
 *       its creation; W &lt; D when both are set;</li>
 *   <li>{@code unusedWarnAfterDays} and {@code unusedDeactivateAfterDays} (U): an Active key not used for that long,
 *       counted from its last use or, never used, from its creation; warning before deactivating;</li>
 *   <li>{@code deleteAfterDays} (Z): an Inactive key that stayed Inactive <em>and</em> unused for Z days is deleted;</li>
 *   <li>{@code exemptions}: keys whose owner carries one of these tags (the key, ignoring case, and the value when one
 *       is given) are reported but never acted on;</li>
 *   <li>{@code dryRun}: the scheduler only reports what it would do.</li>
 * </ul>
 * Root keys are reported and warned about, never deactivated or deleted by a policy.
 */
public record KeyExpiryPolicy(Integer warnAfterDays, Integer deactivateAfterDays, Integer deleteAfterDays,
                              Integer unusedWarnAfterDays, Integer unusedDeactivateAfterDays,
                              List<Exemption> exemptions, boolean dryRun) {
    /** Ten years. */
    public static final int MAX_DAYS = 3650;
    /** As many exemptions as a user has tags. */
    public static final int MAX_EXEMPTIONS = Tag.MAX_TAGS;

    /** Keys whose owner has tag {@code tagKey} (ignoring case), with value {@code tagValue} when not null. */
    public record Exemption(String tagKey, String tagValue) {
        public Exemption {
            if (tagKey == null || tagKey.isEmpty()) {
                throw KeywardenException.validation("exemptions.member.tagKey",
                        "Member must have length greater than or equal to 1");
            }
            Tag.requireKey(tagKey);
            if (tagValue != null) {
                new Tag(tagKey, tagValue); // the value's rules
            }
        }

        /** Whether a user with these tags is exempt. */
        public boolean matches(List<Tag> tags) {
            for (Tag t : tags) {
                if (t.key().equalsIgnoreCase(tagKey) && (tagValue == null || tagValue.equals(t.value()))) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return tagValue == null ? tagKey : tagKey + "=" + tagValue;
        }
    }

    public KeyExpiryPolicy {
        days(warnAfterDays, "warnAfterDays");
        days(deactivateAfterDays, "deactivateAfterDays");
        days(deleteAfterDays, "deleteAfterDays");
        days(unusedWarnAfterDays, "unusedWarnAfterDays");
        days(unusedDeactivateAfterDays, "unusedDeactivateAfterDays");
        if (warnAfterDays != null && deactivateAfterDays != null && warnAfterDays >= deactivateAfterDays) {
            throw KeywardenException.of(ErrorCode.INVALID_INPUT, "warnAfterDays (" + warnAfterDays
                    + ") must be less than deactivateAfterDays (" + deactivateAfterDays + ")");
        }
        if (unusedWarnAfterDays != null && unusedDeactivateAfterDays != null
                && unusedWarnAfterDays >= unusedDeactivateAfterDays) {
            throw KeywardenException.of(ErrorCode.INVALID_INPUT, "unusedWarnAfterDays (" + unusedWarnAfterDays
                    + ") must be less than unusedDeactivateAfterDays (" + unusedDeactivateAfterDays + ")");
        }
        if (warnAfterDays == null && deactivateAfterDays == null && deleteAfterDays == null
                && unusedWarnAfterDays == null && unusedDeactivateAfterDays == null) {
            throw KeywardenException.of(ErrorCode.INVALID_INPUT, "a key expiry policy needs at least one of"
                    + " warnAfterDays, deactivateAfterDays, deleteAfterDays, unusedWarnAfterDays,"
                    + " unusedDeactivateAfterDays; to have none, delete the policy");
        }
        exemptions = exemptions == null ? List.of() : List.copyOf(exemptions);
        if (exemptions.size() > MAX_EXEMPTIONS) {
            throw KeywardenException.validation("exemptions", "Member must have length less than or equal to "
                    + MAX_EXEMPTIONS);
        }
        Set<String> seen = new HashSet<>();
        List<Exemption> ordered = new ArrayList<>(exemptions);
        for (Exemption e : ordered) {
            if (!seen.add(e.tagKey().toLowerCase(Locale.ROOT) + "\u0000" + e.tagValue())) {
                throw KeywardenException.of(ErrorCode.INVALID_INPUT, "the exemption " + e + " is given twice");
            }
        }
    }

    private static void days(Integer value, String member) {
        if (value != null && (value < 1 || value > MAX_DAYS)) {
            throw KeywardenException.validation(member, "Member must have value between 1 and " + MAX_DAYS);
        }
    }

    /** The exemption that covers a user with these tags, or null. */
    public Exemption exemptionFor(List<Tag> ownerTags) {
        for (Exemption e : exemptions) {
            if (e.matches(ownerTags)) {
                return e;
            }
        }
        return null;
    }
}
