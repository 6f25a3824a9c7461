package io.keywarden.core.service;

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
import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.keys.LastUsed;
import io.keywarden.core.password.LoginProfile;
import io.keywarden.core.port.Page;
import io.keywarden.core.port.PageRequest;
import io.keywarden.core.port.UserSummaryStore.Sort;
import io.keywarden.core.testing.InMemoryAccessKeyStore;
import io.keywarden.core.testing.InMemoryLoginProfileStore;
import io.keywarden.core.testing.InMemoryUserStore;
import io.keywarden.core.testing.InMemoryUserSummaryStore;
import io.keywarden.core.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserSummaryServiceTest {
    private final AccountId accountId = AccountId.of("123456789012");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryUserStore users = new InMemoryUserStore();
    private final InMemoryAccessKeyStore keys = new InMemoryAccessKeyStore();
    private final InMemoryLoginProfileStore profiles = new InMemoryLoginProfileStore();
    /** The actions the authorizer allows a non-root caller. */
    private final Set<String> allowed = new HashSet<>();
    private final List<String> asked = new ArrayList<>();
    private final IdentityService identity = IdentityService.builder()
            .account(new Account(accountId, clock.instant()))
            .users(users).keys(keys)
            .sealer(SecretSealer.create(MasterKey.of(1, new byte[32]), new SecureRandom()))
            .authorizer(r -> {
                asked.add(r.action() + " " + r.resource());
                return AuthorizationResult.of(r.caller().principal().isRoot() || allowed.contains(r.action())
                        ? Decision.ALLOW : Decision.IMPLICIT_DENY, "test");
            })
            .random(new SecureRandom()).clock(clock).build();
    private final UserSummaryService service = new UserSummaryService(identity.guard(), users, keys, profiles,
            new InMemoryUserSummaryStore(users, keys, profiles), clock);
    private final Caller root = caller(Principal.root(accountId));
    private User alice;
    private AccessKeyId aliceActive;

    private Caller caller(Principal p) {
        return new Caller(p, "AKIAEXAMPLEEXAMPLE00", clock.instant(), "127.0.0.1", "test", false, "us-east-1", "iam");
    }

    @BeforeEach
    void users() {
        alice = identity.createUser(root, "alice", "/eng/");
        aliceActive = identity.createAccessKey(root, "alice").key().id();
        clock.advance(Duration.ofDays(1));
        AccessKeyId second = identity.createAccessKey(root, "alice").key().id();
        identity.updateAccessKey(root, "alice", second.value(), "Inactive");
        keys.recordLastUsed(Map.of(aliceActive, new LastUsed(clock.instant(), "iam", "us-east-1")));
        profiles.insert(new LoginProfile(accountId, alice.userId(), "alice", "$hash", clock.instant(),
                clock.instant(), false, null));
        for (String name : List.of("Bob", "carol", "dave", "erin")) {
            identity.createUser(root, name, null);
            clock.advance(Duration.ofHours(1));
        }
        clock.advance(Duration.ofDays(9));
    }

    private List<String> names(Page<UserOverview> page) {
        return page.items().stream().map(o -> o.user().userName().value()).toList();
    }

    @Test
    void aRowCarriesEveryColumn() {
        UserOverview a = service.list(root, Sort.USER_NAME, false, "alice", PageRequest.first()).items().get(0);
        assertThat(a.keys()).hasSize(2);
        assertThat(a.keys().get(0).status()).isEqualTo(KeyStatus.ACTIVE);
        assertThat(a.keys().get(1).status()).isEqualTo(KeyStatus.INACTIVE);
        assertThat(a.activeKeyAgeDays()).isEqualTo(10);
        assertThat(a.lastUsedKey()).isEqualTo(aliceActive);
        assertThat(a.lastUsed().serviceName()).isEqualTo("iam");
        assertThat(a.passwordEnabled()).isTrue();
        assertThat(a.passwordAgeDays()).isEqualTo(9);
        assertThat(a.consoleLastSignIn()).isNull();
        UserOverview bob = service.list(root, Sort.USER_NAME, false, "BOB", PageRequest.first()).items().get(0);
        assertThat(bob.keys()).isEmpty();
        assertThat(bob.activeKeyAgeDays()).isNull();
        assertThat(bob.lastUsed()).isNull();
        assertThat(bob.passwordEnabled()).isFalse();
        assertThat(bob.passwordAgeDays()).isNull();
    }

    @Test
    void markersWalkEveryOrderAndBelongToIt() {
        for (Sort sort : Sort.values()) {
            for (boolean desc : new boolean[] {false, true}) {
                List<String> seen = new ArrayList<>();
                Page<UserOverview> page = service.list(root, sort, desc, null, new PageRequest(null, 2));
                seen.addAll(names(page));
                while (page.isTruncated()) {
                    page = service.list(root, sort, desc, null, new PageRequest(page.nextMarker(), 2));
                    seen.addAll(names(page));
                }
                assertThat(seen).as(sort + " " + desc).containsExactlyInAnyOrder("alice", "Bob", "carol", "dave",
                        "erin");
            }
        }
        String marker = service.list(root, Sort.CREATE_DATE, false, null, new PageRequest(null, 2)).nextMarker();
        assertThatThrownBy(() -> service.list(root, Sort.CREATE_DATE, true, null, new PageRequest(marker, 2)))
                .isInstanceOfSatisfying(KeywardenException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.VALIDATION_ERROR));
        assertThatThrownBy(() -> service.list(root, Sort.USER_NAME, false, null, new PageRequest(marker, 2)))
                .isInstanceOfSatisfying(KeywardenException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.VALIDATION_ERROR));
    }

    @Test
    void aKeyIdFindsItsOwnerAndAPrefixFindsNames() {
        assertThat(names(service.list(root, Sort.USER_NAME, false, " " + aliceActive.value() + " ",
                PageRequest.first()))).containsExactly("alice");
        assertThat(names(service.list(root, Sort.USER_NAME, false, "AKIAAAAAAAAAAAAAAAAA", PageRequest.first())))
                .isEmpty();
        assertThat(names(service.list(root, Sort.CREATE_DATE, true, "c", PageRequest.first()))).containsExactly("carol");
        assertThat(names(service.list(root, Sort.USER_NAME, false, "no such*", PageRequest.first()))).isEmpty();
    }

    @Test
    void aCallerNeedsItsOwnActionAndEveryReadItReveals() {
        Caller bob = caller(Principal.user(users.findByName(accountId,
                io.keywarden.core.identity.UserName.of("Bob")).orElseThrow()));
        allowed.addAll(List.of("keywarden:ListUserSummaries", "iam:ListUsers", "iam:ListAccessKeys",
                "iam:GetAccessKeyLastUsed"));
        assertThatThrownBy(() -> service.list(bob, Sort.USER_NAME, false, null, PageRequest.first()))
                .isInstanceOfSatisfying(KeywardenException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.ACCESS_DENIED);
                    assertThat(e.getMessage()).contains("iam:GetLoginProfile");
                });
        allowed.add("iam:GetLoginProfile");
        asked.clear();
        assertThat(names(service.list(bob, Sort.USER_NAME, false, null, PageRequest.first()))).hasSize(5);
        assertThat(asked).containsExactly(
                "keywarden:ListUserSummaries arn:aws:iam::123456789012:user/*",
                "iam:ListUsers arn:aws:iam::123456789012:user/*",
                "iam:ListAccessKeys arn:aws:iam::123456789012:user/*",
                "iam:GetAccessKeyLastUsed arn:aws:iam::123456789012:user/*",
                "iam:GetLoginProfile arn:aws:iam::123456789012:user/*");
    }
}
