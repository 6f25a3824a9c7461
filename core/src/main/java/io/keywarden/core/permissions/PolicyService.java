package io.keywarden.core.permissions;

import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.operation.Parameters;
import io.keywarden.core.auth.Caller;
import io.keywarden.core.authz.AuthorizationRequest;
import io.keywarden.core.authz.AuthorizationResult;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Arns;
import io.keywarden.core.identity.Names;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.identity.UniqueIds;
import io.keywarden.core.identity.User;
import io.keywarden.core.identity.UserPath;
import io.keywarden.core.policy.PolicyDocument;
import io.keywarden.core.port.Page;
import io.keywarden.core.port.PageRequest;
import io.keywarden.core.port.PolicyChangeListener;
import io.keywarden.core.port.PolicyStore;
import io.keywarden.core.service.AccessGuard;
import io.keywarden.core.service.IdentityService;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Managing permissions: inline user policies, managed policies and their attachments, and the policy simulator.
 * Documents are validated (parsed) before they are stored, so a malformed policy never reaches the evaluator.
 * AWS's quotas apply: inline policies of one user total at most 2,048 non-whitespace characters, a managed policy at
 * most 6,144, and at most 10 managed policies per user.
 */
public final class PolicyService {
    public static final int INLINE_QUOTA = 2048;
    public static final int MANAGED_QUOTA = 6144;
    public static final int ATTACHED_QUOTA = 10;
    /** Limits on a simulation's context overrides: keys, values per key, characters per value. */
    public static final int MAX_CONTEXT_KEYS = 50;
    public static final int MAX_CONTEXT_VALUES = 50;
    public static final int MAX_CONTEXT_VALUE_LENGTH = 1024;

    private final AccessGuard guard;
    private final PolicyStore store;
    private final PolicyChangeListener changes;
    private final Clock clock;
    private final RandomGenerator random;

    public PolicyService(IdentityService identity, PolicyStore store, PolicyChangeListener changes, Clock clock,
                         RandomGenerator random) {
        this.guard = identity.guard();
        this.store = Objects.requireNonNull(store, "store");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        identity.addDeleteGuard(this::checkUserDeletable);
    }

    private AccountId account() {
        return guard.account();
    }

    // ---------------------------------------------------------------- inline

    public void putUserPolicy(Caller caller, String userName, String policyName, String document) {
        Names.requireName(policyName, "policyName", 128);
        User user = guard.requireUser(caller, Catalogue.PUT_USER_POLICY.action(), userName);
        int total = PolicyDocument.parse(document).sizeWithoutWhitespace();
        for (InlinePolicy other : store.userPolicies(account(), user.userId())) {
            if (!other.policyName().equals(policyName)) {
                total += PolicyDocument.parse(other.document()).sizeWithoutWhitespace();
            }
        }
        if (total > INLINE_QUOTA) {
            throw KeywardenException.of(ErrorCode.LIMIT_EXCEEDED,
                    "Maximum policy size of " + INLINE_QUOTA + " bytes exceeded for user " + user.userName());
        }
        store.putUserPolicy(account(), user.userId(), new InlinePolicy(policyName, document));
        changes.userPoliciesChanged(user.userId());
    }

    public InlinePolicy getUserPolicy(Caller caller, String userName, String policyName) {
        Names.requireName(policyName, "policyName", 128);
        User user = guard.requireUser(caller, Catalogue.GET_USER_POLICY.action(), userName);
        return store.getUserPolicy(account(), user.userId(), policyName)
                .orElseThrow(() -> noSuchInline(policyName));
    }

    public void deleteUserPolicy(Caller caller, String userName, String policyName) {
        Names.requireName(policyName, "policyName", 128);
        User user = guard.requireUser(caller, Catalogue.DELETE_USER_POLICY.action(), userName);
        if (!store.deleteUserPolicy(account(), user.userId(), policyName)) {
            throw noSuchInline(policyName);
        }
        changes.userPoliciesChanged(user.userId());
    }

