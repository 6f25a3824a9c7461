package io.keywarden.core.policy;

import io.keywarden.core.policy.condition.Condition;
import io.keywarden.core.policy.condition.Truth;
import io.keywarden.core.policy.internal.ArnParts;
import io.keywarden.core.policy.internal.ArnPattern;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One statement of a {@link PolicyDocument}: effect, actions (or not-actions), resources (or not-resources) and
 * conditions, all checked and compiled when the document was parsed.
 */
public final class Statement {
    private final int index;
    private final String sid;
    private final Effect effect;
    private final boolean notAction;
    private final List<ActionPattern> actions;
    private final boolean notResource;
    private final List<ResourcePattern> resources;
    private final List<Condition> conditions;
    private final List<PrincipalPattern> principals;

    private final ActionPattern[] actionArray;
    private final ResourcePattern[] resourceArray;
    private final Condition[] conditionArray;

    Statement(int index, String sid, Effect effect, boolean notAction, List<ActionPattern> actions,
              boolean notResource, List<ResourcePattern> resources, List<Condition> conditions) {
        this(index, sid, effect, notAction, actions, notResource, resources, conditions, List.of());
    }

    Statement(int index, String sid, Effect effect, boolean notAction, List<ActionPattern> actions,
              boolean notResource, List<ResourcePattern> resources, List<Condition> conditions,
              List<PrincipalPattern> principals) {
        this.index = index;
        this.sid = sid == null || sid.isEmpty() ? null : sid;
        this.effect = Objects.requireNonNull(effect, "effect");
        this.notAction = notAction;
        this.actions = List.copyOf(actions);
        this.notResource = notResource;
        this.resources = List.copyOf(resources);
        this.conditions = List.copyOf(conditions);
        this.principals = List.copyOf(principals);
        this.actionArray = this.actions.toArray(new ActionPattern[0]);
        this.resourceArray = this.resources.toArray(new ResourcePattern[0]);
        this.conditionArray = this.conditions.toArray(new Condition[0]);
    }

    /** The statement's position in the document, from 0. */
    public int index() {
        return index;
    }

    /** The {@code Sid}, if it has a non-empty one. */
    public Optional<String> sid() {
        return Optional.ofNullable(sid);
    }

    /** The {@code Sid}, or {@code Statement[i]} when it has none. */
    public String label() {
        return sid != null ? sid : label(index);
    }

    static String label(int index) {
        return "Statement[" + index + "]";
    }

    public Effect effect() {
        return effect;
    }

    /** True if the actions are a {@code NotAction}: the statement covers every action except these. */
    public boolean notAction() {
        return notAction;
    }

    /** The {@code Action} or {@code NotAction} patterns. */
    public List<ActionPattern> actions() {
        return actions;
    }

    /** True if the resources are a {@code NotResource}: the statement covers every resource except these. */
    public boolean notResource() {
        return notResource;
    }

    /** The {@code Resource} or {@code NotResource} patterns. */
    public List<ResourcePattern> resources() {
        return resources;
    }

    /** The principals of a trust policy's statement ({@code Principal}); empty in an identity-based policy. */
    public List<PrincipalPattern> principals() {
        return principals;
    }

    /** The conditions, all of which must hold. */
    public List<Condition> conditions() {
        return conditions;
    }

    /**
     * Whether the statement applies to a request: {@link Truth#TRUE} if action, resource and every condition
     * match, {@link Truth#FALSE} if any does not, {@link Truth#ERROR} if a condition cannot be evaluated and none
     * is false.
     *
     * @param foldedAction the request's action, case-folded
     */
    Truth evaluate(String foldedAction, ArnParts resource, ConditionContext context, Consumer<String> errors) {
        if (!actionApplies(foldedAction) || !resourceApplies(resource, context)) {
            return Truth.FALSE;
        }
        return conditionsHold(context, errors);
    }

    /**
     * Whether a trust policy's statement applies to a request: as {@link #evaluate}, with the principal in place of
     * the resource (a trust policy's resource is its role).
     */
    Truth evaluateTrust(String foldedAction, TrustRequest request, Consumer<String> errors) {
        if (!actionApplies(foldedAction)) {
            return Truth.FALSE;
        }
        boolean principalListed = false;
        for (PrincipalPattern principal : principals) {
            if (principal.matches(request)) {
                principalListed = true;
                break;
            }
        }
        if (!principalListed) {
            return Truth.FALSE;
        }
        return conditionsHold(request.context(), errors);
    }

    private boolean actionApplies(String foldedAction) {
        boolean actionListed = false;
        for (ActionPattern pattern : actionArray) {
            if (pattern.matchesFolded(foldedAction)) {
                actionListed = true;
                break;
            }
        }
        return actionListed != notAction;
    }

    private boolean resourceApplies(ArnParts resource, ConditionContext context) {
        if (notResource) {
            for (ResourcePattern pattern : resourceArray) {
                // a listed resource is excluded; a pattern whose variable has no value makes the statement void
                if (pattern.match(resource, context) != ArnPattern.NO_MATCH) {
                    return false;
                }
            }
            return true;
        }
        for (ResourcePattern pattern : resourceArray) {
            if (pattern.match(resource, context) == ArnPattern.MATCH) {
                return true;
            }
        }
        return false;
    }

    private Truth conditionsHold(ConditionContext context, Consumer<String> errors) {
        Truth result = Truth.TRUE;
        for (Condition condition : conditionArray) {
            Truth t = condition.evaluate(context, errors);
            if (t == Truth.FALSE) {
                return Truth.FALSE;
            }
            if (t == Truth.ERROR) {
                result = Truth.ERROR;
            }
        }
        return result;
    }

    @Override
    public String toString() {
        return "Statement{" + label() + ", " + effect + (principals.isEmpty() ? "" : ", Principal=" + principals)
                + ", " + (notAction ? "NotAction" : "Action") + "=" + actions
                + (principals.isEmpty() ? ", " + (notResource ? "NotResource" : "Resource") + "=" + resources : "")
                + (conditions.isEmpty() ? "" : ", Condition=" + conditions) + "}";
    }
}
