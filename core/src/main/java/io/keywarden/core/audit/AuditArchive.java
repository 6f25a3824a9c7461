package io.keywarden.core.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The file an archived run of audit events goes to (docs/operations.md, "Audit retention"): gzip of UTF-8 JSON lines,
 *
 * <ol>
 *     <li>a header {@code {"format":"keywarden-audit-archive-v1","accountId":…,"firstSeq":…,"lastSeq":…,
 *     "prevHash":…}} ({@code prevHash}: the hash of the event before the first, {@link AuditChain#GENESIS} for the
 *     first archive);</li>
 *     <li>one line per event, in chain order, with every field as stored: {@code seq}, {@code prevHash}, {@code hash}
 *     and the {@link AuditRecord}'s fields ({@code eventTime} as in {@link AuditChain}, absent values as
 *     {@code null});</li>
 *     <li>a trailer {@code {"checkpoint":{…}}}: the signed {@link AuditCheckpoint} made when the events were
 *     pruned, the same as the database keeps.</li>
 * </ol>
 *
 * Each event's hash can be recomputed from its line ({@link AuditChain#hash}), each follows the one before, and the
 * last one's hash is the checkpoint's; {@link #verify} checks all of it, and the checkpoint's signature when given the
 * signer (which needs the master key).
 */
public final class AuditArchive {
    public static final String FORMAT = "keywarden-audit-archive-v1";
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS);

    private AuditArchive() {
    }

    /** The first line. */
    public record Header(String format, String accountId, long firstSeq, long lastSeq, String prevHash) {
    }

    /** An event's line. */
    public record EventLine(long seq, String prevHash, String hash, String eventId, String eventTime, String accountId,
                            String eventSource, String eventName, boolean readOnly, String principalType,
                            String principalArn, String principalId, String userName, String accessKeyId,
                            String sourceIp, String userAgent, String requestParameters, String responseElements,
                            String errorCode, String errorMessage, String requestId, int httpStatus) {
        static EventLine of(AuditEvent e) {
            AuditRecord r = e.record();
            return new EventLine(e.seq(), e.prevHash(), e.hash(), r.eventId(), AuditChain.formatTime(r.eventTime()),
                    r.accountId(), r.eventSource(), r.eventName(), r.readOnly(), r.principalType(), r.principalArn(),
                    r.principalId(), r.userName(), r.accessKeyId(), r.sourceIp(), r.userAgent(),
                    r.requestParameters(), r.responseElements(), r.errorCode(), r.errorMessage(), r.requestId(),
                    r.httpStatus());
        }

        AuditEvent event() {
            return new AuditEvent(seq, new AuditRecord(eventId, Instant.parse(eventTime), accountId, eventSource,
                    eventName, readOnly, principalType, principalArn, principalId, userName, accessKeyId, sourceIp,
                    userAgent, requestParameters, responseElements, errorCode, errorMessage, requestId, httpStatus),
                    prevHash, hash);
        }
    }

    /** The checkpoint as the trailer writes it. */
    public record CheckpointLine(String accountId, long lastSeq, String lastHash, String lastEventTime, String archive,
                                 String createdAt, int keyVersion, String signature) {
        static CheckpointLine of(AuditCheckpoint c) {
            return new CheckpointLine(c.accountId(), c.lastSeq(), c.lastHash(), AuditChain.formatTime(c.lastEventTime()),
                    c.archive(), AuditChain.formatTime(c.createdAt()), c.keyVersion(), c.signature());
        }

        AuditCheckpoint checkpoint() {
            return new AuditCheckpoint(accountId, lastSeq, lastHash, Instant.parse(lastEventTime), archive,
                    Instant.parse(createdAt), keyVersion, signature);
        }
    }

    /** The last line. */
    public record Trailer(CheckpointLine checkpoint) {
    }

    /** Writes one archive: {@link #open}, {@link #append} each event in order, {@link #finish} with the checkpoint. */
    public static final class ArchiveWriter {
        private final Writer out;
        private final GZIPOutputStream gzip;

        private ArchiveWriter(OutputStream target, Header header) throws IOException {
            this.gzip = new GZIPOutputStream(target, 64 * 1024);
            this.out = new OutputStreamWriter(gzip, StandardCharsets.UTF_8);
            line(header);
        }

        public static ArchiveWriter open(OutputStream target, String accountId, long firstSeq, long lastSeq,
                                         String prevHash) throws IOException {
            return new ArchiveWriter(target, new Header(FORMAT, accountId, firstSeq, lastSeq, prevHash));
        }

        public void append(AuditEvent event) throws IOException {
            line(EventLine.of(event));
        }

        /** Writes the trailer and finishes the gzip stream (the target stays open). */
        public void finish(AuditCheckpoint checkpoint) throws IOException {
            line(new Trailer(CheckpointLine.of(checkpoint)));
            out.flush();
            gzip.finish();
        }

        private void line(Object value) throws IOException {
            out.write(JSON.writeValueAsString(value));
            out.write('\n');
        }
    }

    /** The outcome of checking an archive. */
    public record Verification(boolean intact, String accountId, long firstSeq, long lastSeq, String prevHash,
                               String lastHash, long events, AuditCheckpoint checkpoint, String problem) {
    }

    /**
     * Checks an archive: its header, every event's hash, every link (the first event follows the header's
     * {@code prevHash}), positions without gaps matching the header, the trailer's checkpoint naming the last event,
     * and, when {@code signer} is given, the checkpoint's signature.
     */
    public static Verification verify(InputStream in, AuditCheckpointSigner signer) {
        Objects.requireNonNull(in, "in");
        Header header = null;
        AuditVerifier verifier = null;
        long events = 0;
        long lastSeq = 0;
        String lastHash = null;
        AuditCheckpoint checkpoint = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (checkpoint != null) {
                    return failed(header, events, lastSeq, lastHash, checkpoint, "line " + lineNo
                            + " follows the checkpoint");
                }
                if (header == null) {
                    header = JSON.readValue(line, Header.class);
                    if (!FORMAT.equals(header.format()) || header.prevHash() == null || header.accountId() == null) {
                        return failed(null, 0, 0, null, null, "not a " + FORMAT + " file");
                    }
                    verifier = AuditVerifier.after(header.firstSeq() - 1, header.prevHash());
                    continue;
                }
                if (line.startsWith("{\"checkpoint\"")) {
                    Trailer trailer = JSON.readValue(line, Trailer.class);
                    checkpoint = trailer.checkpoint() == null ? null : trailer.checkpoint().checkpoint();
                    if (checkpoint == null) {
                        return failed(header, events, lastSeq, lastHash, null, "the checkpoint is empty");
                    }
                    continue;
                }
                AuditEvent event = JSON.readValue(line, EventLine.class).event();
                if (!event.record().accountId().equals(header.accountId())) {
                    return failed(header, events, lastSeq, lastHash, null, "event " + event.seq()
                            + " belongs to another account");
                }
                if (!verifier.accept(event)) {
                    break;
                }
                events++;
                lastSeq = event.seq();
                lastHash = event.hash();
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | DateTimeParseException
                 | NullPointerException e) {
            return failed(header, events, lastSeq, lastHash, checkpoint, "unreadable archive: " + e.getMessage());
        }
        if (header == null) {
            return failed(null, 0, 0, null, null, "the archive is empty");
        }
        AuditVerifier.Result chain = verifier.finish(header.lastSeq(), lastHash == null ? header.prevHash() : lastHash);
        if (!chain.intact()) {
            return failed(header, events, lastSeq, lastHash, checkpoint, chain.brokenLink().orElseThrow().reason());
        }
        if (events == 0 || lastSeq != header.lastSeq()) {
            return failed(header, events, lastSeq, lastHash, checkpoint, "the archive holds events up to " + lastSeq
                    + ", its header says " + header.lastSeq());
        }
        if (checkpoint == null) {
            return failed(header, events, lastSeq, lastHash, null, "the archive has no checkpoint: it was cut");
        }
        if (checkpoint.lastSeq() != lastSeq || !checkpoint.lastHash().equals(lastHash)
                || !checkpoint.accountId().equals(header.accountId())) {
            return failed(header, events, lastSeq, lastHash, checkpoint, "the checkpoint does not name the archive's"
                    + " last event");
        }
        if (signer != null) {
            String problem = signer.problemWith(checkpoint);
            if (problem != null) {
                return failed(header, events, lastSeq, lastHash, checkpoint, problem);
            }
        }
        return new Verification(true, header.accountId(), header.firstSeq(), lastSeq, header.prevHash(), lastHash,
                events, checkpoint, null);
    }

    private static Verification failed(Header header, long events, long lastSeq, String lastHash,
                                       AuditCheckpoint checkpoint, String problem) {
        return new Verification(false, header == null ? null : header.accountId(),
                header == null ? 0 : header.firstSeq(), lastSeq, header == null ? null : header.prevHash(), lastHash,
                events, checkpoint, problem);
    }
}
