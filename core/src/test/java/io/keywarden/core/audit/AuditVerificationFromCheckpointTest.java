package io.keywarden.core.audit;

import io.keywarden.core.crypto.MasterKey;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.port.AuditStore;
import io.keywarden.core.port.Page;
import io.keywarden.core.testing.InMemoryAuditStore;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.keywarden.core.audit.AuditChainTest.record;
import static org.assertj.core.api.Assertions.assertThat;

/** Verification after retention pruned the chain: from the signed checkpoint, and only when its signature holds. */
class AuditVerificationFromCheckpointTest {
    private static final AccountId ACCOUNT = new AccountId("123456789012");
    private final AuditCheckpointSigner signer = AuditCheckpointSigner.of(MasterKey.of(1, new byte[32]));

    /** A trail whose events up to the checkpoint are gone. */
    private static final class Pruned implements AuditStore {
        private final InMemoryAuditStore all = new InMemoryAuditStore();
        private AuditCheckpoint checkpoint;

        @Override
        public List<AuditEvent> append(AccountId account, List<AuditRecord> records) {
            return all.append(account, records);
        }

        @Override
        public Page<AuditEvent> lookup(AuditQuery query) {
            return all.lookup(query);
        }

        @Override
        public List<AuditEvent> chain(AccountId account, long afterSeq, int limit) {
            long from = checkpoint == null ? afterSeq : Math.max(afterSeq, checkpoint.lastSeq());
            return all.chain(account, from, limit);
        }

        @Override
        public Head head(AccountId account) {
            return all.head(account);
        }

        @Override
        public Optional<AuditCheckpoint> checkpoint(AccountId account) {
            return Optional.ofNullable(checkpoint);
        }
    }

    private Pruned trail(int events, int prunedUpTo) {
        Pruned p = new Pruned();
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 1; i <= events; i++) {
            records.add(record(i));
        }
        List<AuditEvent> chained = p.append(ACCOUNT, records);
        AuditEvent last = chained.get(prunedUpTo - 1);
        p.checkpoint = signer.sign(new AuditCheckpoint(ACCOUNT.value(), last.seq(), last.hash(),
                last.record().eventTime(), "a.jsonl.gz", Instant.parse("2027-01-01T00:00:00Z"), 0, ""));
        return p;
    }

    @Test
    void verificationStartsAfterAValidCheckpointAndSaysSo() {
        AuditVerifier.Result r = AuditService.verify(trail(10, 6), ACCOUNT, signer);
        assertThat(r.intact()).isTrue();
        assertThat(r.startedAfter()).isEqualTo(6);
        assertThat(r.eventsChecked()).isEqualTo(4);
        assertThat(r.lastSeq()).isEqualTo(10);
    }

    @Test
    void aCheckpointMovedForwardFailsVerification() {
        Pruned p = trail(10, 6);
        AuditCheckpoint c = p.checkpoint;
        p.checkpoint = new AuditCheckpoint(c.accountId(), 8, c.lastHash(), c.lastEventTime(), c.archive(),
                c.createdAt(), c.keyVersion(), c.signature());
        AuditVerifier.Result r = AuditService.verify(p, ACCOUNT, signer);
        assertThat(r.intact()).isFalse();
        assertThat(r.brokenLink().orElseThrow().reason()).contains("signature does not match");
    }

    @Test
    void aCheckpointSignedWithAnotherKeyFailsVerification() {
        AuditCheckpointSigner attacker = AuditCheckpointSigner.of(MasterKey.of(1, new byte[] {
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
                29, 30, 31, 32}));
        Pruned p = trail(10, 6);
        p.checkpoint = attacker.sign(p.checkpoint);
        assertThat(AuditService.verify(p, ACCOUNT, signer).intact()).isFalse();
    }

    @Test
    void aCheckpointNamingAnotherHashFailsAtTheNextEvent() {
        Pruned p = trail(10, 6);
        AuditCheckpoint c = p.checkpoint;
        // validly signed (someone with the master key), but not this chain's hash: the next event does not follow it
        p.checkpoint = signer.sign(new AuditCheckpoint(c.accountId(), 6, "f".repeat(64), c.lastEventTime(),
                c.archive(), c.createdAt(), 0, ""));
        AuditVerifier.Result r = AuditService.verify(p, ACCOUNT, signer);
        assertThat(r.intact()).isFalse();
        assertThat(r.brokenLink().orElseThrow().seq()).isEqualTo(7);
    }

    @Test
    void aCheckpointCannotBeTrustedWithoutTheKey() {
        AuditVerifier.Result r = AuditService.verify(trail(10, 6), ACCOUNT);
        assertThat(r.intact()).isFalse();
        assertThat(r.brokenLink().orElseThrow().reason()).contains("master key");
    }
}
