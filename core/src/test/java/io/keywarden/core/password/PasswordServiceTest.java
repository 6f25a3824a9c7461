package io.keywarden.core.password;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.crypto.MasterKey;
import io.keywarden.core.crypto.SecretSealer;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.Account;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.identity.User;
import io.keywarden.core.permissions.PolicyAuthorizer;
import io.keywarden.core.permissions.StorePolicySource;
import io.keywarden.core.policy.PolicyEvaluator;
import io.keywarden.core.port.PageRequest;
import io.keywarden.core.service.IdentityService;
import io.keywarden.core.testing.FakePasswordHasher;
import io.keywarden.core.testing.InMemoryAccessKeyStore;
import io.keywarden.core.testing.InMemoryAccountSettingsStore;
import io.keywarden.core.testing.InMemoryLoginProfileStore;
import io.keywarden.core.testing.InMemoryPolicyStore;
import io.keywarden.core.testing.InMemoryUserStore;
import io.keywarden.core.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.security.SecureRandom;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

/** Login profiles, ChangePassword, the password policy and the alias through the use case. */
class PasswordServiceTest {
    private final AccountId accountId = AccountId.of("123456789012");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
    private final InMemoryUserStore users = new InMemoryUserStore();
    private final InMemoryPolicyStore policies = new InMemoryPolicyStore();
    private final InMemoryLoginProfileStore profiles = new InMemoryLoginProfileStore();
    private final InMemoryAccountSettingsStore settings = new InMemoryAccountSettingsStore();
    private final FakePasswordHasher hasher = new FakePasswordHasher();
    private PasswordService service;
    private Caller root;
    private User alice;

    @BeforeEach
    void setUp() {
        IdentityService identity = IdentityService.builder().account(new Account(accountId, clock.instant()))
                .users(users).keys(new InMemoryAccessKeyStore())
                .sealer(SecretSealer.create(MasterKey.of(1, new byte[32]), new SecureRandom()))
                .authorizer(new PolicyAuthorizer(new StorePolicySource(policies), PolicyEvaluator.create()))
                .random(new SecureRandom()).clock(clock).build();
        service = new PasswordService(identity, profiles, settings, hasher, clock);
        root = caller(Principal.root(accountId));
        alice = identity.createUser(root, "alice", null);
    }

    private Caller caller(Principal p) {
        return new Caller(p, "AKIAEXAMPLEEXAMPLE00", clock.instant(), "127.0.0.1", "test", true, "us-east-1", "iam");
    }

    private static Password pw(String s) {
        return Password.parse(s, "password");
    }

