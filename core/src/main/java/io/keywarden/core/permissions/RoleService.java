package io.keywarden.core.permissions;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Arns;
import io.keywarden.core.identity.Names;
import io.keywarden.core.identity.Role;
import io.keywarden.core.identity.Tag;
import io.keywarden.core.identity.Tags;
import io.keywarden.core.identity.UniqueIds;
import io.keywarden.core.identity.User;
import io.keywarden.core.identity.UserName;
import io.keywarden.core.identity.UserPath;
import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.operation.Parameters;
import io.keywarden.core.policy.PolicyDocument;
import io.keywarden.core.policy.PrincipalPattern;
import io.keywarden.core.policy.TrustPolicy;
import io.keywarden.core.port.Page;
import io.keywarden.core.port.PageRequest;
import io.keywarden.core.port.PolicyChangeListener;
import io.keywarden.core.port.PolicyStore;
import io.keywarden.core.port.RolePolicyStore;
import io.keywarden.core.port.RoleStore;
import io.keywarden.core.port.UserStore;
import io.keywarden.core.service.AccessGuard;
import io.keywarden.core.service.IdentityService;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * IAM roles: creating, reading, listing, updating and deleting them, their trust policies, their inline policies and
 * the managed policies attached to them. Each action is authorised on the role's ARN
 * ({@code arn:aws:iam::ACCOUNT:role{PATH}NAME}) through {@link AccessGuard}, before anything is read or changed; a
 * role that does not exist is authorised on the ARN it would have under path {@code /}, so a denial does not reveal
 * which roles exist. Documents are parsed before they are stored: a trust policy as a trust policy
 * ({@link TrustPolicy}, a {@code Principal} required), a role policy as an identity-based policy.
 *
 * <p>AWS's quotas apply: a trust policy holds at most 2,048 characters without whitespace, a role's inline policies
 * together 10,240, and at most 10 managed policies are attached to a role.
 */
public final class RoleService {
    public static final int TRUST_POLICY_QUOTA = 2048;
    public static final int INLINE_QUOTA = 10_240;
    public static final int ATTACHED_QUOTA = 10;
    public static final int MAX_DESCRIPTION = 1000;

    private final AccessGuard guard;
    private final RoleStore roles;
    private final UserStore users;
    private final RolePolicyStore rolePolicies;
    private final PolicyStore policies;
    private final PolicyChangeListener changes;
    private final Clock clock;
    private final RandomGenerator random;

