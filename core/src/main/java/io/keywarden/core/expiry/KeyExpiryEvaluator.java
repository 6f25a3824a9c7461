package io.keywarden.core.expiry;

import io.keywarden.core.identity.Tag;
import io.keywarden.core.keys.AccessKey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The one place that decides what a key expiry policy says about a key (pure: the time is given). For each key: its
 * age and days unused, its state ({@link State#OK}, {@link State#DUE} once past a warning threshold,
 * {@link State#OVERDUE} once past an action threshold), whether it is exempt, the steps that are due now and the next
 * step with its time and reason.
 *
 * <p>Thresholds: an Active key is warned about at created + W and deactivated at created + D (maximum age), warned
 * about at lastUse + Uw and deactivated at lastUse + Ud (unused; creation when never used). An Inactive key is deleted
 * at max(inactiveSince, lastUse) + Z: it must have stayed Inactive <em>and</em> unused for Z days; when it is not
 * known since when it is Inactive (the scheduler had not seen it yet), the clock starts now. A warning is given once
 * per key and threshold ({@code warned} holds the {@link Step#mark()}s already given). Root keys are warned about,
 * never deactivated or deleted; exempt keys are reported only.
 */
public final class KeyExpiryEvaluator {
    private KeyExpiryEvaluator() {
    }

    /** Which rule of the policy. */
    public enum Rule {
        MAX_AGE("maxAge"), UNUSED("unused"), INACTIVE_UNUSED("inactiveUnused");

        private final String wireName;

        Rule(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** What the policy does to a key, mildest first. */
    public enum Action {
        WARN("warn"), DEACTIVATE("deactivate"), DELETE("delete");

        private final String wireName;

        Action(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** Where a key stands. */
    public enum State {
        OK("ok"), DUE("due"), OVERDUE("overdue");

        private final String wireName;

        State(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** One thing the policy does to a key at a time, because of a rule's threshold. */
    public record Step(Action action, Rule rule, int thresholdDays, Instant at, String reason) {
        /** How a given warning is remembered: once per key, rule and threshold. */
        public String mark() {
            return action.wireName() + ":" + rule.wireName() + ":" + thresholdDays;
        }
    }

    /**
     * What the policy says about one key.
     *
     * @param due       the steps to take now (empty when exempt, for a dry run they are only reported)
     * @param next      the step the policy takes next (possibly due already), or null
     * @param exemptBy  the exemption that covers the key, or null
     * @param note      why nothing more is done although the key is past a threshold (root, exempt), or null
     */
    public record Verdict(AccessKey key, long ageDays, long unusedDays, State state,
                          KeyExpiryPolicy.Exemption exemptBy, List<Step> due, Step next, String note) {
        public boolean exempt() {
            return exemptBy != null;
        }
    }

    /**
     * Evaluates one key.
     *
     * @param policy        null: no policy, only the ages are reported
     * @param ownerTags     the owner's tags (empty for the root user)
     * @param inactiveSince since when the key is known to be Inactive, or null when unknown
     * @param warned        the marks of the warnings already given for this key
     */
    public static Verdict evaluate(KeyExpiryPolicy policy, AccessKey key, List<Tag> ownerTags, Instant inactiveSince,
                                   Set<String> warned, Instant now) {
        Instant created = key.createDate();
        Instant lastUse = key.lastUsed() == null ? null : key.lastUsed().date();
        Instant idleFrom = lastUse != null && lastUse.isAfter(created) ? lastUse : created;
        long age = days(created, now);
        long unused = days(idleFrom, now);
        if (policy == null) {
            return new Verdict(key, age, unused, State.OK, null, List.of(), null, null);
        }
        List<Step> steps = new ArrayList<>(4);
        if (key.isActive()) {
            add(steps, Action.WARN, Rule.MAX_AGE, policy.warnAfterDays(), created,
                    "maximum age: warnAfterDays %2$d (key age %1$d days)", age);
            add(steps, Action.DEACTIVATE, Rule.MAX_AGE, policy.deactivateAfterDays(), created,
                    "maximum age: deactivateAfterDays %2$d (key age %1$d days)", age);
            String never = lastUse == null ? "; never used, counted from creation" : "";
            add(steps, Action.WARN, Rule.UNUSED, policy.unusedWarnAfterDays(), idleFrom,
                    "unused: unusedWarnAfterDays %2$d (unused for %1$d days" + never + ")", unused);
            add(steps, Action.DEACTIVATE, Rule.UNUSED, policy.unusedDeactivateAfterDays(), idleFrom,
                    "unused: unusedDeactivateAfterDays %2$d (unused for %1$d days" + never + ")", unused);
        } else if (policy.deleteAfterDays() != null) {
            Instant since = inactiveSince == null ? now : inactiveSince;
            Instant from = since.isAfter(idleFrom) ? since : idleFrom;
            add(steps, Action.DELETE, Rule.INACTIVE_UNUSED, policy.deleteAfterDays(), from,
                    "Inactive and unused: deleteAfterDays %2$d (Inactive and unused for %1$d days)", days(from, now));
        }
        State state = State.OK;
        for (Step s : steps) {
            if (!s.at().isAfter(now)) {
                State reached = s.action() == Action.WARN ? State.DUE : State.OVERDUE;
                if (reached.compareTo(state) > 0) {
                    state = reached;
                }
            }
        }
        KeyExpiryPolicy.Exemption exemptBy = policy.exemptionFor(ownerTags);
        boolean root = key.owner().isRoot();
        String note = null;
        if (exemptBy != null) {
            note = "exempt by the owner's tag " + exemptBy + ": reported only";
            steps.clear();
        } else if (root) {
            if (steps.removeIf(s -> s.action() != Action.WARN) && state == State.OVERDUE) {
                note = "a root key: warned about, never deactivated or deleted by a policy (deactivate or delete it"
                        + " with the root user's credentials)";
            }
        }
        steps.removeIf(s -> s.action() == Action.WARN && warned.contains(s.mark()));
        Comparator<Step> order = Comparator.comparing(Step::at)
                .thenComparing(Step::action, Comparator.reverseOrder());
        steps.sort(order);
        List<Step> due = steps.stream().filter(s -> !s.at().isAfter(now)).toList();
        Step strongestDue = due.stream().filter(s -> s.action() != Action.WARN).findFirst().orElse(null);
        List<Step> toTake = strongestDue != null ? List.of(strongestDue) : due;
        Step next = !toTake.isEmpty() ? toTake.get(0) : steps.isEmpty() ? null : steps.get(0);
        return new Verdict(key, age, unused, state, exemptBy, toTake, next, note);
    }

    private static void add(List<Step> steps, Action action, Rule rule, Integer days, Instant from, String reason,
                            long value) {
        if (days != null) {
            steps.add(new Step(action, rule, days, from.plus(Duration.ofDays(days)),
                    String.format(java.util.Locale.ROOT, reason, value, days)));
        }
    }

    /** Whole days from {@code from} to {@code to}, never negative. */
    static long days(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toDays());
    }
}
