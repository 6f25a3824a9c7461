package io.keywarden.server.persistence.contract;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.Role;
import io.keywarden.core.identity.RoleLastUsed;
import io.keywarden.core.identity.Tag;
import io.keywarden.core.identity.UserPath;
import io.keywarden.core.permissions.InlinePolicy;
import io.keywarden.core.permissions.ManagedPolicy;
import io.keywarden.core.port.PolicyStore;
import io.keywarden.core.port.RolePolicyStore;
import io.keywarden.core.port.RoleStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every operation of {@link RoleStore} and {@link RolePolicyStore}, on each database through the server's beans and on
 * core's in-memory stores: names unique ignoring case, listing order and paths, updates, role policies, attachment
 * counts that include roles, and the conflicts that keep a role with policies and a policy attached to a role.
 */
public abstract class RoleStoreContract extends StoreContract {
    private static final String TRUST = "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\","
            + "\"Action\":\"sts:AssumeRole\"}}";
    private static final String DOC = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}";
    private RoleStore roles;
    private RolePolicyStore rolePolicies;
    private PolicyStore policies;

    @BeforeEach
    void stores() {
        roles = bean(RoleStore.class);
        rolePolicies = bean(RolePolicyStore.class);
        policies = bean(PolicyStore.class);
    }

    private Role role(String name, String path) {
        Role r = new Role(acct(), "AROA" + Long.toString(Math.abs(random.nextLong()), 32).toUpperCase() + "XYZ", name,
                UserPath.of(path), T0, TRUST, null, 3600, List.of());
        roles.insert(r);
        return r;
    }

    private ManagedPolicy managed(String name) {
        ManagedPolicy p = new ManagedPolicy(acct(), "ANPA" + Long.toString(Math.abs(random.nextLong()), 32).toUpperCase(),
                name, "/", DOC, null, T0, T0, 0);
        policies.createPolicy(p);
        return p;
    }

    @Test
    void rolesAreInsertedFoundByNameIgnoringCaseAndByIdWithEveryField() {
        Role r = new Role(acct(), "AROAAAAAAAAAAAAAAAAAA", "Deploy", UserPath.of("/ci/"), T0, TRUST, "déploie",
                7200, List.of(new Tag("team", "platform"), new Tag("empty", "")));
        roles.insert(r);
        assertThat(roles.findByName(acct(), "deploy")).contains(r);
        assertThat(roles.findById(acct(), r.roleId())).contains(r);
        assertThat(roles.findByName(acct(), "other")).isEmpty();
        assertThatThrownBy(() -> role("DEPLOY", "/")).isInstanceOfSatisfying(KeywardenException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.ENTITY_ALREADY_EXISTS);
            assertThat(e.getMessage()).isEqualTo("Role with name DEPLOY already exists.");
        });
    }

    @Test
    void listingIsInNameKeyOrderAfterTheKeyAndUnderThePathPrefix() {
        role("b", "/x/");
        role("A", "/");
        role("c", "/x/y/");
        role("D", "/x_/");
        assertThat(roles.list(acct(), "/", null, 10)).extracting(Role::roleName).containsExactly("A", "b", "c", "D");
        assertThat(roles.list(acct(), "/", "b", 1)).extracting(Role::roleName).containsExactly("c");
        // the prefix is literal text: '_' is not a wildcard
        assertThat(roles.list(acct(), "/x/", null, 10)).extracting(Role::roleName).containsExactly("b", "c");
    }

    @Test
    void lastUseIsRecordedLatestWinsAndSurvivesUpdates() {
        Role r = role("used", "/");
        Role other = role("unused", "/");
        assertThat(roles.findById(acct(), r.roleId()).orElseThrow().lastUsed()).isNull();
        roles.recordLastUsed(java.util.Map.of(r.roleId(), new RoleLastUsed(T0.plusSeconds(60), "eu-west-1"),
                "AROAGONEGONEGONEGONE1", new RoleLastUsed(T0, "us-east-1")));
        assertThat(roles.findById(acct(), r.roleId()).orElseThrow().lastUsed())
                .isEqualTo(new RoleLastUsed(T0.plusSeconds(60), "eu-west-1"));
        roles.recordLastUsed(java.util.Map.of(r.roleId(), new RoleLastUsed(T0.plusSeconds(30), "ap-south-1")));
        assertThat(roles.findByName(acct(), "USED").orElseThrow().lastUsed())
                .as("an older use (another node's late flush) does not overwrite a newer one")
                .isEqualTo(new RoleLastUsed(T0.plusSeconds(60), "eu-west-1"));
        assertThat(roles.update(roles.findById(acct(), r.roleId()).orElseThrow().withDescription("d"))).isTrue();
        assertThat(roles.list(acct(), "/", null, 10)).filteredOn(x -> x.roleId().equals(r.roleId()))
                .extracting(Role::lastUsed).containsExactly(new RoleLastUsed(T0.plusSeconds(60), "eu-west-1"));
        assertThat(roles.findById(acct(), other.roleId()).orElseThrow().lastUsed()).isNull();
    }

    @Test
    void updatesChangeDescriptionDurationAndTrustPolicy() {
        Role r = role("u", "/");
        Role changed = r.withDescription("new").withMaxSessionDuration(43200).withAssumeRolePolicyDocument(DOC);
        assertThat(roles.update(changed)).isTrue();
        assertThat(roles.findById(acct(), r.roleId())).contains(changed);
        assertThat(roles.delete(acct(), r.roleId())).isTrue();
        assertThat(roles.update(changed)).isFalse();
        assertThat(roles.delete(acct(), r.roleId())).isFalse();
    }

    @Test
    void inlineRolePoliciesArePutReplacedListedAndDeleted() {
        Role r = role("inline", "/");
        rolePolicies.putRolePolicy(acct(), r.roleId(), new InlinePolicy("b", DOC));
        rolePolicies.putRolePolicy(acct(), r.roleId(), new InlinePolicy("B", DOC));
        rolePolicies.putRolePolicy(acct(), r.roleId(), new InlinePolicy("b", TRUST));
        assertThat(rolePolicies.rolePolicies(acct(), r.roleId())).extracting(InlinePolicy::policyName)
                .containsExactly("B", "b");
        assertThat(rolePolicies.getRolePolicy(acct(), r.roleId(), "b")).contains(new InlinePolicy("b", TRUST));
        assertThatThrownBy(() -> roles.delete(acct(), r.roleId())).isInstanceOfSatisfying(KeywardenException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.DELETE_CONFLICT));
        assertThat(rolePolicies.deleteRolePolicy(acct(), r.roleId(), "b")).isTrue();
        assertThat(rolePolicies.deleteRolePolicy(acct(), r.roleId(), "b")).isFalse();
        assertThat(rolePolicies.deleteRolePolicy(acct(), r.roleId(), "B")).isTrue();
        assertThat(roles.delete(acct(), r.roleId())).isTrue();
    }

    @Test
    void attachmentsToRolesCountAndKeepThePolicy() {
        Role r = role("attached", "/");
        ManagedPolicy p = managed("Readers");
        assertThat(rolePolicies.attachRolePolicy(acct(), r.roleId(), p.arn())).isTrue();
        assertThat(rolePolicies.attachRolePolicy(acct(), r.roleId(), p.arn())).isFalse();
        assertThat(rolePolicies.roleAttachedPolicies(acct(), r.roleId())).extracting(ManagedPolicy::arn)
                .containsExactly(p.arn());
        assertThat(policies.findPolicy(acct(), p.arn()).orElseThrow().attachmentCount()).isEqualTo(1);
        assertThat(policies.listPolicies(acct(), "/", true, null, 10)).extracting(ManagedPolicy::arn)
                .containsExactly(p.arn());
        assertThatThrownBy(() -> policies.deletePolicy(acct(), p.arn())).isInstanceOfSatisfying(
                KeywardenException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.DELETE_CONFLICT));
        assertThatThrownBy(() -> roles.delete(acct(), r.roleId())).isInstanceOf(KeywardenException.class);
        assertThatThrownBy(() -> rolePolicies.attachRolePolicy(acct(), r.roleId(),
                "arn:aws:iam::" + ACCOUNT + ":policy/Nope")).isInstanceOfSatisfying(KeywardenException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NO_SUCH_ENTITY));
        assertThat(rolePolicies.detachRolePolicy(acct(), r.roleId(), p.arn())).isTrue();
        assertThat(rolePolicies.detachRolePolicy(acct(), r.roleId(), p.arn())).isFalse();
        assertThat(policies.findPolicy(acct(), p.arn()).orElseThrow().attachmentCount()).isZero();
        assertThat(policies.listPolicies(acct(), "/", true, null, 10)).isEmpty();
        assertThat(policies.deletePolicy(acct(), p.arn())).isTrue();
        assertThat(roles.delete(acct(), r.roleId())).isTrue();
    }

    @Test
    void aRoleThatIsGoneTakesNoPolicies() {
        org.junit.jupiter.api.Assumptions.assumeTrue(onDatabase(), "the in-memory stores do not check the role");
        Role r = role("gone", "/");
        roles.delete(acct(), r.roleId());
        assertThatThrownBy(() -> rolePolicies.putRolePolicy(acct(), r.roleId(), new InlinePolicy("p", DOC)))
                .isInstanceOfSatisfying(KeywardenException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NO_SUCH_ENTITY));
        ManagedPolicy p = managed("ForGone");
        assertThatThrownBy(() -> rolePolicies.attachRolePolicy(acct(), r.roleId(), p.arn()))
                .isInstanceOfSatisfying(KeywardenException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NO_SUCH_ENTITY));
    }
}
