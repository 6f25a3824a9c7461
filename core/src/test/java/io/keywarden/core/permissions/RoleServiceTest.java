package io.keywarden.core.permissions;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.crypto.MasterKey;
import io.keywarden.core.crypto.SecretSealer;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.Account;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.identity.Role;
import io.keywarden.core.identity.User;
import io.keywarden.core.policy.CompiledPolicy;
import io.keywarden.core.policy.PolicyEvaluator;
import io.keywarden.core.port.Page;
import io.keywarden.core.port.PageRequest;
import io.keywarden.core.port.PolicyChangeListener;
import io.keywarden.core.service.IdentityService;
import io.keywarden.core.testing.InMemoryAccessKeyStore;
import io.keywarden.core.testing.InMemoryPolicyStore;
import io.keywarden.core.testing.InMemoryRoleStore;
import io.keywarden.core.testing.InMemoryUserStore;
import io.keywarden.core.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Roles through the use cases: validation, AWS's errors, authorisation on the role's ARN, policies and quotas. */
class RoleServiceTest {
    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\"}]}";
    static final String READ = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
            + "\"Action\":\"iam:Get*\",\"Resource\":\"*\"}}";

    private final AccountId accountId = AccountId.of("123456789012");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
    private final InMemoryUserStore users = new InMemoryUserStore();
    private final InMemoryPolicyStore policies = new InMemoryPolicyStore();
    private final InMemoryRoleStore roles = new InMemoryRoleStore(policies);
    private final List<String> changes = new ArrayList<>();
    private IdentityService identity;
    private PolicyService policyService;
    private RoleService service;
    private Caller root;

    @BeforeEach
    void setUp() {
        identity = IdentityService.builder().account(new Account(accountId, clock.instant())).users(users)
                .keys(new InMemoryAccessKeyStore())
                .sealer(SecretSealer.create(MasterKey.of(1, new byte[32]), new SecureRandom()))
                .authorizer(new PolicyAuthorizer(new StorePolicySource(policies), PolicyEvaluator.create()))
                .random(new SecureRandom()).clock(clock).build();
        PolicyChangeListener listener = new PolicyChangeListener() {
            @Override
            public void userPoliciesChanged(String userId) {
                changes.add(userId);
            }

            @Override
            public void rolePoliciesChanged(String roleId) {
                changes.add(roleId);
            }

            @Override
            public void allPoliciesChanged() {
                changes.add("*");
            }
        };
        policyService = new PolicyService(identity, policies, listener, clock, new SecureRandom());
        service = new RoleService(identity, users, roles, policies, policies, listener, clock, new SecureRandom());
        root = caller(Principal.root(accountId));
    }

    private Caller caller(Principal p) {
        return new Caller(p, "AKIAEXAMPLEEXAMPLE00", clock.instant(), "127.0.0.1", "test", true, "us-east-1", "iam");
    }

