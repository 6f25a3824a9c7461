package io.keywarden.core.audit;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.port.AuditArchiveStore;
import io.keywarden.core.port.AuditStore;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Audit retention (issue 14): moves the oldest segments of an account's trail whose events are all older than the
 * retention to an archive file ({@link AuditArchive}), then, in one transaction, records a signed checkpoint (the last
 * archived event's position and hash, {@link AuditCheckpoint}) and prunes those segments. Verification then starts
 * from the checkpoint ({@link AuditService#verify}); each archive can be verified on its own, offline.
 *
 * <p>Nothing unverified is signed: the events archived are checked link by link from the previous checkpoint (whose
 * signature is checked first), so a trail changed in the database is never laundered into a valid checkpoint; a
 * broken link stops the run, with the reason. Only whole segments are archived, at most {@link #SEGMENTS_PER_ARCHIVE}
 * a file. The archive is written completely before the checkpoint moves; a failure in between leaves the trail as it
 * was (the next run writes the file again).
 */
public final class AuditRetention {
    /** Segments per archive file at most (a segment holds up to 1,000 events). */
    public static final int SEGMENTS_PER_ARCHIVE = 100;
    private static final int READ_BATCH = 1000;

    /** Where archives go: writes a complete file under {@code name}, or none at all when {@code content} fails. */
    public interface ArchiveTarget {
        void write(String name, Content content) throws IOException;

        /** Writes a file's bytes. */
        interface Content {
            void writeTo(OutputStream out) throws IOException;
        }
    }

    /** What one archive step did: the archive written and its checkpoint. */
    public record Archived(String archive, long events, AuditCheckpoint checkpoint) {
    }

    /** Thrown when the trail to archive does not verify: nothing is archived or pruned. */
    public static final class BrokenTrailException extends IllegalStateException {
        BrokenTrailException(String message) {
            super(message);
        }
    }

    private final AuditStore events;
    private final AuditArchiveStore store;
    private final ArchiveTarget target;
    private final AuditCheckpointSigner signer;
    private final Duration retention;
    private final Clock clock;

    public AuditRetention(AuditStore events, AuditArchiveStore store, ArchiveTarget target,
                          AuditCheckpointSigner signer, Duration retention, Clock clock) {
        this.events = Objects.requireNonNull(events, "events");
        this.store = Objects.requireNonNull(store, "store");
        this.target = Objects.requireNonNull(target, "target");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, got " + retention);
        }
    }

    /** The archive's file name: account, first and last position (zero-padded, so names sort in chain order). */
    public static String archiveName(AccountId account, long firstSeq, long lastSeq) {
        return String.format("audit-%s-%019d-%019d.jsonl.gz", account.value(), firstSeq, lastSeq);
    }

    /** Archives and prunes everything older than the retention (several archives when there is much). */
    public List<Archived> archiveExpired(AccountId account) throws IOException {
        List<Archived> done = new ArrayList<>();
        Optional<Archived> step;
        while ((step = archiveOnce(account)).isPresent()) {
            done.add(step.get());
        }
        return done;
    }

    /** Archives and prunes the next run of expired segments, if any. */
    public Optional<Archived> archiveOnce(AccountId account) throws IOException {
        Instant now = clock.instant();
        Instant cutoff = now.minus(retention);
        Optional<AuditCheckpoint> previous = store.checkpoint(account);
        if (previous.isPresent()) {
            String problem = signer.problemWith(previous.get());
            if (problem != null) {
                throw new BrokenTrailException(problem);
            }
            if (!signer.isCurrent(previous.get())) {
                // signed before a master key rotation: re-signed under the newest version, so the old one can retire
                AuditCheckpoint resigned = signer.sign(previous.get());
                store.prune(account, previous.get(), resigned);
                previous = Optional.of(resigned);
            }
        }
        long afterSeq = previous.map(AuditCheckpoint::lastSeq).orElse(0L);
        String prevHash = previous.map(AuditCheckpoint::lastHash).orElse(AuditChain.GENESIS);

        long expected = afterSeq + 1;
        long lastSeq = 0;
        for (AuditArchiveStore.SegmentRange s : store.segmentsAfter(account, afterSeq, SEGMENTS_PER_ARCHIVE)) {
            if (s.firstSeq() != expected || !s.maxTime().isBefore(cutoff)) {
                break; // a gap is left to the verifier, which reports it; a young segment ends the run
            }
            lastSeq = s.lastSeq();
            expected = s.lastSeq() + 1;
        }
        if (lastSeq == 0) {
            return Optional.empty();
        }
        long firstSeq = afterSeq + 1;
        long toSeq = lastSeq;
        String name = archiveName(account, firstSeq, toSeq);
        AuditCheckpoint[] signed = new AuditCheckpoint[1];
        long[] count = new long[1];
        target.write(name, out -> {
            AuditArchive.ArchiveWriter writer = AuditArchive.ArchiveWriter.open(out, account.value(), firstSeq, toSeq,
                    prevHash);
            AuditVerifier verifier = AuditVerifier.after(afterSeq, prevHash);
            AuditEvent last = null;
            long after = afterSeq;
            while (after < toSeq) {
                List<AuditEvent> batch = events.chain(account, after, (int) Math.min(READ_BATCH, toSeq - after));
                if (batch.isEmpty()) {
                    break;
                }
                for (AuditEvent e : batch) {
                    if (!verifier.accept(e)) {
                        throw new BrokenTrailException("the trail to archive does not verify: "
                                + verifier.finish(toSeq, "").brokenLink().orElseThrow().reason());
                    }
                    writer.append(e);
                    last = e;
                    count[0]++;
                }
                after = batch.get(batch.size() - 1).seq();
            }
            if (last == null || last.seq() != toSeq) {
                throw new BrokenTrailException("the trail to archive ends at event " + (last == null ? afterSeq
                        : last.seq()) + " instead of " + toSeq + ": events are missing");
            }
            signed[0] = signer.sign(new AuditCheckpoint(account.value(), toSeq, last.hash(),
                    last.record().eventTime(), name, now, 0, ""));
            writer.finish(signed[0]);
        });
        store.prune(account, previous.orElse(null), signed[0]);
        return Optional.of(new Archived(name, count[0], signed[0]));
    }
}