    private static void assertError(ErrorCode code, String message, Executable call) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(KeywardenException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(code);
            if (message != null) {
                assertThat(e.getMessage()).isEqualTo(message);
            }
        });
    }

    @Test
    void aLoginProfileIsCreatedReadUpdatedAndDeletedWithAwsErrors() {
        Password given = pw("Correct-Horse-1");
        LoginProfile created = service.createLoginProfile(root, "alice", given, true);
        assertThat(created.userName()).isEqualTo("alice");
        assertThat(created.passwordResetRequired()).isTrue();
        assertThat(created.passwordHash()).startsWith("fake$").doesNotContain("Correct-Horse-1");
        assertThat(new String(given.chars())).as("cleared after hashing").doesNotContain("Correct");
        assertError(ErrorCode.ENTITY_ALREADY_EXISTS, "Login Profile for user alice already exists.",
                () -> service.createLoginProfile(root, "alice", pw("Correct-Horse-2"), false));
        assertThat(service.getLoginProfile(root, "alice").createDate()).isEqualTo(clock.instant());

        service.updateLoginProfile(root, "alice", null, false);
        assertThat(service.getLoginProfile(root, "alice").passwordResetRequired()).isFalse();
        service.deleteLoginProfile(root, "alice");
        assertError(ErrorCode.NO_SUCH_ENTITY, "Login Profile for User alice cannot be found.",
                () -> service.getLoginProfile(root, "alice"));
        assertError(ErrorCode.NO_SUCH_ENTITY, "Login Profile for User alice cannot be found.",
                () -> service.deleteLoginProfile(root, "alice"));
        assertError(ErrorCode.NO_SUCH_ENTITY, "The user with name bob cannot be found.",
                () -> service.createLoginProfile(root, "bob", pw("Correct-Horse-1"), false));
    }

    @Test
    void theRootUserSetsItsOwnPasswordByNamingNobody() {
        LoginProfile rootProfile = service.createLoginProfile(root, null, pw("Root-Password-1"), false);
        assertThat(rootProfile.isRoot()).isTrue();
        assertThat(rootProfile.userName()).isNull();
        assertThat(service.getLoginProfile(root, null).ownerId()).isEqualTo(accountId.value());
    }

    @Test
    void anIamUserNeedsPermissionToManageProfiles() {
        Caller asAlice = caller(Principal.user(alice));
        assertError(ErrorCode.ACCESS_DENIED, null, () -> service.createLoginProfile(asAlice, null,
                pw("Correct-Horse-1"), false));
        assertError(ErrorCode.ACCESS_DENIED, null, () -> service.getAccountPasswordPolicy(asAlice));
        assertError(ErrorCode.ACCESS_DENIED, null, () -> service.createAccountAlias(asAlice, "my-company"));
    }

    @Test
    void thePolicyIsEnforcedOnCreateUpdateAndChange() {
        service.updateAccountPasswordPolicy(root, PasswordPolicy.of(12, true, true, true, true, true, null, null,
                false));
        assertError(ErrorCode.PASSWORD_POLICY_VIOLATION, "Password should have a minimum length of 12",
                () -> service.createLoginProfile(root, "alice", pw("Short-1!"), false));
        service.createLoginProfile(root, "alice", pw("Long-Enough-1!"), false);
        assertError(ErrorCode.PASSWORD_POLICY_VIOLATION, "Password should have at least one symbol",
                () -> service.updateLoginProfile(root, "alice", pw("LongEnoughNoSym1"), null));
        Caller asAlice = caller(Principal.user(alice));
        assertError(ErrorCode.PASSWORD_POLICY_VIOLATION, "Password should have at least one number",
                () -> service.changePassword(asAlice, pw("Long-Enough-1!"), pw("Long-Enough-No!")));
    }

    @Test
    void changePasswordNeedsTheOldPasswordAndClearsTheResetFlag() {
        service.createLoginProfile(root, "alice", pw("First-Password-1"), true);
        Caller asAlice = caller(Principal.user(alice));
        assertError(ErrorCode.INVALID_USER_TYPE, "The old password is incorrect.",
                () -> service.changePassword(asAlice, pw("Wrong-Password-1"), pw("Second-Password-2")));
        service.changePassword(asAlice, pw("First-Password-1"), pw("Second-Password-2"));
        LoginProfile after = profiles.find(accountId, alice.userId()).orElseThrow();
        assertThat(after.passwordResetRequired()).isFalse();
        assertThat(hasher.verify("Second-Password-2".toCharArray(), after.passwordHash())).isTrue();
        assertError(ErrorCode.INVALID_USER_TYPE, null,
                () -> service.changePassword(root, pw("a"), pw("b")));
    }

    @Test
    void withoutAllowUsersToChangePasswordAUserNeedsThePermission() {
        service.createLoginProfile(root, "alice", pw("First-Password-1"), false);
        service.updateAccountPasswordPolicy(root, PasswordPolicy.of(8, false, false, false, false, false, null, null,
                false));
        assertError(ErrorCode.ACCESS_DENIED, null, () -> service.changePassword(caller(Principal.user(alice)),
                pw("First-Password-1"), pw("Second-Password-2")));
    }

    @Test
    void reusePreventionRefusesTheLastNPasswords() {
        service.updateAccountPasswordPolicy(root, PasswordPolicy.of(8, false, false, false, false, true, null, 2,
                false));
        service.createLoginProfile(root, "alice", pw("Password-One"), false);
        service.updateLoginProfile(root, "alice", pw("Password-Two"), null);
        assertError(ErrorCode.PASSWORD_POLICY_VIOLATION, "Password should not be one of your last 2 passwords",
                () -> service.updateLoginProfile(root, "alice", pw("Password-One"), null));
        service.updateLoginProfile(root, "alice", pw("Password-Three"), null);
        assertDoesNotThrow(() -> service.updateLoginProfile(root, "alice", pw("Password-One"), null));
    }

    @Test
    void thePolicyIsReadAndDeletedWithAwsNoSuchEntity() {
        String none = "The Password Policy with domain name 123456789012 cannot be found.";
        assertError(ErrorCode.NO_SUCH_ENTITY, none, () -> service.getAccountPasswordPolicy(root));
        assertError(ErrorCode.NO_SUCH_ENTITY, none, () -> service.deleteAccountPasswordPolicy(root));
        service.updateAccountPasswordPolicy(root, PasswordPolicy.of(null, true, false, false, false, true, 30, 5,
                true));
        PasswordPolicy got = service.getAccountPasswordPolicy(root);
        assertThat(got.minimumPasswordLength()).isEqualTo(6);
        assertThat(got.maxPasswordAge()).isEqualTo(30);
        assertThat(got.hardExpiry()).isTrue();
        service.deleteAccountPasswordPolicy(root);
        assertThat(service.policyInForce()).isEqualTo(PasswordPolicy.NONE);
    }

    @Test
    void oneAliasPerAccountReplacedByTheNext() {
        assertThat(service.listAccountAliases(root, PageRequest.first()).items()).isEmpty();
        service.createAccountAlias(root, "example-corp");
        service.createAccountAlias(root, "example-corp");
        assertThat(service.listAccountAliases(root, PageRequest.first()).items()).containsExactly("example-corp");
        service.createAccountAlias(root, "example-two");
        assertThat(service.listAccountAliases(root, PageRequest.first()).items()).containsExactly("example-two");
        assertError(ErrorCode.NO_SUCH_ENTITY, "The account alias example-corp cannot be found.",
                () -> service.deleteAccountAlias(root, "example-corp"));
        service.deleteAccountAlias(root, "example-two");
        assertThat(settings.accountByAlias("example-two")).isEmpty();
        settings.putAlias(AccountId.of("210987654321"), "taken-elsewhere");
        assertError(ErrorCode.ENTITY_ALREADY_EXISTS, "The account alias taken-elsewhere already exists.",
                () -> service.createAccountAlias(root, "taken-elsewhere"));
    }

    @Test
    void aliasPatternIsAwsPattern() {
        for (String bad : new String[]{"ab", "-abc", "abc-", "a--b", "ABC", "a_b", "123456789012"}) {
            assertThatThrownBy(() -> new io.keywarden.core.operation.Requests.CreateAccountAlias(bad))
                    .as(bad).isInstanceOf(KeywardenException.class);
        }
        assertDoesNotThrow(() -> new io.keywarden.core.operation.Requests.CreateAccountAlias("a-b-c"));
    }
}
