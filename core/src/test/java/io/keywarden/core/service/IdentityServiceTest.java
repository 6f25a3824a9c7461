package io.keywarden.core.service;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.auth.CredentialResolver;
import io.keywarden.core.authz.RootOnlyAuthorizer;
import io.keywarden.core.crypto.MasterKey;
import io.keywarden.core.crypto.SecretSealer;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.Account;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.identity.User;
import io.keywarden.core.keys.AccessKey;
import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.keys.LastUsed;
import io.keywarden.core.keys.NewAccessKey;
import io.keywarden.core.port.Page;
import io.keywarden.core.port.PageRequest;
import io.keywarden.core.testing.InMemoryAccessKeyStore;
import io.keywarden.core.testing.InMemoryUserStore;
import io.keywarden.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityServiceTest {
    private final AccountId accountId = AccountId.of("123456789012");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryUserStore users = new InMemoryUserStore();
    private final InMemoryAccessKeyStore keys = new InMemoryAccessKeyStore();
    private final SecureRandom random = new SecureRandom();
    private final SecretSealer sealer = SecretSealer.create(MasterKey.of(1, new byte[32]), random);
    private final ConcurrentLinkedQueue<AccessKeyId> changes = new ConcurrentLinkedQueue<>();
    private final IdentityService service = IdentityService.builder()
            .account(new Account(accountId, clock.instant()))
            .users(users).keys(keys).sealer(sealer).authorizer(new RootOnlyAuthorizer())
            .random(random).clock(clock).keyChanges(changes::add)
            .build();
    private final Caller root = caller(Principal.root(accountId));

    private Caller caller(Principal p) {
        return new Caller(p, "AKIAEXAMPLEEXAMPLE00", clock.instant(), "127.0.0.1", "test", false, "us-east-1", "iam");
    }

    private static void assertError(ErrorCode code, Executable call) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(KeywardenException.class,
                e -> assertThat(e.errorCode()).isEqualTo(code));
    }

    @Test
    void userLifecycle() {
        User alice = service.createUser(root, "Alice", "/eng/");
        assertThat(alice.userId()).matches("AIDA[A-Z2-7]{17}");
        assertThat(alice.arn()).isEqualTo("arn:aws:iam::123456789012:user/eng/Alice");
        assertThat(service.getUser(root, "alice").userId()).isEqualTo(alice.userId());
        assertError(ErrorCode.ENTITY_ALREADY_EXISTS, () -> service.createUser(root, "ALICE", null));
        service.deleteUser(root, "Alice");
        assertError(ErrorCode.NO_SUCH_ENTITY, () -> service.getUser(root, "Alice"));
        assertThatThrownBy(() -> service.deleteUser(root, "Alice")).hasMessage("The user with name Alice cannot be found.");
    }

    @Test
    void getUserWithoutANameAsRootAnswersWithTheRootIdentity() {
        UserInfo info = service.getUser(root, null);
        assertThat(info.isRoot()).isTrue();
        assertThat(info.userId()).isEqualTo("123456789012");
        assertThat(info.arn()).isEqualTo("arn:aws:iam::123456789012:root");
    }

    @Test
    void thirdKeyIsRejected() {
        service.createUser(root, "bob", null);
        service.createAccessKey(root, "bob");
        service.createAccessKey(root, "bob");
        assertThatThrownBy(() -> service.createAccessKey(root, "bob"))
                .isInstanceOfSatisfying(KeywardenException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.LIMIT_EXCEEDED))
                .hasMessage("Cannot exceed quota for AccessKeysPerUser: 2");
    }

    @Test
    void inactiveKeysCountTowardsTheLimitAndADeletedKeyFreesItsSlot() {
        service.createUser(root, "bob", null);
        NewAccessKey first = service.createAccessKey(root, "bob");
        service.createAccessKey(root, "bob");
        service.updateAccessKey(root, "bob", first.key().id().value(), "Inactive");
        assertError(ErrorCode.LIMIT_EXCEEDED, () -> service.createAccessKey(root, "bob"));
        service.deleteAccessKey(root, "bob", first.key().id().value());
        NewAccessKey third = service.createAccessKey(root, "bob");
        assertThat(service.listAccessKeys(root, "bob", PageRequest.first()).items()).hasSize(2)
                .extracting(AccessKey::id).contains(third.key().id());
    }

    @Test
    void twentyConcurrentCreatesYieldExactlyTwoKeys() throws Exception {
        service.createUser(root, "carol", null);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    return service.createAccessKey(root, "carol");
                } catch (KeywardenException e) {
                    return e.errorCode();
                }
            }));
        }
        start.countDown();
        int created = 0;
        int limited = 0;
        for (Future<Object> f : results) {
            Object r = f.get();
            if (r instanceof NewAccessKey) {
                created++;
            } else if (r == ErrorCode.LIMIT_EXCEEDED) {
                limited++;
            }
        }
        pool.shutdown();
        assertThat(created).isEqualTo(2);
        assertThat(limited).isEqualTo(18);
        assertThat(service.listAccessKeys(root, "carol", PageRequest.first()).items()).hasSize(2);
    }

    @Test
    void keysAreListedWithoutSecretsAndThePairIsReturnedOnce() {
        service.createUser(root, "dave", null);
        NewAccessKey created = service.createAccessKey(root, "dave");
        assertThat(created.secret().reveal()).hasSize(40);
        assertThat(created.toString()).doesNotContain(created.secret().reveal());
        Page<AccessKey> page = service.listAccessKeys(root, "dave", PageRequest.first());
        assertThat(page.items()).singleElement().satisfies(k -> {
            assertThat(k.id()).isEqualTo(created.key().id());
            assertThat(k.status()).isEqualTo(KeyStatus.ACTIVE);
            assertThat(k.toString()).doesNotContain(created.secret().reveal());
        });
        assertThat(changes).contains(created.key().id());
    }

    @Test
    void inactiveKeysDoNotResolveAndReactivatedKeysDo() {
        service.createUser(root, "erin", null);
        NewAccessKey key = service.createAccessKey(root, "erin");
        CredentialResolver resolver = new CredentialResolver(accountId, users, keys, sealer);
        assertThat(resolver.resolve(key.key().id().value())).hasValueSatisfying(c -> {
            assertThat(c.secret()).isEqualTo(key.secret());
            assertThat(c.principal().arn()).endsWith(":user/erin");
        });
        service.updateAccessKey(root, "erin", key.key().id().value(), "Inactive");
        assertThat(resolver.resolve(key.key().id().value())).isEmpty();
        service.updateAccessKey(root, "erin", key.key().id().value(), "Active");
        assertThat(resolver.resolve(key.key().id().value())).isPresent();
        service.deleteAccessKey(root, "erin", key.key().id().value());
        assertThat(resolver.resolve(key.key().id().value())).isEmpty();
        assertThat(resolver.resolve("not a key")).isEmpty();
    }

    @Test
    void keysOfAnotherUserCannotBeChangedThroughThisUsersName() {
        service.createUser(root, "frank", null);
        service.createUser(root, "grace", null);
        NewAccessKey gracesKey = service.createAccessKey(root, "grace");
        assertThatThrownBy(() -> service.updateAccessKey(root, "frank", gracesKey.key().id().value(), "Inactive"))
                .hasMessage("The Access Key with id " + gracesKey.key().id() + " cannot be found.");
        assertError(ErrorCode.NO_SUCH_ENTITY, () -> service.deleteAccessKey(root, "frank", gracesKey.key().id().value()));
    }

    @Test
    void deleteUserWithKeysIsAConflict() {
        service.createUser(root, "heidi", null);
        NewAccessKey key = service.createAccessKey(root, "heidi");
        assertThatThrownBy(() -> service.deleteUser(root, "heidi"))
                .hasMessage("Cannot delete entity, must delete access keys first.");
        service.deleteAccessKey(root, "heidi", key.key().id().value());
        service.deleteUser(root, "heidi");
    }

    @Test
    void requireInactiveBeforeDeleteRefusesDeletingAnActiveKey() {
        IdentityService strict = IdentityService.builder()
                .account(new Account(accountId, clock.instant()))
                .users(users).keys(keys).sealer(sealer).authorizer(new RootOnlyAuthorizer())
                .random(random).clock(clock).rules(new KeyRules(2, true)).build();
        strict.createUser(root, "ivan", null);
        NewAccessKey key = strict.createAccessKey(root, "ivan");
        assertError(ErrorCode.DELETE_CONFLICT, () -> strict.deleteAccessKey(root, "ivan", key.key().id().value()));
        strict.updateAccessKey(root, "ivan", key.key().id().value(), "Inactive");
        strict.deleteAccessKey(root, "ivan", key.key().id().value());
    }

    @Test
    void lastUsedIsNaBeforeUseAndTheLatestRecordAfter() {
        service.createUser(root, "judy", null);
        NewAccessKey key = service.createAccessKey(root, "judy");
        KeyLastUsedInfo before = service.getAccessKeyLastUsed(root, key.key().id().value());
        assertThat(before.userName()).isEqualTo("judy");
        assertThat(before.record()).isEmpty();
        assertThat(before.serviceName()).isEqualTo("N/A");
        assertThat(before.region()).isEqualTo("N/A");
        Instant t1 = clock.instant().plusSeconds(10);
        Instant t2 = clock.instant().plusSeconds(20);
        keys.recordLastUsed(Map.of(key.key().id(), new LastUsed(t2, "sts", "eu-west-1")));
        keys.recordLastUsed(Map.of(key.key().id(), new LastUsed(t1, "iam", "us-east-1")));
        KeyLastUsedInfo after = service.getAccessKeyLastUsed(root, key.key().id().value());
        assertThat(after.record()).contains(new LastUsed(t2, "sts", "eu-west-1"));
    }

    @Test
    void lastUsedOfAnUnknownKeyIsAccessDeniedAsAws() {
        assertThatThrownBy(() -> service.getAccessKeyLastUsed(root, "AKIARZPUZDIKGB2VALC4"))
                .isInstanceOfSatisfying(KeywardenException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ACCESS_DENIED))
                .hasMessage("User: arn:aws:iam::123456789012:root is not authorized to perform iam:GetAccessKeyLastUsed"
                        + " on resource: access key AKIARZPUZDIKGB2VALC4");
    }

    @Test
    void iamUsersMayOnlyAskWhoTheyAreUntilPoliciesExist() {
        User kim = service.createUser(root, "kim", null);
        Caller asKim = caller(Principal.user(kim));
        assertThat(service.getCallerIdentity(asKim).arn()).isEqualTo("arn:aws:iam::123456789012:user/kim");
        assertThat(service.getCallerIdentity(asKim).userId()).isEqualTo(kim.userId());
        assertThatThrownBy(() -> service.createAccessKey(asKim, null))
                .isInstanceOfSatisfying(KeywardenException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ACCESS_DENIED))
                .hasMessage("User: arn:aws:iam::123456789012:user/kim is not authorized to perform: iam:CreateAccessKey"
                        + " on resource: user kim because no identity-based policy allows the iam:CreateAccessKey action");
        assertError(ErrorCode.ACCESS_DENIED, () -> service.listUsers(asKim, null, PageRequest.first()));
    }

    @Test
    void accessKeyInfoAnswersFromTheIdAlone() {
        assertThat(service.getAccessKeyInfo(root, "AKIARZPUZDIKGB2VALC4")).isEqualTo(AccountId.of("123456789012"));
        assertError(ErrorCode.VALIDATION_ERROR, () -> service.getAccessKeyInfo(root, "AKIAIOSFODNN7EXAMPLE"));
        assertError(ErrorCode.VALIDATION_ERROR, () -> service.getAccessKeyInfo(root, "short"));
    }

    @Test
    void findOwnerNamesTheUser() {
        User lee = service.createUser(root, "lee", "/ops/");
        NewAccessKey key = service.createAccessKey(root, "lee");
        KeyOwnerInfo owner = service.findKeyOwner(root, key.key().id().value());
        assertThat(owner.userName()).isEqualTo("lee");
        assertThat(owner.arn()).isEqualTo(lee.arn());
        assertThat(owner.account()).isEqualTo("123456789012");
        assertError(ErrorCode.NO_SUCH_ENTITY, () -> service.findKeyOwner(root, "AKIARZPUZDIKGB2VALC4"));
    }

    @Test
    void usersArePaginatedWithStableMarkersAndKeyAge() {
        for (String n : List.of("u1", "u2", "u3", "u4", "u5")) {
            service.createUser(root, n, null);
        }
        service.createAccessKey(root, "u2");
        clock.advance(Duration.ofDays(3));
        Page<UserSummary> first = service.listUsers(root, null, new PageRequest(null, 2));
        assertThat(first.items()).extracting(s -> s.user().userName().value()).containsExactly("u1", "u2");
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.items().get(1).keyAge()).hasValue(3);
        assertThat(first.items().get(0).keyAge()).isEmpty();
        service.createUser(root, "u0", null); // inserted before the marker: must not shift the next page
        Page<UserSummary> second = service.listUsers(root, null, new PageRequest(first.nextMarker(), 2));
        assertThat(second.items()).extracting(s -> s.user().userName().value()).containsExactly("u3", "u4");
        Page<UserSummary> third = service.listUsers(root, null, new PageRequest(second.nextMarker(), 2));
        assertThat(third.items()).extracting(s -> s.user().userName().value()).containsExactly("u5");
        assertThat(third.isTruncated()).isFalse();
        assertError(ErrorCode.VALIDATION_ERROR, () -> service.listUsers(root, null, new PageRequest("bogus", 2)));
        assertError(ErrorCode.VALIDATION_ERROR, () -> new PageRequest(null, 0));
        assertError(ErrorCode.VALIDATION_ERROR, () -> new PageRequest(null, 1001));
    }

    @Test
    void accessKeysArePaginated() {
        service.createUser(root, "pat", null);
        service.createAccessKey(root, "pat");
        service.createAccessKey(root, "pat");
        Page<AccessKey> first = service.listAccessKeys(root, "pat", new PageRequest(null, 1));
        assertThat(first.items()).hasSize(1);
        assertThat(first.isTruncated()).isTrue();
        Page<AccessKey> second = service.listAccessKeys(root, "pat", new PageRequest(first.nextMarker(), 1));
        assertThat(second.items()).hasSize(1).doesNotContainAnyElementsOf(first.items());
        assertThat(second.isTruncated()).isFalse();
    }

    @Test
    void rootActsOnItsOwnKeysWhenNoUserIsNamed() {
        NewAccessKey rootKey = service.createAccessKey(root, null);
        assertThat(rootKey.key().owner().isRoot()).isTrue();
        assertThat(service.listAccessKeys(root, null, PageRequest.first()).items())
                .extracting(AccessKey::id).containsExactly(rootKey.key().id());
        KeyLastUsedInfo info = service.getAccessKeyLastUsed(root, rootKey.key().id().value());
        assertThat(info.userName()).isNull();
    }

    @Test
    void configuredRootKeyIsInsertedOnceAndAConflictingSecretFails() {
        AccessKeyId id = AccessKeyId.generate(accountId, random);
        var secret = io.keywarden.core.keys.SecretAccessKey.generate(random);
        service.ensureRootKey(id, secret);
        service.ensureRootKey(id, secret);
        assertThat(service.listAccessKeys(root, null, PageRequest.first()).items()).hasSize(1);
        assertThatThrownBy(() -> service.ensureRootKey(id, io.keywarden.core.keys.SecretAccessKey.generate(random)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void invalidInputIsAValidationError() {
        assertError(ErrorCode.VALIDATION_ERROR, () -> service.createUser(root, "bad name", null));
        assertError(ErrorCode.VALIDATION_ERROR, () -> service.createUser(root, "ok", "nopath"));
        service.createUser(root, "mia", null);
        NewAccessKey key = service.createAccessKey(root, "mia");
        assertError(ErrorCode.VALIDATION_ERROR, () -> service.updateAccessKey(root, "mia", key.key().id().value(), "Deleted"));
        assertError(ErrorCode.VALIDATION_ERROR, () -> service.updateAccessKey(root, "mia", "bad-id!", "Active"));
    }
}
