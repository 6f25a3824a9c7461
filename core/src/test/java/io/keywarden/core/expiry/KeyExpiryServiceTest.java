package io.keywarden.core.expiry;

import io.keywarden.core.audit.AuditEvent;
import io.keywarden.core.audit.AuditQuery;
import io.keywarden.core.audit.AuditRecord;
import io.keywarden.core.auth.Caller;
import io.keywarden.core.authz.RootOnlyAuthorizer;
import io.keywarden.core.crypto.MasterKey;
import io.keywarden.core.crypto.SecretSealer;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.expiry.KeyExpiryEvaluator.Action;
import io.keywarden.core.identity.Account;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.identity.Tag;
import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.keys.NewAccessKey;
import io.keywarden.core.notify.AuditNotifications;
import io.keywarden.core.notify.Notification;
import io.keywarden.core.notify.NotificationEvent;
import io.keywarden.core.port.PageRequest;
import io.keywarden.core.port.Transactions;
import io.keywarden.core.service.IdentityService;
import io.keywarden.core.testing.InMemoryAccessKeyStore;
import io.keywarden.core.testing.InMemoryAuditStore;
import io.keywarden.core.testing.InMemoryKeyExpiryStore;
import io.keywarden.core.testing.InMemoryUserStore;
import io.keywarden.core.testing.InMemoryUserTagStore;
import io.keywarden.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyExpiryServiceTest {
    private final AccountId accountId = AccountId.of("123456789012");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryUserStore users = new InMemoryUserStore();
    private final InMemoryAccessKeyStore keys = new InMemoryAccessKeyStore();
    private final InMemoryUserTagStore tags = new InMemoryUserTagStore();
    private final InMemoryKeyExpiryStore store = new InMemoryKeyExpiryStore();
    private final InMemoryAuditStore audit = new InMemoryAuditStore();
    private final SecureRandom random = new SecureRandom();
    private final IdentityService identity = IdentityService.builder()
            .account(new Account(accountId, clock.instant())).users(users).keys(keys)
            .sealer(SecretSealer.create(MasterKey.of(1, new byte[32]), random)).authorizer(new RootOnlyAuthorizer())
            .random(random).clock(clock).build();
    private final KeyExpiryService expiry = new KeyExpiryService(identity, users, tags, keys, store, audit,
            () -> UUID.randomUUID().toString(), clock);
    private final Caller root = new Caller(Principal.root(accountId), "AKIAEXAMPLEEXAMPLE00", clock.instant(),
            "127.0.0.1", "test", false, "us-east-1", "iam");

    private Instant day(long d) {
        return Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofDays(d));
    }

    private NewAccessKey keyOf(String user) {
        identity.createUser(root, user, null);
        return identity.createAccessKey(root, user);
    }

    private List<AuditEvent> events(String name) {
        return audit.lookup(new AuditQuery(accountId, null, null, name, null, null, null, null, null, null, null,
                PageRequest.first())).items();
    }

    @Test
    void warnsOnceDeactivatesThenDeletesEachWithAnEventNamingTheNodeAndTheRule() {
        NewAccessKey k = keyOf("alice");
        AccessKeyId id = k.key().id();
        expiry.putPolicy(root, new KeyExpiryPolicy(80, 90, 30, null, null, List.of(), false));

        assertThat(expiry.enforce(day(79), "node-a", Transactions.NONE)).isEmpty();
        List<KeyExpiryService.Applied> warned = expiry.enforce(day(80), "node-a", Transactions.NONE);
        assertThat(warned).extracting(KeyExpiryService.Applied::action).containsExactly(Action.WARN);
        assertThat(expiry.enforce(day(81), "node-a", Transactions.NONE)).isEmpty(); // once per threshold

        List<KeyExpiryService.Applied> off = expiry.enforce(day(90), "node-b", Transactions.NONE);
        assertThat(off).extracting(KeyExpiryService.Applied::action).containsExactly(Action.DEACTIVATE);
        assertThat(keys.find(id).orElseThrow().key().status()).isEqualTo(KeyStatus.INACTIVE);
        assertThat(expiry.enforce(day(91), "node-b", Transactions.NONE)).isEmpty(); // not deactivated again

        // deactivated on day 90 and never used: deleted on day 120, not before
        assertThat(expiry.enforce(day(119), "node-a", Transactions.NONE)).isEmpty();
        assertThat(expiry.enforce(day(120), "node-a", Transactions.NONE)).extracting(KeyExpiryService.Applied::action)
                .containsExactly(Action.DELETE);
        assertThat(keys.find(id)).isEmpty();

        AuditRecord deactivation = events(KeyExpiryService.DEACTIVATED_EVENT).get(0).record();
        assertThat(deactivation.principalType()).isEqualTo("AWSService");
        assertThat(deactivation.principalId()).isEqualTo(KeyExpiryService.ACTOR);
        assertThat(deactivation.requestParameters()).contains("\"node\":\"node-b\"", "\"rule\":\"maxAge\"",
                "\"thresholdDays\":90", id.value(), "\"deactivateAfterDays\":90");
        assertThat(events(KeyExpiryService.NEAR_EXPIRY_EVENT)).hasSize(1);
        assertThat(events(KeyExpiryService.DELETED_EVENT)).hasSize(1);

        List<Notification> announced = new AuditNotifications(clock, Duration.ofHours(1)).of(List.of(
                events(KeyExpiryService.NEAR_EXPIRY_EVENT).get(0).record(), deactivation,
                events(KeyExpiryService.DELETED_EVENT).get(0).record()));
        assertThat(announced).extracting(Notification::event).containsExactly(NotificationEvent.KEY_NEAR_EXPIRY,
                NotificationEvent.KEY_DEACTIVATED_BY_POLICY, NotificationEvent.KEY_DELETED_BY_POLICY);
        assertThat(announced.get(1).detail()).containsEntry("node", "node-b").containsEntry("userName", "alice")
                .containsEntry("accessKeyId", id.value()).containsEntry("reason", "policy");
    }

    @Test
    void aDryRunChangesNothingAndTheReportSaysWhatWouldHappen() {
        NewAccessKey k = keyOf("bob");
        expiry.putPolicy(root, new KeyExpiryPolicy(80, 90, null, null, null, List.of(), true));
        clock.set(day(95));
        assertThat(expiry.enforce(day(95), "node-a", Transactions.NONE)).isEmpty();
        assertThat(keys.find(k.key().id()).orElseThrow().key().status()).isEqualTo(KeyStatus.ACTIVE);
        assertThat(audit.head(accountId).seq()).isZero();
        KeyExpiryService.Report report = expiry.report(root, PageRequest.first());
        assertThat(report.policy().policy().dryRun()).isTrue();
        assertThat(report.summary().overdue()).isEqualTo(1);
        assertThat(report.summary().overDeactivate()).isEqualTo(1);
        assertThat(report.keys().get(0).next().action()).isEqualTo(Action.DEACTIVATE);
    }

    @Test
    void rootKeysAreWarnedAboutAndExemptKeysLeftAlone() {
        NewAccessKey rootKey = identity.issueRootKey();
        NewAccessKey k = keyOf("glass");
        tags.putUserTags(accountId, users.findByName(accountId, io.keywarden.core.identity.UserName.of("glass"))
                .orElseThrow().userId(), List.of(new Tag("break-glass", "yes")));
        expiry.putPolicy(root, new KeyExpiryPolicy(80, 90, 1, null, null,
                List.of(new KeyExpiryPolicy.Exemption("break-glass", null)), false));
        List<KeyExpiryService.Applied> done = expiry.enforce(day(200), "n", Transactions.NONE);
        assertThat(done).extracting(KeyExpiryService.Applied::accessKeyId, KeyExpiryService.Applied::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(rootKey.key().id().value(), Action.WARN));
        assertThat(keys.find(rootKey.key().id()).orElseThrow().key().isActive()).isTrue();
        assertThat(keys.find(k.key().id()).orElseThrow().key().isActive()).isTrue();
        clock.set(day(200));
        KeyExpiryService.Summary s = expiry.report(root, PageRequest.first()).summary();
        assertThat(s.exempt()).isEqualTo(1);
        assertThat(s.overdue()).isEqualTo(1); // the root key
    }

    @Test
    void theBaselineCountsActiveRootKeysAndActiveKeysOlderOrUnusedBeyondNinetyDaysWhateverThePolicy() {
        identity.issueRootKey(); // Active, never used: 100 days old and unused on day 100
        NewAccessKey used = keyOf("used"); // 100 days old, used on day 50
        keys.recordLastUsed(java.util.Map.of(used.key().id(),
                new io.keywarden.core.keys.LastUsed(day(50), "iam", "us-east-1")));
        NewAccessKey inactive = keyOf("inactive"); // old and unused, but Inactive: not counted
        identity.updateAccessKey(root, "inactive", inactive.key().id().value(), "Inactive");
        NewAccessKey exempt = keyOf("exempt"); // counted although the policy exempts it
        tags.putUserTags(accountId, users.findByName(accountId, io.keywarden.core.identity.UserName.of("exempt"))
                .orElseThrow().userId(), List.of(new Tag("break-glass", "yes")));
        clock.set(day(60));
        keyOf("young"); // 40 days old on day 100
        clock.set(day(100));
        KeyExpiryService.Summary none = expiry.report(root, PageRequest.first()).summary();
        assertThat(none.activeRootKeys()).isEqualTo(1);
        assertThat(none.activeOlderThan90Days()).isEqualTo(3); // root, used, exempt
        assertThat(none.activeUnusedFor90Days()).isEqualTo(2); // root, exempt
        expiry.putPolicy(root, new KeyExpiryPolicy(10, 20, null, null, null,
                List.of(new KeyExpiryPolicy.Exemption("break-glass", null)), true));
        KeyExpiryService.Summary with = expiry.report(root, PageRequest.first()).summary();
        assertThat(with.exempt()).isEqualTo(1);
        assertThat(List.of(with.activeRootKeys(), with.activeOlderThan90Days(), with.activeUnusedFor90Days()))
                .containsExactly(1, 3, 2);
        clock.set(day(91)); // "more than 90 days": a key of day 0 counts from day 91 on
        assertThat(expiry.report(root, PageRequest.first()).summary().activeOlderThan90Days()).isEqualTo(3);
        clock.set(day(90));
        assertThat(expiry.report(root, PageRequest.first()).summary().activeOlderThan90Days()).isZero();
    }

    @Test
    void aReactivatedKeyStartsItsInactiveClockAgain() {
        NewAccessKey k = keyOf("carol");
        expiry.putPolicy(root, new KeyExpiryPolicy(null, null, 10, null, null, List.of(), false));
        identity.updateAccessKey(root, "carol", k.key().id().value(), "Inactive");
        expiry.enforce(day(1), "n", Transactions.NONE); // first seen Inactive on day 1
        identity.updateAccessKey(root, "carol", k.key().id().value(), "Active");
        expiry.enforce(day(5), "n", Transactions.NONE);
        identity.updateAccessKey(root, "carol", k.key().id().value(), "Inactive");
        expiry.enforce(day(6), "n", Transactions.NONE); // seen Inactive again on day 6
        assertThat(expiry.enforce(day(15), "n", Transactions.NONE)).isEmpty();
        assertThat(expiry.enforce(day(16), "n", Transactions.NONE)).hasSize(1);
    }

    @Test
    void theReportIsPagedByKeyIdAndWorksWithoutAPolicy() {
        for (String u : List.of("u1", "u2", "u3")) {
            keyOf(u);
        }
        KeyExpiryService.Report first = expiry.report(root, new PageRequest(null, 2));
        assertThat(first.policy()).isNull();
        assertThat(first.summary().keys()).isEqualTo(3);
        assertThat(first.keys()).hasSize(2);
        assertThat(first.isTruncated()).isTrue();
        KeyExpiryService.Report second = expiry.report(root, new PageRequest(first.nextMarker(), 2));
        assertThat(second.keys()).hasSize(1);
        assertThat(second.isTruncated()).isFalse();
        assertThat(second.keys().get(0).key().id().value())
                .isGreaterThan(first.keys().get(1).key().id().value());
    }

    @Test
    void getAndDeleteWithoutAPolicyAreNoSuchEntityAndOthersAreDenied() {
        assertThatThrownBy(() -> expiry.getPolicy(root)).isInstanceOfSatisfying(KeywardenException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NO_SUCH_ENTITY));
        assertThatThrownBy(() -> expiry.deletePolicy(root)).isInstanceOfSatisfying(KeywardenException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NO_SUCH_ENTITY));
        identity.createUser(root, "mallory", null);
        Caller mallory = new Caller(Principal.user(users.findByName(accountId,
                io.keywarden.core.identity.UserName.of("mallory")).orElseThrow()), "AKIAEXAMPLEEXAMPLE01",
                clock.instant(), "127.0.0.1", "test", false, "us-east-1", "iam");
        assertThatThrownBy(() -> expiry.putPolicy(mallory, new KeyExpiryPolicy(1, 2, null, null, null, null,
                false))).isInstanceOfSatisfying(KeywardenException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ACCESS_DENIED));
        expiry.putPolicy(root, new KeyExpiryPolicy(1, 2, null, null, null, null, false));
        assertThat(expiry.getPolicy(root).policy().deactivateAfterDays()).isEqualTo(2);
        expiry.deletePolicy(root);
        assertThat(store.policy(accountId)).isEmpty();
    }
}