    public Page<String> listUserPolicies(Caller caller, String userName, PageRequest page) {
        User user = guard.requireUser(caller, Catalogue.LIST_USER_POLICIES.action(), userName);
        List<String> names = store.userPolicies(account(), user.userId()).stream().map(InlinePolicy::policyName).toList();
        return paginate(names, page, n -> n);
    }

    // ---------------------------------------------------------------- managed

    public ManagedPolicy createPolicy(Caller caller, String policyName, String path, String document, String description) {
        Names.requireName(policyName, "policyName", 128);
        String p = UserPath.of(path).value();
        if (description != null) {
            requireDescription(description);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ManagedPolicy policy = new ManagedPolicy(account(), UniqueIds.generate("ANPA", random), policyName, p, document, description,
                now, now, 0);
        guard.authorize(caller, Catalogue.CREATE_POLICY.action(), policy.arn(), policy.arn());
        if (PolicyDocument.parse(document).sizeWithoutWhitespace() > MANAGED_QUOTA) {
            throw KeywardenException.of(ErrorCode.LIMIT_EXCEEDED, "Cannot exceed quota for PolicySize: " + MANAGED_QUOTA);
        }
        store.createPolicy(policy);
        return policy;
    }

    /**
     * AWS's rule for a policy description: at most 1,000 characters of TAB, LF, CR and U+0020–U+00FF. Anything else
     * (another control character) would make the Query face's XML answers unparseable, so it is refused when written.
     */
    static void requireDescription(String description) {
        if (description.length() > 1000) {
            throw KeywardenException.validation("description", "Member must have length less than or equal to 1000");
        }
        for (int i = 0; i < description.length(); i++) {
            char c = description.charAt(i);
            if (!(c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xFF))) {
                throw KeywardenException.validation("description",
                        "Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]*");
            }
        }
    }

    public ManagedPolicy getPolicy(Caller caller, String policyArn) {
        requirePolicyArn(policyArn);
        guard.authorize(caller, Catalogue.GET_POLICY.action(), policyArn, policyArn);
        return store.findPolicy(account(), policyArn)
                .orElseThrow(() -> KeywardenException.of(ErrorCode.NO_SUCH_ENTITY, "Policy " + policyArn + " was not found."));
    }

    public void deletePolicy(Caller caller, String policyArn) {
        requirePolicyArn(policyArn);
        guard.authorize(caller, Catalogue.DELETE_POLICY.action(), policyArn, policyArn);
        ManagedPolicy policy = store.findPolicy(account(), policyArn)
                .orElseThrow(() -> KeywardenException.of(ErrorCode.NO_SUCH_ENTITY, "Policy " + policyArn + " was not found."));
        if (policy.awsManaged()) {
            throw KeywardenException.of(ErrorCode.INVALID_INPUT, "Cannot delete AWS managed policy " + policyArn + ".");
        }
        if (policy.attachmentCount() > 0) {
            throw KeywardenException.of(ErrorCode.DELETE_CONFLICT, "Cannot delete a policy attached to entities.");
        }
        if (!store.deletePolicy(account(), policyArn)) {
            throw KeywardenException.of(ErrorCode.NO_SUCH_ENTITY, "Policy " + policyArn + " was not found.");
        }
        changes.allPoliciesChanged();
    }

    /**
     * ListPolicies; {@code scope} is {@code All}, {@code Local} (customer-managed) or {@code AWS} (the built-in
     * AWS-managed-style policies the account has used, such as the quarantine policy). A page filtered by scope may
     * hold fewer than {@code maxItems} policies; its marker still leads on.
     */
    public Page<ManagedPolicy> listPolicies(Caller caller, String scope, boolean onlyAttached, String pathPrefix,
                                            PageRequest page) {
        String s = scope == null ? "All" : scope;
        if (!List.of("All", "Local", "AWS").contains(s)) {
            throw KeywardenException.validation("scope", "Member must satisfy enum value set: [All, AWS, Local]");
        }
        String prefix = Parameters.pathPrefix(pathPrefix);
        guard.authorizeAny(caller, Catalogue.LIST_POLICIES.action());
        List<ManagedPolicy> found = store.listPolicies(account(), prefix, onlyAttached, page.afterKey(), page.maxItems() + 1);
        boolean truncated = found.size() > page.maxItems();
        List<ManagedPolicy> items = truncated ? found.subList(0, page.maxItems()) : found;
        String marker = truncated ? PageRequest.markerFor(items.get(items.size() - 1).policyName()) : null;
        if (!s.equals("All")) {
            boolean aws = s.equals("AWS");
            items = items.stream().filter(p -> p.awsManaged() == aws).toList();
        }
        return Page.of(items, marker);
    }

