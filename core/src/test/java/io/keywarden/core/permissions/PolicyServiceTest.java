package io.keywarden.core.permissions;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.authz.AuthorizationResult;
import io.keywarden.core.authz.Decision;
import io.keywarden.core.crypto.MasterKey;
import io.keywarden.core.crypto.SecretSealer;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.Account;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.identity.User;
import io.keywarden.core.keys.NewAccessKey;
import io.keywarden.core.policy.PolicyEvaluator;
import io.keywarden.core.port.PageRequest;
import io.keywarden.core.port.PolicyChangeListener;
import io.keywarden.core.service.IdentityService;
import io.keywarden.core.testing.InMemoryAccessKeyStore;
import io.keywarden.core.testing.InMemoryPolicyStore;
import io.keywarden.core.testing.InMemoryUserStore;
import io.keywarden.core.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Policy management and enforcement through the use cases, with the IAM User Guide's self-service policies. */
class PolicyServiceTest {
    static final String CREATE_OWN_ACCESS_KEYS = """
            {"Version":"2012-10-17","Statement":[{"Sid":"CreateOwnAccessKeys","Effect":"Allow",
             "Action":["iam:CreateAccessKey","iam:GetUser","iam:ListAccessKeys"],
             "Resource":"arn:aws:iam::*:user/${aws:username}"}]}""";
    static final String MANAGE_OWN_ACCESS_KEYS = """
            {"Version":"2012-10-17","Statement":[{"Sid":"ManageOwnAccessKeys","Effect":"Allow",
             "Action":["iam:CreateAccessKey","iam:DeleteAccessKey","iam:GetAccessKeyLastUsed","iam:GetUser",
                       "iam:ListAccessKeys","iam:UpdateAccessKey"],
             "Resource":"arn:aws:iam::*:user/${aws:username}"}]}""";

    private final AccountId accountId = AccountId.of("123456789012");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
    private final InMemoryUserStore users = new InMemoryUserStore();
    private final InMemoryPolicyStore policies = new InMemoryPolicyStore();
    private final List<String> changes = new ArrayList<>();
    private IdentityService identity;
    private PolicyService service;
    private Caller root;

    @BeforeEach
    void setUp() {
        identity = IdentityService.builder().account(new Account(accountId, clock.instant())).users(users)
                .keys(new InMemoryAccessKeyStore())
                .sealer(SecretSealer.create(MasterKey.of(1, new byte[32]), new SecureRandom()))
                .authorizer(new PolicyAuthorizer(new StorePolicySource(policies), PolicyEvaluator.create()))
                .random(new SecureRandom()).clock(clock).build();
        service = new PolicyService(identity, policies, new PolicyChangeListener() {
            @Override
            public void userPoliciesChanged(String userId) {
                changes.add(userId);
            }

            @Override
            public void allPoliciesChanged() {
                changes.add("*");
            }
        }, clock, new SecureRandom());
        root = caller(Principal.root(accountId), "127.0.0.1");
    }

    private Caller caller(Principal p, String ip) {
        return new Caller(p, "AKIAEXAMPLEEXAMPLE00", clock.instant(), ip, "test", true, "us-east-1", "iam");
    }

    private Caller as(User u) {
        return caller(Principal.user(u), "127.0.0.1");
    }