    private static void assertError(ErrorCode code, String message, Executable call) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(KeywardenException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(code);
            if (message != null) {
                assertThat(e.getMessage()).isEqualTo(message);
            }
        });
    }

    private Role create(String name) {
        return service.createRole(root, name, null, TRUST, null, null, null);
    }

    @Test
    void createRoleGivesAnAroaIdTheArnWithPathDefaultsAndTags() {
        Role role = service.createRole(root, "Deploy", "/ci/", TRUST, "deploys things", 7200,
                List.of(Map.of("Key", "team", "Value", "platform")));
        assertThat(role.roleId()).matches("AROA[A-Z2-7]{17}");
        assertThat(role.arn()).isEqualTo("arn:aws:iam::123456789012:role/ci/Deploy");
        assertThat(role.maxSessionDuration()).isEqualTo(7200);
        assertThat(role.createDate()).isEqualTo(clock.instant());
        assertThat(role.tags()).singleElement().satisfies(t -> assertThat(t.key()).isEqualTo("team"));
        assertThat(service.getRole(root, "deploy")).isEqualTo(role);
        assertThat(create("Plain").maxSessionDuration()).isEqualTo(3600);
        assertThat(create("Plain2").path().value()).isEqualTo("/");
    }

    @Test
    void namesAreUniqueIgnoringCaseAndMissingRolesAreNoSuchEntity() {
        create("Deploy");
        assertError(ErrorCode.ENTITY_ALREADY_EXISTS, "Role with name DEPLOY already exists.", () -> create("DEPLOY"));
        assertError(ErrorCode.NO_SUCH_ENTITY, "The role with name Nobody cannot be found.",
                () -> service.getRole(root, "Nobody"));
        assertError(ErrorCode.NO_SUCH_ENTITY, "The role with name Nobody cannot be found.",
                () -> service.deleteRole(root, "Nobody"));
    }

    @Test
    void validationFollowsAwsLimits() {
        assertError(ErrorCode.VALIDATION_ERROR, null, () -> create("x".repeat(65)));
        assertError(ErrorCode.VALIDATION_ERROR, null, () -> create("bad name"));
        assertError(ErrorCode.VALIDATION_ERROR, "1 validation error detected: Value at 'maxSessionDuration' failed to"
                + " satisfy constraint: Member must have value greater than or equal to 3600",
                () -> service.createRole(root, "R", null, TRUST, null, 3599, null));
        assertError(ErrorCode.VALIDATION_ERROR, null, () -> service.createRole(root, "R", null, TRUST, null, 43201, null));
        assertError(ErrorCode.VALIDATION_ERROR, null,
                () -> service.createRole(root, "R", null, TRUST, "d".repeat(1001), null, null));
        assertError(ErrorCode.VALIDATION_ERROR, null, () -> service.createRole(root, "R", "nopath", TRUST, null, null,
                null));
        List<Map<String, String>> tooMany = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tooMany.add(Map.of("Key", "k" + i, "Value", "v"));
        }
        assertError(ErrorCode.VALIDATION_ERROR, null, () -> service.createRole(root, "R", null, TRUST, null, null,
                tooMany));
        assertError(ErrorCode.INVALID_INPUT, "Duplicate tag keys found. Please note that Tag keys are case insensitive.",
                () -> service.createRole(root, "R", null, TRUST, null, null,
                        List.of(Map.of("Key", "a", "Value", "1"), Map.of("Key", "A", "Value", "2"))));
        assertError(ErrorCode.VALIDATION_ERROR, null, () -> service.createRole(root, "R", null, TRUST, null, null,
                List.of(Map.of("Key", "k".repeat(129), "Value", "1"))));
        assertThat(service.findRole("R")).isEmpty();
    }

    @Test
    void trustPoliciesAreCheckedWhenWritten() {
        assertError(ErrorCode.MALFORMED_POLICY_DOCUMENT, null, () -> service.createRole(root, "R", null, READ, null,
                null, null));
        create("R");
        assertError(ErrorCode.MALFORMED_POLICY_DOCUMENT, null, () -> service.updateAssumeRolePolicy(root, "R",
                "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\"}}"));
        String longTrust = TRUST.replace("\"Effect\"", "\"Sid\":\"" + "a".repeat(2100) + "\",\"Effect\"");
        assertError(ErrorCode.LIMIT_EXCEEDED, "Cannot exceed quota for ACLSizePerRole: 2048",
                () -> service.updateAssumeRolePolicy(root, "R", longTrust));
        String other = TRUST.replace("arn:aws:iam::123456789012:root", "*");
        assertThat(service.updateAssumeRolePolicy(root, "R", other).assumeRolePolicyDocument()).isEqualTo(other);
        assertThat(service.getRole(root, "R").assumeRolePolicyDocument()).isEqualTo(other);
    }

    private static String trusting(String... principals) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":["
                + String.join(",", java.util.Arrays.stream(principals).map(p -> "\"" + p + "\"").toList())
                + "]},\"Action\":\"sts:AssumeRole\"}]}";
    }

    @Test
    void trustPoliciesMayNameOnlyUsersAndRolesOfTheAccountThatExist() {
        identity.createUser(root, "alice", "/team/");
        String alice = "arn:aws:iam::123456789012:user/team/alice";
        assertError(ErrorCode.MALFORMED_POLICY_DOCUMENT,
                "Invalid principal in policy: \"AWS\":\"arn:aws:iam::123456789012:user/bob\"",
                () -> service.createRole(root, "R", null, trusting(alice, "arn:aws:iam::123456789012:user/bob"),
                        null, null, null));
        assertThat(service.findRole("R")).as("nothing created").isEmpty();
        assertError(ErrorCode.MALFORMED_POLICY_DOCUMENT,
                "Invalid principal in policy: \"AWS\":\"arn:aws:iam::123456789012:user/alice\"",
                () -> service.createRole(root, "R", null, trusting("arn:aws:iam::123456789012:user/alice"), null, null,
                        null)); // alice's ARN has her path
        assertError(ErrorCode.MALFORMED_POLICY_DOCUMENT,
                "Invalid principal in policy: \"AWS\":\"arn:aws:iam::123456789012:role/R\"",
                () -> service.createRole(root, "R", null, trusting("arn:aws:iam::123456789012:role/R"), null, null,
                        null)); // a role cannot trust itself before it exists

        // the account, other accounts and sessions are not looked up
        String others = trusting(alice, "123456789012", "arn:aws:iam::123456789012:root",
                "arn:aws:iam::999999999999:user/nobody", "arn:aws:iam::999999999999:role/nothing",
                "arn:aws:sts::123456789012:assumed-role/gone/session");
        assertThat(service.createRole(root, "R", null, others, null, null, null).roleName()).isEqualTo("R");
        assertThat(service.updateAssumeRolePolicy(root, "R", trusting("arn:aws:iam::123456789012:role/R"))
                .assumeRolePolicyDocument()).as("once it exists, it may").contains("role/R");
        assertError(ErrorCode.MALFORMED_POLICY_DOCUMENT,
                "Invalid principal in policy: \"AWS\":\"arn:aws:iam::123456789012:role/other\"",
                () -> service.updateAssumeRolePolicy(root, "R", trusting("arn:aws:iam::123456789012:role/other")));
        assertThat(service.getRole(root, "R").assumeRolePolicyDocument()).contains("role/R");
    }

    @Test
    void updateRoleChangesOnlyWhatIsGiven() {
        service.createRole(root, "R", null, TRUST, "first", 7200, null);
        service.updateRole(root, "R", null, 43200);
        assertThat(service.getRole(root, "R").description()).isEqualTo("first");
        assertThat(service.getRole(root, "R").maxSessionDuration()).isEqualTo(43200);
        service.updateRole(root, "R", "second", null);
        assertThat(service.getRole(root, "R").description()).isEqualTo("second");
        assertThat(service.getRole(root, "R").maxSessionDuration()).isEqualTo(43200);
        assertError(ErrorCode.VALIDATION_ERROR, null, () -> service.updateRole(root, "R", null, 100));
    }

    @Test
    void listRolesPagesInNameOrderAndFiltersByPathPrefix() {
        for (String name : List.of("c", "A", "b", "D")) {
            service.createRole(root, name, name.equals("b") ? "/team/" : "/", TRUST, null, null, null);
        }
        Page<Role> first = service.listRoles(root, null, PageRequest.of(null, 3));
        assertThat(first.items()).extracting(Role::roleName).containsExactly("A", "b", "c");
        Page<Role> second = service.listRoles(root, null, PageRequest.of(first.nextMarker(), 3));
        assertThat(second.items()).extracting(Role::roleName).containsExactly("D");
        assertThat(second.isTruncated()).isFalse();
        assertThat(service.listRoles(root, "/team/", PageRequest.first()).items()).extracting(Role::roleName)
                .containsExactly("b");
    }

    @Test
    void inlineAndAttachedPoliciesBlockDeletionAndCountAsAttachments() {
        Role role = create("R");
        service.putRolePolicy(root, "R", "read", READ);
        assertThat(service.getRolePolicy(root, "R", "read").document()).isEqualTo(READ);
        assertThat(service.listRolePolicies(root, "R", PageRequest.first()).items()).containsExactly("read");
        assertError(ErrorCode.DELETE_CONFLICT, "Cannot delete entity, must delete policies first.",
                () -> service.deleteRole(root, "R"));
        service.deleteRolePolicy(root, "R", "read");
        assertError(ErrorCode.NO_SUCH_ENTITY, "The role policy with name read cannot be found.",
                () -> service.getRolePolicy(root, "R", "read"));

        ManagedPolicy managed = policyService.createPolicy(root, "Readers", null, READ, null);
        service.attachRolePolicy(root, "R", managed.arn());
        service.attachRolePolicy(root, "R", managed.arn()); // again: nothing changes
        assertThat(policyService.getPolicy(root, managed.arn()).attachmentCount()).isEqualTo(1);
        assertThat(service.listAttachedRolePolicies(root, "R", null, PageRequest.first()).items())
                .extracting(ManagedPolicy::arn).containsExactly(managed.arn());
        assertError(ErrorCode.DELETE_CONFLICT, null, () -> policyService.deletePolicy(root, managed.arn()));
        assertError(ErrorCode.DELETE_CONFLICT, "Cannot delete entity, must detach all policies first.",
                () -> service.deleteRole(root, "R"));
        List<CompiledPolicy> compiled = new StoreRolePolicySource(policies).policiesFor(role);
        assertThat(compiled).extracting(CompiledPolicy::name).containsExactly(managed.arn());

        service.detachRolePolicy(root, "R", managed.arn());
        assertError(ErrorCode.NO_SUCH_ENTITY, null, () -> service.detachRolePolicy(root, "R", managed.arn()));
        service.deleteRole(root, "R");
        assertThat(service.findRole("R")).isEmpty();
        assertThat(changes).contains(role.roleId());
        assertError(ErrorCode.NO_SUCH_ENTITY, "Policy arn:aws:iam::123456789012:policy/Nope does not exist or is not"
                + " attachable.", () -> {
                    create("S");
                    service.attachRolePolicy(root, "S", "arn:aws:iam::123456789012:policy/Nope");
                });
    }

    @Test
    void quotasOfRolePolicies() {
        create("R");
        for (int i = 0; i < RoleService.ATTACHED_QUOTA; i++) {
            service.attachRolePolicy(root, "R", policyService.createPolicy(root, "P" + i, null, READ, null).arn());
        }
        String eleventh = policyService.createPolicy(root, "P10", null, READ, null).arn();
        assertError(ErrorCode.LIMIT_EXCEEDED, "Cannot exceed quota for PoliciesPerRole: 10",
                () -> service.attachRolePolicy(root, "R", eleventh));
        String big = READ.replace("\"Effect\"", "\"Sid\":\"" + "a".repeat(6000) + "\",\"Effect\"");
        service.putRolePolicy(root, "R", "one", big);
        assertError(ErrorCode.LIMIT_EXCEEDED, "Maximum policy size of 10240 bytes exceeded for role R",
                () -> service.putRolePolicy(root, "R", "two", big));
    }

    @Test
    void everyActionIsAuthorisedOnTheRoleArnWithoutRevealingWhichRolesExist() {
        create("Secret");
        User alice = identity.createUser(root, "alice", null);
        policyService.putUserPolicy(root, "alice", "roles", "{\"Version\":\"2012-10-17\",\"Statement\":{"
                + "\"Effect\":\"Allow\",\"Action\":[\"iam:GetRole\",\"iam:ListRoles\"],"
                + "\"Resource\":\"arn:aws:iam::123456789012:role/Open*\"}}");
        Caller asAlice = caller(Principal.user(alice));
        service.createRole(root, "OpenOne", null, TRUST, null, null, null);
        assertThat(service.getRole(asAlice, "OpenOne").roleName()).isEqualTo("OpenOne");
        assertError(ErrorCode.ACCESS_DENIED, null, () -> service.getRole(asAlice, "Secret"));
        assertError(ErrorCode.ACCESS_DENIED, null, () -> service.getRole(asAlice, "Missing"));
        assertError(ErrorCode.NO_SUCH_ENTITY, null, () -> service.getRole(asAlice, "OpenMissing"));
        assertError(ErrorCode.ACCESS_DENIED, null, () -> service.createRole(asAlice, "OpenNew", null, TRUST, null,
                null, null));
        assertError(ErrorCode.ACCESS_DENIED, null, () -> service.listRoles(asAlice, null, PageRequest.first()));
        assertError(ErrorCode.ACCESS_DENIED, null, () -> service.putRolePolicy(asAlice, "OpenOne", "p", READ));
    }
}