    public void attachUserPolicy(Caller caller, String userName, String policyArn) {
        requirePolicyArn(policyArn);
        User user = guard.requireUser(caller, Catalogue.ATTACH_USER_POLICY.action(), userName);
        store.findPolicy(account(), policyArn).orElseThrow(() -> KeywardenException.of(ErrorCode.NO_SUCH_ENTITY,
                "Policy " + policyArn + " does not exist or is not attachable."));
        List<ManagedPolicy> attached = store.attachedPolicies(account(), user.userId());
        if (attached.stream().anyMatch(p -> p.arn().equals(policyArn))) {
            return;
        }
        if (attached.size() >= ATTACHED_QUOTA) {
            throw KeywardenException.of(ErrorCode.LIMIT_EXCEEDED, "Cannot exceed quota for PoliciesPerUser: " + ATTACHED_QUOTA);
        }
        store.attach(account(), user.userId(), policyArn);
        changes.userPoliciesChanged(user.userId());
    }

    public void detachUserPolicy(Caller caller, String userName, String policyArn) {
        requirePolicyArn(policyArn);
        User user = guard.requireUser(caller, Catalogue.DETACH_USER_POLICY.action(), userName);
        if (!store.detach(account(), user.userId(), policyArn)) {
            throw KeywardenException.of(ErrorCode.NO_SUCH_ENTITY, "Policy " + policyArn + " was not found.");
        }
        changes.userPoliciesChanged(user.userId());
    }

    public Page<ManagedPolicy> listAttachedUserPolicies(Caller caller, String userName, String pathPrefix,
                                                        PageRequest page) {
        String prefix = Parameters.pathPrefix(pathPrefix);
        User user = guard.requireUser(caller, Catalogue.LIST_ATTACHED_USER_POLICIES.action(), userName);
        List<ManagedPolicy> attached = store.attachedPolicies(account(), user.userId()).stream()
                .filter(p -> p.path().startsWith(prefix)).toList();
        return paginate(attached, page, ManagedPolicy::policyName);
    }

    // ---------------------------------------------------------------- simulation

    /**
     * Would the named user be allowed {@code action} on {@code resource}, with the request context of
     * {@code asIf} (source IP, time, ...)? Performs nothing; answers the decision with its reasons.
     */
    public AuthorizationResult simulate(Caller caller, String userName, String action, String resource, Caller asIf) {
        return simulate(caller, userName, action, resource, asIf, Map.of());
    }

    /**
     * As {@link #simulate(Caller, String, String, String, Caller)}, with condition keys that replace those of
     * {@code asIf}'s request ({@code aws:SourceIp}, {@code aws:CurrentTime}, any other key); a key given with no
     * values is removed from the context. The simulated user's identity keys ({@code aws:username}, ...) can be
     * overridden too: a simulation grants nothing.
     */
    public AuthorizationResult simulate(Caller caller, String userName, String action, String resource, Caller asIf,
                                        Map<String, List<String>> contextOverrides) {
        User user = guard.requireUser(caller, Catalogue.SIMULATE_PRINCIPAL_POLICY.action(), userName);
        if (action == null || action.length() < 3 || action.length() > 128) {
            throw KeywardenException.validation("actionName", "Member must have length between 3 and 128");
        }
        if (resource != null && resource.length() > 2048) {
            throw KeywardenException.validation("resourceArn", "Member must have length less than or equal to 2048");
        }
        checkContext(contextOverrides);
        String target = resource == null || resource.isBlank() ? "*" : resource;
        Caller subject = new Caller(Principal.user(user), asIf.accessKeyId(), asIf.requestTime(), asIf.sourceIp(),
                asIf.userAgent(), asIf.secureTransport(), asIf.region(), asIf.service());
        return guard.authorizer().authorize(AuthorizationRequest.simulation(subject, action, target, contextOverrides));
    }