    private static void assertError(ErrorCode code, Executable call) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(KeywardenException.class,
                e -> assertThat(e.errorCode()).isEqualTo(code));
    }

    @Test
    void createOwnAccessKeysAllowsOwnKeysOnly() {
        User alice = identity.createUser(root, "alice", null);
        identity.createUser(root, "bob", null);
        service.putUserPolicy(root, "alice", "CreateOwnAccessKeys", CREATE_OWN_ACCESS_KEYS);
        NewAccessKey own = identity.createAccessKey(as(alice), null);
        identity.createAccessKey(as(alice), "alice");
        assertThat(identity.listAccessKeys(as(alice), "alice", PageRequest.first()).items()).hasSize(2);
        assertThatThrownBy(() -> identity.createAccessKey(as(alice), "bob"))
                .hasMessage("User: arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:CreateAccessKey"
                        + " on resource: user bob because no identity-based policy allows the iam:CreateAccessKey action");
        assertError(ErrorCode.ACCESS_DENIED, () -> identity.listAccessKeys(as(alice), "bob", PageRequest.first()));
        assertError(ErrorCode.ACCESS_DENIED, () -> identity.updateAccessKey(as(alice), null, own.key().id().value(), "Inactive"));
        assertError(ErrorCode.ACCESS_DENIED, () -> identity.deleteAccessKey(as(alice), null, own.key().id().value()));
    }

    @Test
    void manageOwnAccessKeysAllowsTheWholeRotationOnOwnKeysOnly() {
        User alice = identity.createUser(root, "alice", null);
        identity.createUser(root, "bob", null);
        NewAccessKey bobs = identity.createAccessKey(root, "bob");
        service.putUserPolicy(root, "alice", "ManageOwnAccessKeys", MANAGE_OWN_ACCESS_KEYS);
        NewAccessKey first = identity.createAccessKey(as(alice), null);
        NewAccessKey second = identity.createAccessKey(as(alice), null);
        identity.getAccessKeyLastUsed(as(alice), first.key().id().value());
        identity.updateAccessKey(as(alice), null, first.key().id().value(), "Inactive");
        identity.deleteAccessKey(as(alice), "alice", first.key().id().value());
        assertThat(identity.listAccessKeys(as(alice), null, PageRequest.first()).items()).singleElement()
                .satisfies(k -> assertThat(k.id()).isEqualTo(second.key().id()));
        assertError(ErrorCode.ACCESS_DENIED, () -> identity.updateAccessKey(as(alice), "bob", bobs.key().id().value(), "Inactive"));
        assertError(ErrorCode.ACCESS_DENIED, () -> identity.getAccessKeyLastUsed(as(alice), bobs.key().id().value()));
        assertError(ErrorCode.ACCESS_DENIED, () -> identity.deleteAccessKey(as(alice), "bob", bobs.key().id().value()));
        assertError(ErrorCode.ACCESS_DENIED, () -> identity.createUser(as(alice), "mallory", null));
    }

    @Test
    void anExplicitDenyInAManagedPolicyOverridesAnInlineAllow() {
        User alice = identity.createUser(root, "alice", null);
        service.putUserPolicy(root, "alice", "ManageOwnAccessKeys", MANAGE_OWN_ACCESS_KEYS);
        var deny = service.createPolicy(root, "NoDeletes", "/", """
                {"Version":"2012-10-17","Statement":[{"Sid":"NoDeletes","Effect":"Deny","Action":"iam:Delete*","Resource":"*"}]}""",
                "no deletes");
        service.attachUserPolicy(root, "alice", deny.arn());
        NewAccessKey key = identity.createAccessKey(as(alice), null);
        assertThatThrownBy(() -> identity.deleteAccessKey(as(alice), null, key.key().id().value()))
                .hasMessageEndingWith("with an explicit deny in an identity-based policy");
        service.detachUserPolicy(root, "alice", deny.arn());
        identity.deleteAccessKey(as(alice), null, key.key().id().value());
    }

    @Test
    void sourceIpAndCurrentTimeConditionsAreHonoured() {
        User alice = identity.createUser(root, "alice", null);
        service.putUserPolicy(root, "alice", "OfficeHours", """
                {"Version":"2012-10-17","Statement":[{"Sid":"FromOfficeBeforeJuly","Effect":"Allow",
                 "Action":"iam:ListAccessKeys","Resource":"arn:aws:iam::*:user/${aws:username}",
                 "Condition":{"IpAddress":{"aws:SourceIp":"10.1.0.0/16"},
                              "DateLessThan":{"aws:CurrentTime":"2026-07-01T00:00:00Z"}}}]}""");
        Caller fromOffice = caller(Principal.user(alice), "10.1.2.3");
        Caller fromHome = caller(Principal.user(alice), "192.0.2.1");
        assertThat(identity.listAccessKeys(fromOffice, null, PageRequest.first()).items()).isEmpty();
        assertError(ErrorCode.ACCESS_DENIED, () -> identity.listAccessKeys(fromHome, null, PageRequest.first()));
        clock.set(Instant.parse("2026-07-02T00:00:00Z"));
        Caller lateFromOffice = caller(Principal.user(alice), "10.1.2.3");
        assertError(ErrorCode.ACCESS_DENIED, () -> identity.listAccessKeys(lateFromOffice, null, PageRequest.first()));
    }

    @Test
    void changingOrDeletingAPolicyTakesEffectOnTheNextRequest() {
        User alice = identity.createUser(root, "alice", null);
        service.putUserPolicy(root, "alice", "P", CREATE_OWN_ACCESS_KEYS);
        identity.listAccessKeys(as(alice), null, PageRequest.first());
        service.putUserPolicy(root, "alice", "P", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetUser","Resource":"*"}]}""");
        assertError(ErrorCode.ACCESS_DENIED, () -> identity.listAccessKeys(as(alice), null, PageRequest.first()));
        service.deleteUserPolicy(root, "alice", "P");
        assertError(ErrorCode.ACCESS_DENIED, () -> identity.getUser(as(alice), null));
        assertThat(changes).contains(alice.userId());
    }

    @Test
    void simulationExplainsWithoutActing() {
        identity.createUser(root, "alice", null);
        service.putUserPolicy(root, "alice", "CreateOwnAccessKeys", CREATE_OWN_ACCESS_KEYS);
        AuthorizationResult allowed = service.simulate(root, "alice", "iam:CreateAccessKey",
                "arn:aws:iam::123456789012:user/alice", root);
        assertThat(allowed.decision()).isEqualTo(Decision.ALLOW);
        assertThat(allowed.decidingStatements()).containsExactly("CreateOwnAccessKeys/CreateOwnAccessKeys");
        AuthorizationResult denied = service.simulate(root, "alice", "iam:DeleteAccessKey",
                "arn:aws:iam::123456789012:user/alice", root);
        assertThat(denied.decision()).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(denied.explanation()).contains("no statement allowed iam:DeleteAccessKey");
        assertThat(identity.listAccessKeys(root, "alice", PageRequest.first()).items()).isEmpty();
    }

    @Test
    void simulationContextOverridesReplaceOrRemoveTheCallersKeys() {
        identity.createUser(root, "alice", null);
        service.putUserPolicy(root, "alice", "Office", """
                {"Version":"2012-10-17","Statement":[{"Sid":"FromOffice","Effect":"Allow",
                 "Action":"iam:ListAccessKeys","Resource":"*",
                 "Condition":{"IpAddress":{"aws:SourceIp":"10.1.0.0/16"}}},
                 {"Sid":"NotAfterJuly","Effect":"Deny","Action":"*","Resource":"*",
                 "Condition":{"DateGreaterThan":{"aws:CurrentTime":"2026-07-01T00:00:00Z"}}}]}""");
        String arn = "arn:aws:iam::123456789012:user/alice";
        assertThat(service.simulate(root, "alice", "iam:ListAccessKeys", arn, root).decision())
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(service.simulate(root, "alice", "iam:ListAccessKeys", arn, root,
                java.util.Map.of("AWS:SourceIP", List.of("10.1.2.3"))).decision()).isEqualTo(Decision.ALLOW);
        AuthorizationResult late = service.simulate(root, "alice", "iam:ListAccessKeys", arn, root,
                java.util.Map.of("aws:SourceIp", List.of("10.1.2.3"), "aws:CurrentTime", List.of("2026-08-01T00:00:00Z")));
        assertThat(late.decision()).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(late.decidingStatements()).containsExactly("Office/NotAfterJuly");
        // no values: the key is removed, so the IpAddress condition cannot hold
        assertThat(service.simulate(root, "alice", "iam:ListAccessKeys", arn, root,
                java.util.Map.of("aws:SourceIp", List.of())).decision()).isEqualTo(Decision.IMPLICIT_DENY);
        assertError(ErrorCode.VALIDATION_ERROR, () -> service.simulate(root, "alice", "iam:ListAccessKeys", arn, root,
                java.util.Map.of("has space", List.of("x"))));
        assertError(ErrorCode.VALIDATION_ERROR, () -> service.simulate(root, "alice", "x", arn, root));
    }

    @Test
    void managedPolicyNamesAreUniqueIgnoringCase() {
        String doc = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetUser","Resource":"*"}]}""";
        service.createPolicy(root, "ReadOnly", null, doc, null);
        assertError(ErrorCode.ENTITY_ALREADY_EXISTS, () -> service.createPolicy(root, "readonly", "/other/", doc, null));
    }

    @Test
    void malformedDocumentsAreRejectedAtWriteTime() {
        identity.createUser(root, "alice", null);
        assertError(ErrorCode.MALFORMED_POLICY_DOCUMENT, () -> service.putUserPolicy(root, "alice", "Bad", "{not json"));
        assertError(ErrorCode.MALFORMED_POLICY_DOCUMENT, () -> service.putUserPolicy(root, "alice", "Bad",
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Maybe\",\"Action\":\"*\",\"Resource\":\"*\"}}"));
        assertError(ErrorCode.MALFORMED_POLICY_DOCUMENT, () -> service.createPolicy(root, "Bad", null,
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\","
                        + "\"Condition\":{\"StringSorta\":{\"aws:username\":\"x\"}}}}", null));
        assertError(ErrorCode.VALIDATION_ERROR, () -> service.putUserPolicy(root, "alice", "bad name", CREATE_OWN_ACCESS_KEYS));
    }

    @Test
    void quotasAndErrorsFollowAws() {
        identity.createUser(root, "alice", null);
        String big = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"" + "A".repeat(2100)
                + "\",\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}";
        assertThatThrownBy(() -> service.putUserPolicy(root, "alice", "Big", big))
                .hasMessage("Maximum policy size of 2048 bytes exceeded for user alice");
        assertThatThrownBy(() -> service.getUserPolicy(root, "alice", "Nope"))
                .hasMessage("The user policy with name Nope cannot be found.");
        String missing = "arn:aws:iam::123456789012:policy/Missing";
        assertThatThrownBy(() -> service.attachUserPolicy(root, "alice", missing))
                .hasMessage("Policy " + missing + " does not exist or is not attachable.");
        assertThatThrownBy(() -> service.detachUserPolicy(root, "alice", missing))
                .hasMessage("Policy " + missing + " was not found.");
        assertError(ErrorCode.INVALID_INPUT, () -> service.attachUserPolicy(root, "alice", "not-an-arn-at-all-really"));
        for (int i = 0; i < 10; i++) {
            service.attachUserPolicy(root, "alice", service.createPolicy(root, "P" + i, null, CREATE_OWN_ACCESS_KEYS, null).arn());
        }
        var eleventh = service.createPolicy(root, "P10", null, CREATE_OWN_ACCESS_KEYS, null);
        assertThatThrownBy(() -> service.attachUserPolicy(root, "alice", eleventh.arn()))
                .hasMessage("Cannot exceed quota for PoliciesPerUser: 10");
        assertThatThrownBy(() -> service.createPolicy(root, "P1", null, CREATE_OWN_ACCESS_KEYS, null))
                .hasMessage("A policy called P1 already exists. Duplicate names are not allowed.");
        assertThatThrownBy(() -> service.deletePolicy(root, "arn:aws:iam::123456789012:policy/P1"))
                .hasMessage("Cannot delete a policy attached to entities.");
    }

    @Test
    void managedPoliciesAreListedAndCounted() {
        identity.createUser(root, "alice", null);
        var a = service.createPolicy(root, "Alpha", "/team/", CREATE_OWN_ACCESS_KEYS, "first");
        service.createPolicy(root, "Beta", null, CREATE_OWN_ACCESS_KEYS, null);
        service.attachUserPolicy(root, "alice", a.arn());
        service.attachUserPolicy(root, "alice", a.arn());
        assertThat(service.getPolicy(root, a.arn()).attachmentCount()).isEqualTo(1);
        assertThat(service.listPolicies(root, "Local", false, null, PageRequest.first()).items())
                .extracting(ManagedPolicy::policyName).containsExactly("Alpha", "Beta");
        assertThat(service.listPolicies(root, "All", true, null, PageRequest.first()).items())
                .extracting(ManagedPolicy::policyName).containsExactly("Alpha");
        assertThat(service.listPolicies(root, "All", false, "/team/", PageRequest.first()).items()).hasSize(1);
        assertThat(service.listPolicies(root, "AWS", false, null, PageRequest.first()).items()).isEmpty();
        var page = service.listPolicies(root, null, false, null, new PageRequest(null, 1));
        assertThat(page.isTruncated()).isTrue();
        assertThat(service.listAttachedUserPolicies(root, "alice", null, PageRequest.first()).items())
                .extracting(ManagedPolicy::arn).containsExactly(a.arn());
        assertThat(a.arn()).isEqualTo("arn:aws:iam::123456789012:policy/team/Alpha");
        assertThat(a.policyId()).matches("ANPA[A-Z2-7]{17}");
    }

    @Test
    void aUserWithPoliciesCannotBeDeleted() {
        identity.createUser(root, "alice", null);
        service.putUserPolicy(root, "alice", "P", CREATE_OWN_ACCESS_KEYS);
        assertThatThrownBy(() -> identity.deleteUser(root, "alice")).hasMessage("Cannot delete entity, must delete policies first.");
        service.deleteUserPolicy(root, "alice", "P");
        var m = service.createPolicy(root, "M", null, CREATE_OWN_ACCESS_KEYS, null);
        service.attachUserPolicy(root, "alice", m.arn());
        assertThatThrownBy(() -> identity.deleteUser(root, "alice")).hasMessage("Cannot delete entity, must detach all policies first.");
        service.detachUserPolicy(root, "alice", m.arn());
        identity.deleteUser(root, "alice");
    }

    @Test
    void aUserMayListTheirOwnInlinePolicyNamesOnlyWhenAllowed() {
        User alice = identity.createUser(root, "alice", null);
        service.putUserPolicy(root, "alice", "B", CREATE_OWN_ACCESS_KEYS);
        service.putUserPolicy(root, "alice", "A", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListUserPolicies","Resource":"arn:aws:iam::*:user/${aws:username}"}]}""");
        assertThat(service.listUserPolicies(as(alice), "alice", PageRequest.first()).items()).containsExactly("A", "B");
        assertError(ErrorCode.ACCESS_DENIED, () -> service.getUserPolicy(as(alice), "alice", "A"));
    }
    @Test
    void aDescriptionOutsideAwsCharacterSetIsRefusedWhenWritten() {
        String doc = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetUser","Resource":"*"}]}""";
        for (String bad : new String[] {"bell\u0007", "nul\u0000", "esc\u001b[31m", "\u0001", "snow \u2603", "x".repeat(1001)}) {
            assertError(ErrorCode.VALIDATION_ERROR, () -> service.createPolicy(root, "P", "/", doc, bad));
        }
        String ok = "tab\tlf\ncr\r Latin-1 \u00e9\u00ff " + "x".repeat(900);
        assertThat(service.createPolicy(root, "P", "/", doc, ok).description()).isEqualTo(ok);
    }
    @Test
    void lastUsedOfAnUnknownKeyAndOfAKeyTheCallerMayNotReadAreTheSameDenial() {
        User alice = identity.createUser(root, "alice", null);
        User carol = identity.createUser(root, "carol", null);
        identity.createUser(root, "bob", null);
        String bobs = identity.createAccessKey(root, "bob").key().id().value();
        String unknown = "AKIARZPUZDIKGB2VALC4";
        service.putUserPolicy(root, "carol", "NotBob", """
                {"Version":"2012-10-17","Statement":[
                  {"Effect":"Allow","Action":"iam:GetAccessKeyLastUsed","Resource":"*"},
                  {"Effect":"Deny","Action":"iam:GetAccessKeyLastUsed","Resource":"arn:aws:iam::*:user/bob"}]}""");
        for (User caller : List.of(alice, carol)) {
            String denial = "User: " + caller.arn() + " is not authorized to perform iam:GetAccessKeyLastUsed"
                    + " on resource: access key ";
            assertThatThrownBy(() -> identity.getAccessKeyLastUsed(as(caller), unknown)).hasMessage(denial + unknown);
            assertThatThrownBy(() -> identity.getAccessKeyLastUsed(as(caller), bobs)).hasMessage(denial + bobs)
                    .isInstanceOfSatisfying(KeywardenException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ACCESS_DENIED));
        }
    }
}
