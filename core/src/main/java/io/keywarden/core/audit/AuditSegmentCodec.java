package io.keywarden.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The storage form of a run of consecutive audit events (a <em>segment</em>): the events one after another, each as
 *
 * <pre>4-byte big-endian length N | N bytes: the event's canonical form ({@link AuditChain}) | 32 bytes: its SHA-256</pre>
 *
 * The canonical form is what the chain hashes anyway, and it holds every field (seq and prevHash included) in an
 * unambiguous, versioned encoding; so appending costs one encoding and one hash per event, and reading a segment back
 * gives exactly the events that were hashed. A changed byte shows as an event that no longer matches its hash (the
 * stored hash is kept apart from the contents), or as an unreadable segment ({@link CorruptSegmentException}).
 *
 * <p>{@link Writer} chains records and encodes them in one pass; {@link #encode} stores already-chained events (a
 * migration, a test that tampers with a segment); {@link #decode} reads a segment.
 */
public final class AuditSegmentCodec {
    private static final byte[] VERSION = AuditChain.VERSION.getBytes(StandardCharsets.US_ASCII);
    private static final int HASH_BYTES = 32;
    private static final int FIELDS = 21;
    /** The optional session fields after the {@code session} marker ({@link AuditChain}). */
    private static final int SESSION_FIELDS = 7;
    private static final HexFormat HEX = HexFormat.of();

    private AuditSegmentCodec() {
    }

    /** A segment's bytes that cannot be read as events: changed or cut outside the application. */
    public static final class CorruptSegmentException extends IllegalArgumentException {
        CorruptSegmentException(String message) {
            super(message);
        }
    }

    /** A finished segment: its events, in order, and its bytes. */
    public record Segment(List<AuditEvent> events, byte[] bytes) {
    }

    /** The bytes of events that are already chained (their stored hashes are kept as they are, not recomputed). */
    public static byte[] encode(List<AuditEvent> events) {
        Writer writer = new Writer(0, AuditChain.GENESIS, events.size() * 640);
        events.forEach(writer::appendChained);
        return writer.finishSegment().bytes();
    }

    /** The events of a segment, in order. */
    public static List<AuditEvent> decode(byte[] bytes) {
        List<AuditEvent> events = new ArrayList<>();
        int pos = 0;
        while (pos < bytes.length) {
            if (bytes.length - pos < 4) {
                throw new CorruptSegmentException("segment cut inside a length");
            }
            int length = ((bytes[pos] & 0xFF) << 24) | ((bytes[pos + 1] & 0xFF) << 16) | ((bytes[pos + 2] & 0xFF) << 8)
                    | (bytes[pos + 3] & 0xFF);
            pos += 4;
            if (length < 0 || length > bytes.length - pos - HASH_BYTES) {
                throw new CorruptSegmentException("segment cut inside an event");
            }
            String hash = HEX.formatHex(bytes, pos + length, pos + length + HASH_BYTES);
            events.add(new Parser(bytes, pos, pos + length).event(hash));
            pos += length + HASH_BYTES;
        }
        return events;
    }

    /**
     * Chains records after a chain head and encodes them as it goes: {@link #append} links a record (its seq and
     * prevHash follow the previous one) and appends its canonical form and hash to the segment being built
     * ({@link #appendChained} adds an event chained before, as it is); {@link #finishSegment} hands the segment over
     * and starts the next one, the chain continuing.
     */
    public static final class Writer {
        private final MessageDigest sha256;
        private final List<AuditEvent> segmentEvents = new ArrayList<>();
        private Buffer out;
        private long seq;
        private String prevHash;

        public Writer(long headSeq, String headHash) {
            this(headSeq, headHash, 16 * 1024);
        }

        /** A writer whose first segment starts with room for {@code capacity} bytes (about 600 an event). */
        public Writer(long headSeq, String headHash, int capacity) {
            this.out = new Buffer(capacity);
            this.seq = headSeq;
            this.prevHash = headHash;
            try {
                this.sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }

        /** Links the record after the last event and adds it to the current segment. */
        public AuditEvent append(AuditRecord record) {
            long next = seq + 1;
            int start = out.beginEvent();
            AuditChain.writeCanonicalForm(out, record, next, prevHash);
            int length = out.endEvent(start);
            sha256.update(out.bytes, start + 4, length);
            byte[] digest = sha256.digest();
            out.write(digest);
            return added(new AuditEvent(next, record, prevHash, HEX.formatHex(digest)));
        }

        /**
         * Adds an event that was chained before (moving or rewriting a stored trail), its stored hash kept as it is,
         * not recomputed; the chain goes on from it.
         */
        public AuditEvent appendChained(AuditEvent chained) {
            int start = out.beginEvent();
            AuditChain.writeCanonicalForm(out, chained.record(), chained.seq(), chained.prevHash());
            out.endEvent(start);
            out.write(HEX.parseHex(chained.hash()));
            return added(chained);
        }

        private AuditEvent added(AuditEvent event) {
            segmentEvents.add(event);
            seq = event.seq();
            prevHash = event.hash();
            return event;
        }

        /** Events in the current segment. */
        public int segmentEventCount() {
            return segmentEvents.size();
        }

        /** Bytes of the current segment so far. */
        public int segmentByteCount() {
            return out.size;
        }

        /** The current segment, its events and bytes; the writer goes on with an empty segment. */
        public Segment finishSegment() {
            Segment segment = new Segment(List.copyOf(segmentEvents), out.toArray());
            out = new Buffer(Math.max(1024, segment.bytes().length));
            segmentEvents.clear();
            return segment;
        }

        /** The position of the last event linked (the chain head after it). */
        public long seq() {
            return seq;
        }

        /** The hash of the last event linked. */
        public String prevHash() {
            return prevHash;
        }
    }

    /** A growable byte buffer that the canonical form is written into (ASCII digits and UTF-8 text). */
    static final class Buffer {
        byte[] bytes;
        int size;

        Buffer(int capacity) {
            bytes = new byte[Math.max(64, capacity)];
        }

        void ensure(int extra) {
            if (size + extra > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + extra));
            }
        }

        void write(byte b) {
            ensure(1);
            bytes[size++] = b;
        }

        void write(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
        }

        void writeDecimal(int value) {
            int digits = 1;
            for (int v = value; v >= 10; v /= 10) {
                digits++;
            }
            ensure(digits);
            for (int i = size + digits - 1; i >= size; i--) {
                bytes[i] = (byte) ('0' + value % 10);
                value /= 10;
            }
            size += digits;
        }

        /**
         * {@code N:} and the N bytes of {@code value} in UTF-8. ASCII text (nearly every field) is copied char by
         * char without encoding it into a new array first.
         */
        void writeLengthPrefixedUtf8(String value) {
            int n = value.length();
            for (int i = 0; i < n; i++) {
                if (value.charAt(i) >= 0x80) {
                    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                    writeDecimal(utf8.length);
                    write((byte) ':');
                    write(utf8);
                    return;
                }
            }
            writeDecimal(n);
            write((byte) ':');
            ensure(n);
            for (int i = 0; i < n; i++) {
                bytes[size + i] = (byte) value.charAt(i);
            }
            size += n;
        }

        /** Reserves the 4-byte length of an event; returns where it starts. */
        int beginEvent() {
            int start = size;
            ensure(4);
            size += 4;
            return start;
        }

        /** Fills in the length reserved at {@code start}; returns it. */
        int endEvent(int start) {
            int length = size - start - 4;
            bytes[start] = (byte) (length >>> 24);
            bytes[start + 1] = (byte) (length >>> 16);
            bytes[start + 2] = (byte) (length >>> 8);
            bytes[start + 3] = (byte) length;
            return length;
        }

        byte[] toArray() {
            return Arrays.copyOf(bytes, size);
        }
    }

    /** Reads one canonical form back into an event. */
    private static final class Parser {
        private final byte[] bytes;
        private final int end;
        private int pos;

        Parser(byte[] bytes, int from, int to) {
            this.bytes = bytes;
            this.pos = from;
            this.end = to;
        }

        AuditEvent event(String hash) {
            if (end - pos < VERSION.length
                    || !Arrays.equals(bytes, pos, pos + VERSION.length, VERSION, 0, VERSION.length)) {
                throw new CorruptSegmentException("event without the " + AuditChain.VERSION + " header");
            }
            pos += VERSION.length;
            String[] f = new String[FIELDS];
            for (int i = 0; i < FIELDS; i++) {
                f[i] = field();
            }
            String[] session = null;
            if (pos != end) {
                if (!AuditChain.SESSION_MARKER.equals(field())) {
                    throw new CorruptSegmentException("event longer than its fields");
                }
                session = new String[SESSION_FIELDS];
                for (int i = 0; i < SESSION_FIELDS; i++) {
                    session[i] = field();
                }
                if (pos != end) {
                    throw new CorruptSegmentException("event longer than its fields");
                }
            }
            try {
                AuditSession context = session == null ? null : new AuditSession(session[0], session[1], session[2],
                        session[3], Instant.parse(required(session[4])), Boolean.parseBoolean(required(session[5])),
                        session[6]);
                AuditRecord record = new AuditRecord(f[2], Instant.parse(required(f[3])), f[4], f[5], f[6],
                        Boolean.parseBoolean(required(f[7])), f[8], f[9], f[10], f[11], f[12], f[13], f[14], f[15],
                        f[16], f[17], f[18], f[19], Integer.parseInt(required(f[20])), context);
                return new AuditEvent(Long.parseLong(required(f[0])), record, required(f[1]), hash);
            } catch (NullPointerException | NumberFormatException | DateTimeParseException e) {
                throw new CorruptSegmentException("event with an unreadable field: " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new CorruptSegmentException("event with an invalid field: " + e.getMessage());
            }
        }

        private static String required(String value) {
            if (value == null) {
                throw new CorruptSegmentException("event without a required field");
            }
            return value;
        }

        /** {@code "\n-"} (null) or {@code "\n" + N + ":" + N bytes of UTF-8}. */
        private String field() {
            if (pos >= end || bytes[pos++] != '\n') {
                throw new CorruptSegmentException("event field without its line break");
            }
            if (pos < end && bytes[pos] == '-') {
                pos++;
                return null;
            }
            long length = 0;
            int digits = 0;
            while (pos < end && bytes[pos] >= '0' && bytes[pos] <= '9' && digits < 9) {
                length = length * 10 + (bytes[pos++] - '0');
                digits++;
            }
            if (digits == 0 || pos >= end || bytes[pos++] != ':' || length > end - pos) {
                throw new CorruptSegmentException("event field with a bad length");
            }
            String value = new String(bytes, pos, (int) length, StandardCharsets.UTF_8);
            pos += (int) length;
            return value;
        }
    }
}
