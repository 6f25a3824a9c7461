package io.keywarden.core.service;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.authz.RootOnlyAuthorizer;
import io.keywarden.core.crypto.MasterKey;
import io.keywarden.core.crypto.SecretSealer;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.identity.User;
import io.keywarden.core.identity.UserName;
import io.keywarden.core.identity.UserPath;
import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.keys.SecretAccessKey;
import io.keywarden.core.port.ResealLedger;
import io.keywarden.core.testing.InMemoryResealLedger;
import io.keywarden.core.testing.InMemorySealedSecrets;
import io.keywarden.core.testing.InMemoryUserStore;
import io.keywarden.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasterKeyServiceTest {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private final SecureRandom random = new SecureRandom();
    private final AccountId account = AccountId.of("123456789012");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final MasterKey v1 = key(1);
    private final MasterKey v2 = key(2);
    private final InMemorySealedSecrets secrets = new InMemorySealedSecrets();
    private final InMemoryResealLedger ledger = new InMemoryResealLedger();
    private final AccessGuard guard = new AccessGuard(account, new InMemoryUserStore(), new RootOnlyAuthorizer());
    /** The secrets in clear, by key ID, to check that every one still opens after a re-seal. */
    private final Map<AccessKeyId, SecretAccessKey> clear = new LinkedHashMap<>();

    private MasterKey key(int version) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return MasterKey.of(version, bytes);
    }

    private MasterKeyService service(SecretSealer sealer) {
        return new MasterKeyService(sealer, secrets, ledger, guard, clock);
    }

    private void store(SecretSealer sealer, int n) {
        for (int i = 0; i < n; i++) {
            AccessKeyId id = AccessKeyId.generate(account, random);
            SecretAccessKey secret = SecretAccessKey.generate(random);
            clear.put(id, secret);
            secrets.put(id, sealer.seal(id, secret));
        }
    }

    private Caller caller(Principal p) {
        return new Caller(p, "AKIAEXAMPLEEXAMPLE00", clock.instant(), "127.0.0.1", "test", false, "us-east-1", "iam");
    }

    @Test
    void resealMovesEverySecretToTheNewestVersionAndTheyStillOpenWithTheNewestAlone() {
        store(SecretSealer.create(v1, random), 25);
        SecretSealer both = SecretSealer.create(v2, List.of(v1), random);
        MasterKeyService service = service(both);
        assertThat(service.status().remaining()).isEqualTo(25);
        assertThat(service.status().state()).isEqualTo(MasterKeyService.ResealState.PENDING);

        List<Integer> batches = new ArrayList<>();
        MasterKeyService.Run run = service.reseal("node-a", LEASE, 10, n -> batches.add(n));

        assertThat(run).isEqualTo(new MasterKeyService.Run(MasterKeyService.Outcome.FINISHED, 25));
        assertThat(batches).containsExactly(10, 10, 5);
        MasterKeyService.Status status = service.status();
        assertThat(status.versions()).containsExactly(new MasterKeyService.VersionStatus(1, true, false, 0),
                new MasterKeyService.VersionStatus(2, true, true, 25));
        assertThat(status.remaining()).isZero();
        assertThat(status.state()).isEqualTo(MasterKeyService.ResealState.FINISHED);
        assertThat(status.reseal().targetVersion()).isEqualTo(2);
        assertThat(status.reseal().resealed()).isEqualTo(25);
        assertThat(status.reseal().finishedAt()).isEqualTo(clock.instant());
        assertThat(status.reseal().leaseHolder()).isNull();

        SecretSealer v2Only = SecretSealer.create(v2, random);
        service(v2Only).checkConfiguration();
        clear.forEach((id, secret) -> assertThat(v2Only.unseal(id, secrets.get(id))).isEqualTo(secret));
    }

    @Test
    void aStoppedRunGoesOnWhereItStoppedOnAnyNode() {
        store(SecretSealer.create(v1, random), 30);
        SecretSealer both = SecretSealer.create(v2, List.of(v1), random);
        MasterKeyService.Run first = service(both).reseal("node-a", LEASE, 10, n -> false);
        assertThat(first).isEqualTo(new MasterKeyService.Run(MasterKeyService.Outcome.STOPPED, 10));
        assertThat(ledger.read().leaseHolder()).isNull();
        String cursor = ledger.read().cursor();
        assertThat(cursor).isNotNull();

        List<Integer> batches = new ArrayList<>();
        MasterKeyService.Run second = service(both).reseal("node-b", LEASE, 10, batches::add);
        assertThat(second).isEqualTo(new MasterKeyService.Run(MasterKeyService.Outcome.FINISHED, 20));
        assertThat(batches).containsExactly(10, 10); // the first ten were not read again
        assertThat(ledger.read().resealed()).isEqualTo(30);
        assertThat(secrets.countByVersion()).isEqualTo(Map.of(2, 30L));
    }

    @Test
    void onlyTheLeaseHolderReseals_andAnExpiredLeaseIsTakenOver() {
        store(SecretSealer.create(v1, random), 5);
        SecretSealer both = SecretSealer.create(v2, List.of(v1), random);
        ledger.acquire("node-a", 2, clock.instant(), clock.instant().plus(LEASE));

        MasterKeyService.Run refused = service(both).reseal("node-b", LEASE, 10, n -> true);
        assertThat(refused.outcome()).isEqualTo(MasterKeyService.Outcome.NOT_LEASED);
        assertThat(secrets.countByVersion()).isEqualTo(Map.of(1, 5L));
        assertThat(service(both).status().state()).isEqualTo(MasterKeyService.ResealState.RUNNING);

        clock.advance(LEASE.plusSeconds(1)); // node-a died: its lease expires
        MasterKeyService.Run taken = service(both).reseal("node-b", LEASE, 10, n -> true);
        assertThat(taken).isEqualTo(new MasterKeyService.Run(MasterKeyService.Outcome.FINISHED, 5));
    }

    @Test
    void aRunThatLosesItsLeaseStops() {
        store(SecretSealer.create(v1, random), 20);
        SecretSealer both = SecretSealer.create(v2, List.of(v1), random);
        MasterKeyService.Run run = service(both).reseal("node-a", LEASE, 5, n -> {
            ledger.takenBy("node-b", clock.instant().plus(LEASE)); // node-a stalled past its lease
            return true;
        });
        assertThat(run).isEqualTo(new MasterKeyService.Run(MasterKeyService.Outcome.LEASE_LOST, 10));
        assertThat(secrets.countByVersion()).isEqualTo(Map.of(1, 10L, 2, 10L));
    }

    @Test
    void aKeyDeletedDuringTheResealStaysDeleted() {
        store(SecretSealer.create(v1, random), 4);
        AccessKeyId doomed = clear.keySet().iterator().next();
        SecretSealer both = SecretSealer.create(v2, List.of(v1), random);
        SecretSealerProbe probe = new SecretSealerProbe();
        // deleted between the read of the batch and its replacement: the conditional replacement skips it
        MasterKeyService service = new MasterKeyService(both, new io.keywarden.core.port.SealedSecretStore() {
            @Override
            public Map<Integer, Long> countByVersion() {
                return secrets.countByVersion();
            }

            @Override
            public List<SealedSecret> sealedNotUnder(int version, String afterId, int limit) {
                List<SealedSecret> batch = secrets.sealedNotUnder(version, afterId, limit);
                if (!probe.deleted) {
                    probe.deleted = true;
                    secrets.delete(doomed);
                }
                return batch;
            }

            @Override
            public int replace(List<Replacement> replacements) {
                return secrets.replace(replacements);
            }
        }, ledger, guard, clock);
        MasterKeyService.Run run = service.reseal("node-a", LEASE, 10, n -> true);
        assertThat(run).isEqualTo(new MasterKeyService.Run(MasterKeyService.Outcome.FINISHED, 3));
        assertThat(secrets.get(doomed)).isNull();
        assertThat(secrets.countByVersion()).isEqualTo(Map.of(2, 3L));
    }

    private static final class SecretSealerProbe {
        boolean deleted;
    }

    @Test
    void aSecretSealedUnderAnOlderVersionBehindTheCursorIsPickedUpByAPassFromTheStart() {
        SecretSealer v1Only = SecretSealer.create(v1, random);
        store(v1Only, 6);
        SecretSealer both = SecretSealer.create(v2, List.of(v1), random);
        service(both).reseal("node-a", LEASE, 3, n -> false); // cursor after the third key
        // a node not yet restarted with version 2 seals a new key under version 1, before the cursor
        AccessKeyId early = AccessKeyId.of("AKIAAAAAAAAAAAAAAAAA");
        clear.put(early, SecretAccessKey.generate(random));
        secrets.put(early, v1Only.seal(early, clear.get(early)));

        MasterKeyService.Run run = service(both).reseal("node-a", LEASE, 3, n -> true);
        assertThat(run.outcome()).isEqualTo(MasterKeyService.Outcome.FINISHED);
        assertThat(secrets.countByVersion()).isEqualTo(Map.of(2, 7L));
    }

    @Test
    void aSecretThatDoesNotOpenStopsTheRunAndIsReported() {
        store(SecretSealer.create(v1, random), 3);
        AccessKeyId foreign = AccessKeyId.generate(account, random);
        secrets.put(foreign, SecretSealer.create(key(1), random).seal(foreign, SecretAccessKey.generate(random)));
        SecretSealer both = SecretSealer.create(v2, List.of(v1), random);

        MasterKeyService.Run run = service(both).reseal("node-a", LEASE, 10, n -> true);

        assertThat(run.outcome()).isEqualTo(MasterKeyService.Outcome.FAILED);
        MasterKeyService.Status status = service(both).status();
        assertThat(status.state()).isEqualTo(MasterKeyService.ResealState.FAILED);
        assertThat(status.reseal().lastError()).contains(foreign.value()).contains("wrong master key");
        assertThat(status.reseal().leaseHolder()).isNull();
    }

    @Test
    void aNodeLackingAVersionInUseLeavesTheResealAndTheLedgerAlone() {
        store(SecretSealer.create(v1, random), 3);
        MasterKeyService.Run run = service(SecretSealer.create(v2, random)).reseal("node-a", LEASE, 10, n -> true);
        assertThat(run.outcome()).isEqualTo(MasterKeyService.Outcome.NOT_CONFIGURED);
        assertThat(ledger.read()).isEqualTo(ResealLedger.State.EMPTY);
        assertThat(secrets.countByVersion()).isEqualTo(Map.of(1, 3L));
    }

    @Test
    void nothingToDoIsRecordedAsFinishedOnce() {
        SecretSealer both = SecretSealer.create(v2, List.of(v1), random);
        store(both, 2);
        assertThat(service(both).reseal("node-a", LEASE, 10, n -> true))
                .isEqualTo(new MasterKeyService.Run(MasterKeyService.Outcome.FINISHED, 0));
        Instant finished = ledger.read().finishedAt();
        assertThat(finished).isNotNull();
        clock.advance(Duration.ofMinutes(1));
        service(both).reseal("node-b", LEASE, 10, n -> true);
        assertThat(ledger.read().finishedAt()).isEqualTo(finished);
        assertThat(ledger.read().targetVersion()).isEqualTo(2);
    }

    @Test
    void startRefusesAConfigurationMissingAVersionInUseAndSaysWhich() {
        store(SecretSealer.create(v1, random), 2);
        store(SecretSealer.create(key(3), random), 1);
        SecretSealer v2Only = SecretSealer.create(v2, random);
        assertThatThrownBy(() -> service(v2Only).checkConfiguration())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("version(s) [1, 3]")
                .hasMessageContaining("configured: [2]");
        MasterKeyService.Status status = service(v2Only).status();
        assertThat(status.versions()).containsExactly(new MasterKeyService.VersionStatus(1, false, false, 2),
                new MasterKeyService.VersionStatus(2, true, true, 0),
                new MasterKeyService.VersionStatus(3, false, false, 1));
    }

    @Test
    void statusIsForTheRootUserAndThoseAllowedKeywardenGetMasterKeyStatus() {
        SecretSealer sealer = SecretSealer.create(v1, random);
        MasterKeyService service = service(sealer);
        assertThat(service.status(caller(Principal.root(account))).newestVersion()).isEqualTo(1);
        User kim = new User(account, "AIDAEXAMPLEEXAMPLE00", UserName.of("kim"), UserPath.ROOT, clock.instant());
        assertThatThrownBy(() -> service.status(caller(Principal.user(kim))))
                .isInstanceOf(KeywardenException.class)
                .hasMessageContaining("keywarden:GetMasterKeyStatus");
        assertThat(MasterKeyService.STATUS_ACTION).isEqualTo("keywarden:GetMasterKeyStatus");
        assertThat(ResealLedger.State.EMPTY.leased(clock.instant())).isFalse();
    }
}
