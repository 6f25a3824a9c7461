package io.keywarden.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The hash chain of the audit trail. Each event's hash is
 *
 * <pre>hash = lowercase hex of SHA-256( UTF-8 bytes of canonicalForm(event) )</pre>
 *
 * where the canonical form is the line {@value #VERSION} followed by one line per field, in this order: seq,
 * prevHash, eventId, eventTime, accountId, eventSource, eventName, readOnly, principalType, principalArn,
 * principalId, userName, accessKeyId, sourceIp, userAgent, requestParameters, responseElements, errorCode,
 * errorMessage, requestId, httpStatus. Each field line is {@code "\n" + N + ":" + value} where N is the number of
 * UTF-8 bytes of the value, or {@code "\n-"} for an absent (null) value. Numbers are written in decimal, readOnly as
 * {@code true}/{@code false}, eventTime as ISO-8601 in UTC with exactly three fraction digits
 * ({@code 2026-01-02T03:04:05.678Z}); JSON fields are hashed as the exact text stored. The length prefix makes the
 * encoding unambiguous whatever the values contain (newlines, colons). The first event's prevHash is
 * {@link #GENESIS} (64 zeros). An event made with temporary credentials adds, after httpStatus, the field
 * {@code session} and its session's issuerType, issuerPrincipalId, issuerArn, issuerUserName, creationDate (as
 * eventTime), mfaAuthenticated and sourceIdentity ({@link AuditSession}); other events end at httpStatus, as every
 * event did before these fields existed, so their hashes did not change.
 */
public final class AuditChain {
    public static final String VERSION = "keywarden-audit-v1";
    public static final String GENESIS = "0".repeat(64);
    /** The field that opens an event's optional session fields (see the class comment). */
    static final String SESSION_MARKER = "session";
    private static final byte[] VERSION_BYTES = VERSION.getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private AuditChain() {
    }

    /** The event that follows the one whose hash is {@code prevHash} at position {@code seq}. */
    public static AuditEvent link(AuditRecord record, long seq, String prevHash) {
        return new AuditEvent(seq, record, prevHash, hash(record, seq, prevHash));
    }

    /** The hash an event with these contents must carry. */
    public static String hash(AuditRecord r, long seq, String prevHash) {
        AuditSegmentCodec.Buffer form = new AuditSegmentCodec.Buffer(640);
        writeCanonicalForm(form, r, seq, prevHash);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(form.bytes, 0, form.size);
            return HEX.formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Whether {@code event}'s hash matches its contents. */
    public static boolean hashMatches(AuditEvent event) {
        return hash(event.record(), event.seq(), event.prevHash()).equals(event.hash());
    }

    /** The text that is hashed (see the class comment). */
    public static String canonicalForm(AuditRecord r, long seq, String prevHash) {
        AuditSegmentCodec.Buffer form = new AuditSegmentCodec.Buffer(640);
        writeCanonicalForm(form, r, seq, prevHash);
        return new String(form.bytes, 0, form.size, StandardCharsets.UTF_8);
    }

    /** Writes the UTF-8 bytes of the canonical form: the one definition of it, for hashing and for storage. */
    static void writeCanonicalForm(AuditSegmentCodec.Buffer out, AuditRecord r, long seq, String prevHash) {
        out.write(VERSION_BYTES);
        field(out, Long.toString(seq));
        field(out, prevHash);
        field(out, r.eventId());
        field(out, formatTime(r.eventTime()));
        field(out, r.accountId());
        field(out, r.eventSource());
        field(out, r.eventName());
        field(out, Boolean.toString(r.readOnly()));
        field(out, r.principalType());
        field(out, r.principalArn());
        field(out, r.principalId());
        field(out, r.userName());
        field(out, r.accessKeyId());
        field(out, r.sourceIp());
        field(out, r.userAgent());
        field(out, r.requestParameters());
        field(out, r.responseElements());
        field(out, r.errorCode());
        field(out, r.errorMessage());
        field(out, r.requestId());
        field(out, Integer.toString(r.httpStatus()));
        AuditSession session = r.session();
        if (session != null) {
            // optional trailing data: absent from events without a session, so theirs (and older events') forms and
            // hashes are what they were before sessions were recorded
            field(out, SESSION_MARKER);
            field(out, session.issuerType());
            field(out, session.issuerPrincipalId());
            field(out, session.issuerArn());
            field(out, session.issuerUserName());
            field(out, formatTime(session.creationDate()));
            field(out, Boolean.toString(session.mfaAuthenticated()));
            field(out, session.sourceIdentity());
        }
    }

    private static void field(AuditSegmentCodec.Buffer out, String value) {
        out.write((byte) '\n');
        if (value == null) {
            out.write((byte) '-');
        } else {
            out.writeLengthPrefixedUtf8(value);
        }
    }

    /**
     * {@code eventTime} as ISO-8601 in UTC with three fraction digits: the same text as the pattern
     * {@code uuuu-MM-dd'T'HH:mm:ss.SSS'Z'}, written without a formatter for the years 0000-9999 (every event's time).
     */
    static String formatTime(Instant time) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(time.getEpochSecond(), time.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return TIME.format(time);
        }
        char[] c = new char[24];
        digits(c, 0, t.getYear(), 4);
        c[4] = '-';
        digits(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, t.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, t.getHour(), 2);
        c[13] = ':';
        digits(c, 14, t.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, t.getSecond(), 2);
        c[19] = '.';
        digits(c, 20, t.getNano() / 1_000_000, 3);
        c[23] = 'Z';
        return new String(c);
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
