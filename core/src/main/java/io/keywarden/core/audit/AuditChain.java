package io.keywarden.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 * {@link #GENESIS} (64 zeros).
 */
public final class AuditChain {
    public static final String VERSION = "keywarden-audit-v1";
    public static final String GENESIS = "0".repeat(64);
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
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HEX.formatHex(sha256.digest(canonicalForm(r, seq, prevHash).getBytes(StandardCharsets.UTF_8)));
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
        StringBuilder sb = new StringBuilder(512).append(VERSION);
        field(sb, Long.toString(seq));
        field(sb, prevHash);
        field(sb, r.eventId());
        field(sb, TIME.format(r.eventTime()));
        field(sb, r.accountId());
        field(sb, r.eventSource());
        field(sb, r.eventName());
        field(sb, Boolean.toString(r.readOnly()));
        field(sb, r.principalType());
        field(sb, r.principalArn());
        field(sb, r.principalId());
        field(sb, r.userName());
        field(sb, r.accessKeyId());
        field(sb, r.sourceIp());
        field(sb, r.userAgent());
        field(sb, r.requestParameters());
        field(sb, r.responseElements());
        field(sb, r.errorCode());
        field(sb, r.errorMessage());
        field(sb, r.requestId());
        field(sb, Integer.toString(r.httpStatus()));
        return sb.toString();
    }

    private static void field(StringBuilder sb, String value) {
        sb.append('\n');
        if (value == null) {
            sb.append('-');
        } else {
            sb.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
        }
    }
}