    private static void checkContext(Map<String, List<String>> context) {
        if (context.size() > MAX_CONTEXT_KEYS) {
            throw KeywardenException.validation("contextEntries",
                    "Member must have length less than or equal to " + MAX_CONTEXT_KEYS);
        }
        context.forEach((key, values) -> {
            if (key == null || key.isEmpty() || key.length() > 256 || key.chars().anyMatch(c -> c <= ' ' || c > '~')) {
                throw KeywardenException.validation("contextKeyName",
                        "Member must be 1-256 printable ASCII characters without spaces");
            }
            if (values == null || values.size() > MAX_CONTEXT_VALUES) {
                throw KeywardenException.validation("contextKeyValues",
                        "Member must have length less than or equal to " + MAX_CONTEXT_VALUES);
            }
            for (String value : values) {
                if (value == null || value.length() > MAX_CONTEXT_VALUE_LENGTH) {
                    throw KeywardenException.validation("contextKeyValues",
                            "Member must be strings of at most " + MAX_CONTEXT_VALUE_LENGTH + " characters");
                }
            }
        });
    }

    // ---------------------------------------------------------------- helpers

    private void checkUserDeletable(User user) {
        if (!store.userPolicies(account(), user.userId()).isEmpty()) {
            throw KeywardenException.of(ErrorCode.DELETE_CONFLICT, "Cannot delete entity, must delete policies first.");
        }
        if (!store.attachedPolicies(account(), user.userId()).isEmpty()) {
            throw KeywardenException.of(ErrorCode.DELETE_CONFLICT, "Cannot delete entity, must detach all policies first.");
        }
    }

    private void requirePolicyArn(String arn) {
        requirePolicyArn(account(), arn);
    }

    /** A managed policy's ARN as AttachUserPolicy and AttachRolePolicy take it: one of this account's policies. */
    static void requirePolicyArn(AccountId account, String arn) {
        if (arn == null || arn.length() < 20 || arn.length() > 2048) {
            throw KeywardenException.validation("policyArn", "Member must have length between 20 and 2048");
        }
        String prefix = "arn:aws:iam::" + account.value() + ":policy/";
        if (!arn.startsWith("arn:aws:iam::") || !arn.contains(":policy/")) {
            throw KeywardenException.of(ErrorCode.INVALID_INPUT, "ARN " + arn + " is not valid.");
        }
        if (!arn.startsWith(prefix) && !arn.startsWith(ManagedPolicy.AWS_MANAGED_PREFIX)) {
            // other accounts' policies are not hosted here; of AWS-managed ones, only Keywarden's built-in ones
            throw KeywardenException.of(ErrorCode.NO_SUCH_ENTITY, "Policy " + arn + " does not exist or is not attachable.");
        }
    }

    private static KeywardenException noSuchInline(String policyName) {
        return KeywardenException.of(ErrorCode.NO_SUCH_ENTITY, "The user policy with name " + policyName + " cannot be found.");
    }

    static <T> Page<T> paginate(List<T> sorted, PageRequest page, java.util.function.Function<T, String> key) {
        String after = page.afterKey();
        List<T> rest = new ArrayList<>();
        for (T t : sorted) {
            if (after == null || key.apply(t).compareTo(after) > 0) {
                rest.add(t);
            }
        }
        boolean truncated = rest.size() > page.maxItems();
        List<T> items = truncated ? rest.subList(0, page.maxItems()) : rest;
        return Page.of(items, truncated ? PageRequest.markerFor(key.apply(items.get(items.size() - 1))) : null);
    }

}
