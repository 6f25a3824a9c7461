package io.keywarden.core.audit;

import io.keywarden.core.crypto.MasterKey;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static io.keywarden.core.audit.AuditChainTest.chain;
import static org.assertj.core.api.Assertions.assertThat;

class AuditArchiveTest {
    private final AuditCheckpointSigner signer = AuditCheckpointSigner.of(MasterKey.of(1, new byte[32]));

    private byte[] archive(List<AuditEvent> events, long from) throws IOException {
        AuditEvent first = events.get((int) from - 1);
        AuditEvent last = events.get(events.size() - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditArchive.ArchiveWriter w = AuditArchive.ArchiveWriter.open(out, last.record().accountId(), first.seq(),
                last.seq(), first.prevHash());
        for (AuditEvent e : events.subList((int) from - 1, events.size())) {
            w.append(e);
        }
        w.finish(signer.sign(new AuditCheckpoint(last.record().accountId(), last.seq(), last.hash(),
                last.record().eventTime(), "a.jsonl.gz", Instant.parse("2027-01-01T00:00:00Z"), 0, "")));
        return out.toByteArray();
    }

    private static String text(byte[] gz) throws IOException {
        return new String(new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes(), StandardCharsets.UTF_8);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void anArchiveOfAChainVerifiesWithItsSignedCheckpoint() throws IOException {
        List<AuditEvent> events = chain(30);
        AuditArchive.Verification v = AuditArchive.verify(new ByteArrayInputStream(archive(events, 11)), signer);
        assertThat(v.intact()).as(v.problem()).isTrue();
        assertThat(v.firstSeq()).isEqualTo(11);
        assertThat(v.lastSeq()).isEqualTo(30);
        assertThat(v.events()).isEqualTo(20);
        assertThat(v.prevHash()).isEqualTo(events.get(9).hash());
        assertThat(v.checkpoint().lastHash()).isEqualTo(events.get(29).hash());
        assertThat(text(archive(events, 1)).lines().count()).isEqualTo(32);
    }

    @Test
    void aChangedEventFailsVerification() throws IOException {
        String text = text(archive(chain(10), 1));
        AuditArchive.Verification v = AuditArchive.verify(new ByteArrayInputStream(gzip(
                text.replaceFirst("\"httpStatus\":\\d+", "\"httpStatus\":200"))), signer);
        assertThat(v.intact()).isFalse();
        assertThat(v.problem()).contains("changed");
    }

    @Test
    void aRemovedEventFailsVerification() throws IOException {
        List<String> lines = text(archive(chain(10), 1)).lines().toList();
        String without = String.join("\n", lines.subList(0, 4)) + "\n" + String.join("\n", lines.subList(5,
                lines.size())) + "\n";
        AuditArchive.Verification v = AuditArchive.verify(new ByteArrayInputStream(gzip(without)), signer);
        assertThat(v.intact()).isFalse();
        assertThat(v.problem()).contains("missing");
    }

    @Test
    void aCutArchiveFailsVerification() throws IOException {
        List<String> lines = text(archive(chain(10), 1)).lines().toList();
        String cut = String.join("\n", lines.subList(0, lines.size() - 1)) + "\n";
        AuditArchive.Verification v = AuditArchive.verify(new ByteArrayInputStream(gzip(cut)), signer);
        assertThat(v.intact()).isFalse();
        assertThat(v.problem()).contains("no checkpoint");
    }

    @Test
    void aForgedCheckpointFailsVerificationWithTheKeyButNotWithoutIt() throws IOException {
        String text = text(archive(chain(10), 1));
        String forged = text.replaceFirst("\"signature\":\"[0-9a-f]{64}\"", "\"signature\":\"" + "ab".repeat(32)
                + "\"");
        AuditArchive.Verification checked = AuditArchive.verify(new ByteArrayInputStream(gzip(forged)), signer);
        assertThat(checked.intact()).isFalse();
        assertThat(checked.problem()).contains("signature does not match");
        assertThat(AuditArchive.verify(new ByteArrayInputStream(gzip(forged)), null).intact()).isTrue();
        AuditCheckpointSigner otherKey = AuditCheckpointSigner.of(
                MasterKey.of(1, "k".repeat(32).getBytes(StandardCharsets.US_ASCII)));
        assertThat(AuditArchive.verify(new ByteArrayInputStream(archive(chain(10), 1)), otherKey).intact()).isFalse();
    }

    @Test
    void garbageIsNotAnArchive() {
        AuditArchive.Verification v = AuditArchive.verify(new ByteArrayInputStream(new byte[] {1, 2, 3}), signer);
        assertThat(v.intact()).isFalse();
        assertThat(v.problem()).contains("unreadable");
    }

    @Test
    void aSignedCheckpointRejectsEveryChangedField() {
        AuditCheckpoint c = signer.sign(new AuditCheckpoint("123456789012", 42, "a".repeat(64),
                Instant.parse("2026-01-01T00:00:00Z"), "x.jsonl.gz", Instant.parse("2027-01-01T00:00:00Z"), 0, ""));
        assertThat(signer.problemWith(c)).isNull();
        assertThat(signer.problemWith(new AuditCheckpoint(c.accountId(), 43, c.lastHash(), c.lastEventTime(),
                c.archive(), c.createdAt(), c.keyVersion(), c.signature()))).contains("signature");
        assertThat(signer.problemWith(new AuditCheckpoint(c.accountId(), 42, "b".repeat(64), c.lastEventTime(),
                c.archive(), c.createdAt(), c.keyVersion(), c.signature()))).contains("signature");
        assertThat(signer.problemWith(new AuditCheckpoint(c.accountId(), 42, c.lastHash(), c.lastEventTime(),
                "y.jsonl.gz", c.createdAt(), c.keyVersion(), c.signature()))).contains("signature");
        assertThat(signer.problemWith(new AuditCheckpoint(c.accountId(), 42, c.lastHash(), c.lastEventTime(),
                c.archive(), c.createdAt(), 2, c.signature()))).contains("version 2");
    }

    @Test
    void afterAMasterKeyRotationAnOldCheckpointStillVerifiesAndNewOnesAreSignedUnderTheNewestKey() {
        MasterKey v1 = MasterKey.of(1, new byte[32]);
        byte[] other = new byte[32];
        other[0] = 7;
        MasterKey v2 = MasterKey.of(2, other);
        AuditCheckpoint old = signer.sign(new AuditCheckpoint("123456789012", 42, "a".repeat(64),
                Instant.parse("2026-01-01T00:00:00Z"), "x.jsonl.gz", Instant.parse("2027-01-01T00:00:00Z"), 0, ""));
        AuditCheckpointSigner rotated = AuditCheckpointSigner.of(java.util.List.of(v1, v2));
        assertThat(rotated.problemWith(old)).isNull();
        assertThat(rotated.isCurrent(old)).isFalse();
        AuditCheckpoint resigned = rotated.sign(old);
        assertThat(resigned.keyVersion()).isEqualTo(2);
        assertThat(rotated.isCurrent(resigned)).isTrue();
        // once version 1 is retired: the re-signed checkpoint verifies, the old one is named as unverifiable
        AuditCheckpointSigner retired = AuditCheckpointSigner.of(v2);
        assertThat(retired.problemWith(resigned)).isNull();
        assertThat(retired.problemWith(old)).contains("version 1").contains("not configured");
        // a forged re-signature under the wrong key fails
        assertThat(AuditCheckpointSigner.of(MasterKey.of(2, new byte[32])).problemWith(resigned)).contains("signature");
    }
}