    public RoleService(IdentityService identity, UserStore users, RoleStore roles, RolePolicyStore rolePolicies,
                       PolicyStore policies, PolicyChangeListener changes, Clock clock, RandomGenerator random) {
        this.guard = identity.guard();
        this.users = Objects.requireNonNull(users, "users");
        this.roles = Objects.requireNonNull(roles, "roles");
        this.rolePolicies = Objects.requireNonNull(rolePolicies, "rolePolicies");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The account whose roles these are. */
    public AccountId account() {
        return guard.account();
    }

    // ---------------------------------------------------------------- roles

    public Role createRole(Caller caller, String roleName, String path, String assumeRolePolicyDocument,
                           String description, Integer maxSessionDuration, List<Map<String, String>> tags) {
        Names.requireName(roleName, "roleName", Role.MAX_NAME_LENGTH);
        UserPath p = UserPath.of(path);
        if (description != null) {
            requireDescription(description);
        }
        int duration = maxSessionDuration == null ? Role.DEFAULT_MAX_SESSION_DURATION
                : requireMaxSessionDuration(maxSessionDuration);
        List<Tag> tagList = Tag.fromCaller(tags);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Role role = new Role(account(), UniqueIds.generate("AROA", random), roleName, p, now,
                Objects.requireNonNull(assumeRolePolicyDocument, "assumeRolePolicyDocument"), description, duration,
                tagList);
        guard.authorize(caller, Catalogue.CREATE_ROLE.action(), role.arn(), "role " + roleName);
        requireExistingPrincipals(requireTrustPolicy(assumeRolePolicyDocument));
        roles.insert(role);
        return role;
    }

    public Role getRole(Caller caller, String roleName) {
        return requireRole(caller, Catalogue.GET_ROLE.action(), roleName);
    }

    public Page<Role> listRoles(Caller caller, String pathPrefix, PageRequest page) {
        String prefix = Parameters.pathPrefix(pathPrefix);
        guard.authorize(caller, Catalogue.LIST_ROLES.action(), "arn:aws:iam::" + account().value() + ":role" + prefix
                + "*", "roles under " + prefix);
        List<Role> found = roles.list(account(), prefix, page.afterKey(), page.maxItems() + 1);
        boolean truncated = found.size() > page.maxItems();
        List<Role> items = truncated ? found.subList(0, page.maxItems()) : found;
        return Page.of(items, truncated ? PageRequest.markerFor(items.get(items.size() - 1).nameKey()) : null);
    }

    /** UpdateRole: the description and the maximum session duration; what is not given stays. */
    public Role updateRole(Caller caller, String roleName, String description, Integer maxSessionDuration) {
        if (description != null) {
            requireDescription(description);
        }
        if (maxSessionDuration != null) {
            requireMaxSessionDuration(maxSessionDuration);
        }
        Role role = requireRole(caller, Catalogue.UPDATE_ROLE.action(), roleName);
        Role updated = role;
        if (description != null) {
            updated = updated.withDescription(description);
        }
        if (maxSessionDuration != null) {
            updated = updated.withMaxSessionDuration(maxSessionDuration);
        }
        if (!roles.update(updated)) {
            throw noSuchRole(roleName);
        }
        return updated;
    }

    // ---------------------------------------------------------------- tags

    /** TagRole: adds the tags, replacing the value of a key the role has (ignoring case); at most 50 in all. */
    public Role tagRole(Caller caller, String roleName, List<Map<String, String>> tags) {
        List<Tag> added = Tag.fromCaller(tags);
        Role role = requireRole(caller, Catalogue.TAG_ROLE.action(), roleName);
        List<Tag> merged = Tags.merge(role.tags(), added, "role " + role.roleName());
        if (!roles.updateTags(account(), role.roleId(), merged)) {
            throw noSuchRole(roleName);
        }
        return role;
    }

    /** UntagRole: removes the tags with these keys (ignoring case); keys the role does not have are ignored. */
    public Role untagRole(Caller caller, String roleName, List<String> tagKeys) {
        List<String> keys = Tag.keys(tagKeys);
        Role role = requireRole(caller, Catalogue.UNTAG_ROLE.action(), roleName);
        if (!roles.updateTags(account(), role.roleId(), Tags.remove(role.tags(), keys))) {
            throw noSuchRole(roleName);
        }
        return role;
    }

    /** ListRoleTags: the role's tags, ordered by key ignoring case. */
    public Page<Tag> listRoleTags(Caller caller, String roleName, PageRequest page) {
        Role role = requireRole(caller, Catalogue.LIST_ROLE_TAGS.action(), roleName);
        return Tags.page(role.tags(), page);
    }

    public Role updateAssumeRolePolicy(Caller caller, String roleName, String policyDocument) {
        Role role = requireRole(caller, Catalogue.UPDATE_ASSUME_ROLE_POLICY.action(), roleName);
        requireExistingPrincipals(requireTrustPolicy(policyDocument));
        Role updated = role.withAssumeRolePolicyDocument(policyDocument);
        if (!roles.update(updated)) {
            throw noSuchRole(roleName);
        }
        return updated;
    }

    /** DeleteRole: refused ({@code DeleteConflict}) while the role has inline or attached policies. */
    public void deleteRole(Caller caller, String roleName) {
        Role role = requireRole(caller, Catalogue.DELETE_ROLE.action(), roleName);
        if (!rolePolicies.rolePolicies(account(), role.roleId()).isEmpty()) {
            throw KeywardenException.of(ErrorCode.DELETE_CONFLICT, "Cannot delete entity, must delete policies first.");
        }
        if (!rolePolicies.roleAttachedPolicies(account(), role.roleId()).isEmpty()) {
            throw KeywardenException.of(ErrorCode.DELETE_CONFLICT,
                    "Cannot delete entity, must detach all policies first.");
        }
        if (!roles.delete(account(), role.roleId())) {
            throw noSuchRole(roleName);
        }
        changes.rolePoliciesChanged(role.roleId());
    }

    /** The role of this name, unauthorised (for the use cases that assume roles, which authorise otherwise). */
    public Optional<Role> findRole(String roleName) {
        return roles.findByName(account(), roleName);
    }

    // ---------------------------------------------------------------- inline role policies

    public void putRolePolicy(Caller caller, String roleName, String policyName, String document) {
        Names.requireName(policyName, "policyName", 128);
        Role role = requireRole(caller, Catalogue.PUT_ROLE_POLICY.action(), roleName);
        int total = PolicyDocument.parse(document).sizeWithoutWhitespace();
        for (InlinePolicy other : rolePolicies.rolePolicies(account(), role.roleId())) {
            if (!other.policyName().equals(policyName)) {
                total += PolicyDocument.parse(other.document()).sizeWithoutWhitespace();
            }
        }
        if (total > INLINE_QUOTA) {
            throw KeywardenException.of(ErrorCode.LIMIT_EXCEEDED,
                    "Maximum policy size of " + INLINE_QUOTA + " bytes exceeded for role " + role.roleName());
        }
        rolePolicies.putRolePolicy(account(), role.roleId(), new InlinePolicy(policyName, document));
        changes.rolePoliciesChanged(role.roleId());
    }

    public InlinePolicy getRolePolicy(Caller caller, String roleName, String policyName) {
        Names.requireName(policyName, "policyName", 128);
        Role role = requireRole(caller, Catalogue.GET_ROLE_POLICY.action(), roleName);
        return rolePolicies.getRolePolicy(account(), role.roleId(), policyName)
                .orElseThrow(() -> noSuchRolePolicy(policyName));
    }

    public void deleteRolePolicy(Caller caller, String roleName, String policyName) {
        Names.requireName(policyName, "policyName", 128);
        Role role = requireRole(caller, Catalogue.DELETE_ROLE_POLICY.action(), roleName);
        if (!rolePolicies.deleteRolePolicy(account(), role.roleId(), policyName)) {
            throw noSuchRolePolicy(policyName);
        }
        changes.rolePoliciesChanged(role.roleId());
    }

    public Page<String> listRolePolicies(Caller caller, String roleName, PageRequest page) {
        Role role = requireRole(caller, Catalogue.LIST_ROLE_POLICIES.action(), roleName);
        List<String> names = rolePolicies.rolePolicies(account(), role.roleId()).stream()
                .map(InlinePolicy::policyName).toList();
        return PolicyService.paginate(names, page, n -> n);
    }

    // ---------------------------------------------------------------- attached managed policies

    public void attachRolePolicy(Caller caller, String roleName, String policyArn) {
        PolicyService.requirePolicyArn(account(), policyArn);
        Role role = requireRole(caller, Catalogue.ATTACH_ROLE_POLICY.action(), roleName);
        policies.findPolicy(account(), policyArn).orElseThrow(() -> KeywardenException.of(ErrorCode.NO_SUCH_ENTITY,
                "Policy " + policyArn + " does not exist or is not attachable."));
        List<ManagedPolicy> attached = rolePolicies.roleAttachedPolicies(account(), role.roleId());
        if (attached.stream().anyMatch(p -> p.arn().equals(policyArn))) {
            return;
        }
        if (attached.size() >= ATTACHED_QUOTA) {
            throw KeywardenException.of(ErrorCode.LIMIT_EXCEEDED,
                    "Cannot exceed quota for PoliciesPerRole: " + ATTACHED_QUOTA);
        }
        rolePolicies.attachRolePolicy(account(), role.roleId(), policyArn);
        changes.rolePoliciesChanged(role.roleId());
    }

    public void detachRolePolicy(Caller caller, String roleName, String policyArn) {
        PolicyService.requirePolicyArn(account(), policyArn);
        Role role = requireRole(caller, Catalogue.DETACH_ROLE_POLICY.action(), roleName);
        if (!rolePolicies.detachRolePolicy(account(), role.roleId(), policyArn)) {
            throw KeywardenException.of(ErrorCode.NO_SUCH_ENTITY, "Policy " + policyArn + " was not found.");
        }
        changes.rolePoliciesChanged(role.roleId());
    }

    public Page<ManagedPolicy> listAttachedRolePolicies(Caller caller, String roleName, String pathPrefix,
                                                        PageRequest page) {
        String prefix = Parameters.pathPrefix(pathPrefix);
        Role role = requireRole(caller, Catalogue.LIST_ATTACHED_ROLE_POLICIES.action(), roleName);
        List<ManagedPolicy> attached = rolePolicies.roleAttachedPolicies(account(), role.roleId()).stream()
                .filter(p -> p.path().startsWith(prefix)).toList();
        return PolicyService.paginate(attached, page, ManagedPolicy::policyName);
    }

    // ---------------------------------------------------------------- rules

    /**
     * Looks up a named role and authorises the action on it; a role that does not exist is authorised on the ARN it
     * would have under path {@code /}, and then answers {@code NoSuchEntity}.
     */
    private Role requireRole(Caller caller, String action, String roleName) {
        Names.requireName(roleName, "roleName", Role.MAX_NAME_LENGTH);
        Optional<Role> role = roles.findByName(account(), roleName);
        String arn = role.map(Role::arn).orElseGet(() -> Arns.role(account(), UserPath.ROOT, roleName));
        // named as the caller spelled it, never as stored: the stored spelling would tell that the role exists
        guard.authorize(caller, action, arn, "role " + roleName);
        return role.orElseThrow(() -> noSuchRole(roleName));
    }

    /** Parses a trust policy ({@code MalformedPolicyDocument}) and applies its size quota ({@code LimitExceeded}). */
    static TrustPolicy requireTrustPolicy(String document) {
        if (document == null) {
            throw KeywardenException.validation("policyDocument", "Member must not be null");
        }
        TrustPolicy trust = TrustPolicy.parse(document);
        if (trust.document().sizeWithoutWhitespace() > TRUST_POLICY_QUOTA) {
            throw KeywardenException.of(ErrorCode.LIMIT_EXCEEDED,
                    "Cannot exceed quota for ACLSizePerRole: " + TRUST_POLICY_QUOTA);
        }
        return trust;
    }

    /**
     * As IAM: a trust policy may name only users and roles of this account that exist, with their ARN as it is (path
     * included), else {@code MalformedPolicyDocument} "Invalid principal in policy". So a role cannot trust itself at
     * creation. The account itself ({@code :root}, its ID), assumed-role sessions and other accounts' principals are
     * not looked up.
     */
    private void requireExistingPrincipals(TrustPolicy trust) {
        for (var statement : trust.document().statements()) {
            for (PrincipalPattern principal : statement.principals()) {
                if (!principal.accountId().map(account().value()::equals).orElse(false)) {
                    continue;
                }
                String arn = principal.text();
                String name = arn.substring(arn.lastIndexOf('/') + 1);
                boolean exists = switch (principal.type()) {
                    case USER -> users.findByName(account(), UserName.of(name)).map(User::arn).filter(arn::equals)
                            .isPresent();
                    case ROLE -> roles.findByName(account(), name).map(Role::arn).filter(arn::equals).isPresent();
                    default -> true;
                };
                if (!exists) {
                    throw KeywardenException.of(ErrorCode.MALFORMED_POLICY_DOCUMENT,
                            "Invalid principal in policy: \"AWS\":\"" + arn + "\"");
                }
            }
        }
    }

    static int requireMaxSessionDuration(int seconds) {
        if (seconds < Role.MIN_MAX_SESSION_DURATION) {
            throw KeywardenException.validation("maxSessionDuration",
                    "Member must have value greater than or equal to " + Role.MIN_MAX_SESSION_DURATION);
        }
        if (seconds > Role.MAX_MAX_SESSION_DURATION) {
            throw KeywardenException.validation("maxSessionDuration",
                    "Member must have value less than or equal to " + Role.MAX_MAX_SESSION_DURATION);
        }
        return seconds;
    }

    /** AWS's rule for a role description: at most 1,000 characters of TAB, LF, CR, U+0020–U+007E and U+00A1–U+00FF. */
    static void requireDescription(String description) {
        if (description.length() > MAX_DESCRIPTION) {
            throw KeywardenException.validation("description",
                    "Member must have length less than or equal to " + MAX_DESCRIPTION);
        }
        for (int i = 0; i < description.length(); i++) {
            char c = description.charAt(i);
            if (!(c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0x7E) || (c >= 0xA1 && c <= 0xFF))) {
                throw KeywardenException.validation("description", "Member must satisfy regular expression pattern:"
                        + " [\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*");
            }
        }
    }

    public static KeywardenException noSuchRole(String roleName) {
        return KeywardenException.of(ErrorCode.NO_SUCH_ENTITY, "The role with name " + roleName + " cannot be found.");
    }

    private static KeywardenException noSuchRolePolicy(String policyName) {
        return KeywardenException.of(ErrorCode.NO_SUCH_ENTITY,
                "The role policy with name " + policyName + " cannot be found.");
    }
}
