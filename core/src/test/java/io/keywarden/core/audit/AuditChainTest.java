package io.keywarden.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuditChainTest {
    static final Instant T = Instant.parse("2026-01-02T03:04:05.678912Z");

    static AuditRecord record(int i) {
        return new AuditRecord("00000000-0000-4000-8000-" + String.format("%012d", i), T.plusSeconds(i),
                "123456789012", "iam.amazonaws.com", "CreateUser", false, "Root", "arn:aws:iam::123456789012:root",
                "123456789012", null, "AKIAQYLPMN5HHHFPZAM2", "127.0.0.1", "test/1.0",
                "{\"userName\":\"u" + i + "\"}", null, null, null, "req-" + i, 201);
    }

    static List<AuditEvent> chain(int n) {
        List<AuditEvent> out = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditEvent e = AuditChain.link(record(i), i, prev);
            out.add(e);
            prev = e.hash();
        }
        return out;
    }

    @Test
    void canonicalFormIsTheVersionLineThenLengthPrefixedFieldsInTheDocumentedOrder() {
        String form = AuditChain.canonicalForm(record(1), 1, AuditChain.GENESIS);
        assertThat(form).isEqualTo(String.join("\n",
                "keywarden-audit-v1",
                "1:1",
                "64:" + "0".repeat(64),
                "36:00000000-0000-4000-8000-000000000001",
                "24:2026-01-02T03:04:06.678Z",
                "12:123456789012",
                "17:iam.amazonaws.com",
                "10:CreateUser",
                "5:false",
                "4:Root",
                "30:arn:aws:iam::123456789012:root",
                "12:123456789012",
                "-",
                "20:AKIAQYLPMN5HHHFPZAM2",
                "9:127.0.0.1",
                "8:test/1.0",
                "17:{\"userName\":\"u1\"}",
                "-",
                "-",
                "-",
                "5:req-1",
                "3:201"));
    }

    /** A role session's call, as events carried it before sessions were recorded (no session fields). */
    static AuditRecord sessionCall(AuditSession session) {
        return new AuditRecord("00000000-0000-4000-8000-000000000001", Instant.parse("2026-01-02T03:04:06.678Z"),
                "123456789012", "sts.amazonaws.com", "GetCallerIdentity", true, "AssumedRole",
                "arn:aws:sts::123456789012:assumed-role/deployer/s1", "AROAEXAMPLEEXAMPLE001:s1", null,
                "ASIAQYLPMN5HHHFPZAM2", "127.0.0.1", "test/1.0", "{}", null, null, null, "req-1", 200, session);
    }

    static final AuditSession ROLE_SESSION = new AuditSession("Role", "AROAEXAMPLEEXAMPLE001",
            "arn:aws:iam::123456789012:role/ci/deployer", "deployer", Instant.parse("2026-01-02T03:00:00Z"), false,
            "alice");

    @Test
    void anEventWrittenBeforeSessionsWereRecordedKeepsItsHashAndStillVerifies() {
        // the hash this event got from the code before AuditSession existed (commit c152df4): pinned, so that adding
        // the optional session fields cannot have changed the canonical form of an event without them
        String before = "8f6f520bf0049912f2a9e82300b1ebea459624f9a0467b06ba180358359a0e35";
        AuditEvent stored = new AuditEvent(7, sessionCall(null), AuditChain.GENESIS, before);
        assertThat(AuditChain.hash(sessionCall(null), 7, AuditChain.GENESIS)).isEqualTo(before);
        assertThat(AuditChain.hashMatches(stored)).isTrue();
        assertThat(AuditSegmentCodec.decode(AuditSegmentCodec.encode(List.of(stored)))).containsExactly(stored);
        assertThat(AuditChain.canonicalForm(sessionCall(null), 7, AuditChain.GENESIS)).endsWith("\n5:req-1\n3:200");
    }

    @Test
    void theSessionIsTrailingDataCoveredByTheHashAndReadBackFromASegment() {
        AuditEvent withSession = AuditChain.link(sessionCall(ROLE_SESSION), 7, AuditChain.GENESIS);
        assertThat(AuditChain.canonicalForm(sessionCall(ROLE_SESSION), 7, AuditChain.GENESIS))
                .startsWith(AuditChain.canonicalForm(sessionCall(null), 7, AuditChain.GENESIS))
                .endsWith(String.join("\n", "3:200", "7:session", "4:Role", "21:AROAEXAMPLEEXAMPLE001",
                        "42:arn:aws:iam::123456789012:role/ci/deployer", "8:deployer", "24:2026-01-02T03:00:00.000Z",
                        "5:false", "5:alice"));
        assertThat(withSession.hash()).isNotEqualTo(AuditChain.hash(sessionCall(null), 7, AuditChain.GENESIS));
        AuditSession otherSource = new AuditSession("Role", "AROAEXAMPLEEXAMPLE001",
                "arn:aws:iam::123456789012:role/ci/deployer", "deployer", Instant.parse("2026-01-02T03:00:00Z"), false,
                "mallory");
        assertThat(AuditChain.hashMatches(new AuditEvent(7, sessionCall(otherSource), AuditChain.GENESIS,
                withSession.hash()))).as("the source identity is hashed").isFalse();

        AuditSession userSession = new AuditSession(null, null, null, null, Instant.parse("2026-01-02T03:00:00Z"),
                false, null);
        AuditEvent withUserSession = AuditChain.link(sessionCall(userSession), 8, withSession.hash());
        List<AuditEvent> read = AuditSegmentCodec.decode(AuditSegmentCodec.encode(List.of(withSession,
                withUserSession)));
        assertThat(read).containsExactly(withSession, withUserSession);
        assertThat(read.get(0).record().session()).isEqualTo(ROLE_SESSION);
        assertThat(read).allMatch(AuditChain::hashMatches);
    }

    @Test
    void hashIsLowercaseHexSha256OfTheCanonicalForm() throws Exception {
        AuditEvent e = AuditChain.link(record(1), 1, AuditChain.GENESIS);
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(
                AuditChain.canonicalForm(record(1), 1, AuditChain.GENESIS).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(e.hash()).isEqualTo(java.util.HexFormat.of().formatHex(digest)).matches("[0-9a-f]{64}");
        assertThat(AuditChain.hashMatches(e)).isTrue();
    }

    @Test
    void lengthsCountUtf8BytesSoValuesCannotForgeFieldBoundaries() {
        AuditRecord a = withUserAgent("x\n5:false");
        AuditRecord b = withUserAgent("é");
        assertThat(AuditChain.canonicalForm(b, 1, AuditChain.GENESIS)).contains("\n2:é\n");
        // control characters are replaced before hashing, so a value cannot contain a line break at all
        assertThat(a.userAgent()).isEqualTo("x?5:false");
    }

    @Test
    void everyFieldIsCoveredByTheHash() {
        AuditRecord r = record(1);
        String base = AuditChain.hash(r, 1, AuditChain.GENESIS);
        List<AuditRecord> variants = List.of(
                new AuditRecord("00000000-0000-4000-8000-00000000000X", r.eventTime(), r.accountId(), r.eventSource(), r.eventName(), r.readOnly(), r.principalType(), r.principalArn(), r.principalId(), r.userName(), r.accessKeyId(), r.sourceIp(), r.userAgent(), r.requestParameters(), r.responseElements(), r.errorCode(), r.errorMessage(), r.requestId(), r.httpStatus()),
                new AuditRecord(r.eventId(), r.eventTime().plusMillis(1), r.accountId(), r.eventSource(), r.eventName(), r.readOnly(), r.principalType(), r.principalArn(), r.principalId(), r.userName(), r.accessKeyId(), r.sourceIp(), r.userAgent(), r.requestParameters(), r.responseElements(), r.errorCode(), r.errorMessage(), r.requestId(), r.httpStatus()),
                new AuditRecord(r.eventId(), r.eventTime(), "123456789013", r.eventSource(), r.eventName(), r.readOnly(), r.principalType(), r.principalArn(), r.principalId(), r.userName(), r.accessKeyId(), r.sourceIp(), r.userAgent(), r.requestParameters(), r.responseElements(), r.errorCode(), r.errorMessage(), r.requestId(), r.httpStatus()),
                new AuditRecord(r.eventId(), r.eventTime(), r.accountId(), "sts.amazonaws.com", r.eventName(), r.readOnly(), r.principalType(), r.principalArn(), r.principalId(), r.userName(), r.accessKeyId(), r.sourceIp(), r.userAgent(), r.requestParameters(), r.responseElements(), r.errorCode(), r.errorMessage(), r.requestId(), r.httpStatus()),
                new AuditRecord(r.eventId(), r.eventTime(), r.accountId(), r.eventSource(), "DeleteUser", r.readOnly(), r.principalType(), r.principalArn(), r.principalId(), r.userName(), r.accessKeyId(), r.sourceIp(), r.userAgent(), r.requestParameters(), r.responseElements(), r.errorCode(), r.errorMessage(), r.requestId(), r.httpStatus()),
                new AuditRecord(r.eventId(), r.eventTime(), r.accountId(), r.eventSource(), r.eventName(), true, r.principalType(), r.principalArn(), r.principalId(), r.userName(), r.accessKeyId(), r.sourceIp(), r.userAgent(), r.requestParameters(), r.responseElements(), r.errorCode(), r.errorMessage(), r.requestId(), r.httpStatus()),
                new AuditRecord(r.eventId(), r.eventTime(), r.accountId(), r.eventSource(), r.eventName(), r.readOnly(), "IAMUser", r.principalArn(), r.principalId(), r.userName(), r.accessKeyId(), r.sourceIp(), r.userAgent(), r.requestParameters(), r.responseElements(), r.errorCode(), r.errorMessage(), r.requestId(), r.httpStatus()),
                new AuditRecord(r.eventId(), r.eventTime(), r.accountId(), r.eventSource(), r.eventName(), r.readOnly(), r.principalType(), null, r.principalId(), r.userName(), r.accessKeyId(), r.sourceIp(), r.userAgent(), r.requestParameters(), r.responseElements(), r.errorCode(), r.errorMessage(), r.requestId(), r.httpStatus()),
                new AuditRecord(r.eventId(), r.eventTime(), r.accountId(), r.eventSource(), r.eventName(), r.readOnly(), r.principalType(), r.principalArn(), "AIDA", r.userName(), r.accessKeyId(), r.sourceIp(), r.userAgent(), r.requestParameters(), r.responseElements(), r.errorCode(), r.errorMessage(), r.requestId(), r.httpStatus()),
                new AuditRecord(r.eventId(), r.eventTime(), r.accountId(), r.eventSource(), r.eventName(), r.readOnly(), r.principalType(), r.principalArn(), r.principalId(), "", r.accessKeyId(), r.sourceIp(), r.userAgent(), r.requestParameters(), r.responseElements(), r.errorCode(), r.errorMessage(), r.requestId(), r.httpStatus()),
                new AuditRecord(r.eventId(), r.eventTime(), r.accountId(), r.eventSource(), r.eventName(), r.readOnly(), r.principalType(), r.principalArn(), r.principalId(), r.userName(), "AKIAOTHER", r.sourceIp(), r.userAgent(), r.requestParameters(), r.responseElements(), r.errorCode(), r.errorMessage(), r.requestId(), r.httpStatus()),
                new AuditRecord(r.eventId(), r.eventTime(), r.accountId(), r.eventSource(), r.eventName(), r.readOnly(), r.principalType(), r.principalArn(), r.principalId(), r.userName(), r.accessKeyId(), "127.0.0.2", r.userAgent(), r.requestParameters(), r.responseElements(), r.errorCode(), r.errorMessage(), r.requestId(), r.httpStatus()),
                new AuditRecord(r.eventId(), r.eventTime(), r.accountId(), r.eventSource(), r.eventName(), r.readOnly(), r.principalType(), r.principalArn(), r.principalId(), r.userName(), r.accessKeyId(), r.sourceIp(), "other", r.requestParameters(), r.responseElements(), r.errorCode(), r.errorMessage(), r.requestId(), r.httpStatus()),
                new AuditRecord(r.eventId(), r.eventTime(), r.accountId(), r.eventSource(), r.eventName(), r.readOnly(), r.principalType(), r.principalArn(), r.principalId(), r.userName(), r.accessKeyId(), r.sourceIp(), r.userAgent(), "{}", r.responseElements(), r.errorCode(), r.errorMessage(), r.requestId(), r.httpStatus()),
                new AuditRecord(r.eventId(), r.eventTime(), r.accountId(), r.eventSource(), r.eventName(), r.readOnly(), r.principalType(), r.principalArn(), r.principalId(), r.userName(), r.accessKeyId(), r.sourceIp(), r.userAgent(), r.requestParameters(), "{}", r.errorCode(), r.errorMessage(), r.requestId(), r.httpStatus()),
                new AuditRecord(r.eventId(), r.eventTime(), r.accountId(), r.eventSource(), r.eventName(), r.readOnly(), r.principalType(), r.principalArn(), r.principalId(), r.userName(), r.accessKeyId(), r.sourceIp(), r.userAgent(), r.requestParameters(), r.responseElements(), "AccessDenied", r.errorMessage(), r.requestId(), r.httpStatus()),
                new AuditRecord(r.eventId(), r.eventTime(), r.accountId(), r.eventSource(), r.eventName(), r.readOnly(), r.principalType(), r.principalArn(), r.principalId(), r.userName(), r.accessKeyId(), r.sourceIp(), r.userAgent(), r.requestParameters(), r.responseElements(), r.errorCode(), "why", r.requestId(), r.httpStatus()),
                new AuditRecord(r.eventId(), r.eventTime(), r.accountId(), r.eventSource(), r.eventName(), r.readOnly(), r.principalType(), r.principalArn(), r.principalId(), r.userName(), r.accessKeyId(), r.sourceIp(), r.userAgent(), r.requestParameters(), r.responseElements(), r.errorCode(), r.errorMessage(), "req-x", r.httpStatus()),
                new AuditRecord(r.eventId(), r.eventTime(), r.accountId(), r.eventSource(), r.eventName(), r.readOnly(), r.principalType(), r.principalArn(), r.principalId(), r.userName(), r.accessKeyId(), r.sourceIp(), r.userAgent(), r.requestParameters(), r.responseElements(), r.errorCode(), r.errorMessage(), r.requestId(), 200));
        for (AuditRecord v : variants) {
            assertThat(AuditChain.hash(v, 1, AuditChain.GENESIS)).as(v.toString()).isNotEqualTo(base);
        }
        assertThat(AuditChain.hash(r, 2, AuditChain.GENESIS)).isNotEqualTo(base);
        assertThat(AuditChain.hash(r, 1, "1".repeat(64))).isNotEqualTo(base);
    }

    @Test
    void recordNormalisesWhatItStoresSoThatTheStoredValueIsTheHashedValue() {
        AuditRecord r = withUserAgent("a\u0000b\uD800c" + "z".repeat(2000));
        assertThat(r.userAgent()).startsWith("a?b\uFFFDc").hasSize(AuditRecord.MAX_USER_AGENT);
        assertThat(r.eventTime()).isEqualTo(Instant.parse("2026-01-02T03:04:06.678Z"));
        AuditRecord big = new AuditRecord("id", T, "123456789012", "iam", "X", true, "Root", null, null, null, null,
                null, null, "{\"a\":\"" + "x".repeat(AuditRecord.MAX_JSON) + "\"}", null, null, null, "r", 200);
        assertThat(big.requestParameters()).isEqualTo(AuditRecord.TRUNCATED_JSON);
        // a surrogate pair is never cut in half
        AuditRecord emoji = withUserAgent("x".repeat(AuditRecord.MAX_USER_AGENT - 1) + "\uD83D\uDE00");
        assertThat(emoji.userAgent()).hasSize(AuditRecord.MAX_USER_AGENT - 1);
    }

    private static AuditRecord withUserAgent(String ua) {
        AuditRecord r = record(1);
        return new AuditRecord(r.eventId(), r.eventTime(), r.accountId(), r.eventSource(), r.eventName(), r.readOnly(),
                r.principalType(), r.principalArn(), r.principalId(), r.userName(), r.accessKeyId(), r.sourceIp(), ua,
                r.requestParameters(), r.responseElements(), r.errorCode(), r.errorMessage(), r.requestId(),
                r.httpStatus());
    }
}
