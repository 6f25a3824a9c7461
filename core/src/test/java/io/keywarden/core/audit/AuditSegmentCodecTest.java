package io.keywarden.core.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

class AuditSegmentCodecTest {

    private static AuditRecord unusual() {
        return new AuditRecord("00000000-0000-4000-8000-00000000beef", AuditChainTest.T, "123456789012",
                "sts.amazonaws.com", "GetCallerIdentity", true, "Unknown", null, null, "jos\u00e9", "AKIA\n:7",
                "::1", "agent \u00e9\u00e8 \uD83D\uDE00 10:20", "{\"a\":\"x\\ny: 12:\"}", "{}", "AccessDenied",
                "no: statement\nallows", "req:1", 403);
    }

    @Test
    void theWriterChainsLikeAuditChainAndItsBytesReadBackAsTheSameEvents() {
        List<AuditEvent> expected = AuditChainTest.chain(40);
        AuditSegmentCodec.Writer writer = new AuditSegmentCodec.Writer(0, AuditChain.GENESIS);
        for (AuditEvent e : expected) {
            assertThat(writer.append(e.record())).isEqualTo(e);
        }
        assertThat(writer.segmentEventCount()).isEqualTo(40);
        assertThat(writer.seq()).isEqualTo(40);
        assertThat(writer.prevHash()).isEqualTo(expected.get(39).hash());
        int size = writer.segmentByteCount();
        AuditSegmentCodec.Segment segment = writer.finishSegment();
        byte[] bytes = segment.bytes();
        assertThat(bytes).hasSize(size);
        assertThat(segment.events()).isEqualTo(expected);
        assertThat(writer.segmentByteCount()).isZero();
        assertThat(AuditSegmentCodec.decode(bytes)).isEqualTo(expected);
        assertThat(AuditSegmentCodec.encode(expected)).isEqualTo(bytes);
    }

    @Test
    void eachEventIsItsLengthItsCanonicalFormAndItsRawHash() {
        AuditEvent e = AuditChain.link(unusual(), 7, "a".repeat(64));
        byte[] bytes = AuditSegmentCodec.encode(List.of(e));
        byte[] form = AuditChain.canonicalForm(e.record(), 7, "a".repeat(64)).getBytes(StandardCharsets.UTF_8);
        assertThat(bytes).hasSize(4 + form.length + 32);
        assertThat(((bytes[0] & 0xFF) << 24) | ((bytes[1] & 0xFF) << 16) | ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF))
                .isEqualTo(form.length);
        assertThat(Arrays.copyOfRange(bytes, 4, 4 + form.length)).isEqualTo(form);
        assertThat(java.util.HexFormat.of().formatHex(bytes, 4 + form.length, bytes.length)).isEqualTo(e.hash());
        // newlines, colons, digits, non-ASCII and absent values inside fields all read back exactly
        assertThat(AuditSegmentCodec.decode(bytes)).containsExactly(e);
    }

    @Test
    void segmentsContinueTheChainAcrossFinishSegment() {
        List<AuditEvent> expected = AuditChainTest.chain(9);
        AuditSegmentCodec.Writer writer = new AuditSegmentCodec.Writer(0, AuditChain.GENESIS);
        List<AuditEvent> read = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            writer.append(expected.get(i).record());
            if (i % 4 == 3) {
                AuditSegmentCodec.Segment segment = writer.finishSegment();
                assertThat(segment.events()).hasSize(4);
                read.addAll(AuditSegmentCodec.decode(segment.bytes()));
                assertThat(writer.segmentEventCount()).isZero();
                assertThat(writer.segmentByteCount()).isZero();
            }
        }
        read.addAll(AuditSegmentCodec.decode(writer.finishSegment().bytes()));
        assertThat(read).isEqualTo(expected);
        assertThat(AuditSegmentCodec.decode(new byte[0])).isEmpty();
    }

    @Test
    void aChangedValueReadsBackAsAnEventThatNoLongerMatchesItsHash() {
        AuditEvent e = AuditChain.link(unusual(), 1, AuditChain.GENESIS);
        byte[] bytes = AuditSegmentCodec.encode(List.of(e));
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("AccessDenied");
        bytes[at] = 'X'; // XccessDenied: same length, other value
        AuditEvent read = AuditSegmentCodec.decode(bytes).get(0);
        assertThat(read.record().errorCode()).isEqualTo("XccessDenied");
        assertThat(read.hash()).isEqualTo(e.hash());
        assertThat(AuditChain.hashMatches(read)).isFalse();
    }

    @Test
    void cutOrMangledSegmentsAreRefusedAsCorrupt() {
        byte[] bytes = AuditSegmentCodec.encode(AuditChainTest.chain(2));
        assertThatThrownBy(() -> AuditSegmentCodec.decode(Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(AuditSegmentCodec.CorruptSegmentException.class);
        assertThatThrownBy(() -> AuditSegmentCodec.decode(Arrays.copyOf(bytes, 3)))
                .isInstanceOf(AuditSegmentCodec.CorruptSegmentException.class);
        byte[] badHeader = bytes.clone();
        badHeader[5] = 'X';
        assertThatThrownBy(() -> AuditSegmentCodec.decode(badHeader))
                .isInstanceOf(AuditSegmentCodec.CorruptSegmentException.class).hasMessageContaining("header");
    }

    @Test
    void timesAreWrittenExactlyAsTheDocumentedPatternWritesThem() {
        java.time.format.DateTimeFormatter pattern = java.time.format.DateTimeFormatter
                .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        List<java.time.Instant> instants = new ArrayList<>(List.of(java.time.Instant.EPOCH,
                java.time.Instant.parse("0000-01-01T00:00:00Z"), java.time.Instant.parse("9999-12-31T23:59:59.999Z"),
                java.time.Instant.parse("2024-02-29T12:00:00.001Z"), java.time.Instant.parse("+10000-01-01T00:00:00Z"),
                java.time.Instant.parse("-0001-12-31T23:59:59.5Z")));
        for (int i = 0; i < 20_000; i++) {
            instants.add(java.time.Instant.ofEpochMilli(random.nextLong(-62_167_219_200_000L, 253_402_300_800_000L)));
        }
        for (java.time.Instant t : instants) {
            assertThat(AuditChain.formatTime(t)).as("seed " + seed + ": " + t).isEqualTo(pattern.format(t));
        }
    }

    /** Random byte changes and cuts: a segment either reads back or is refused as corrupt, nothing else. */
    @Test
    void randomDamageNeverEscapesAsAnythingButCorruptSegment() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        List<AuditEvent> events = new ArrayList<>(AuditChainTest.chain(3));
        events.add(AuditChain.link(unusual(), 4, events.get(2).hash()));
        byte[] original = AuditSegmentCodec.encode(events);
        for (int round = 0; round < 5_000; round++) {
            byte[] bytes = random.nextInt(4) == 0
                    ? Arrays.copyOf(original, random.nextInt(original.length))
                    : original.clone();
            for (int k = random.nextInt(3) + 1; k > 0 && bytes.length > 0; k--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            try {
                List<AuditEvent> read = AuditSegmentCodec.decode(bytes);
                assertThat(read.size()).isLessThanOrEqualTo(events.size());
            } catch (AuditSegmentCodec.CorruptSegmentException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            } catch (RuntimeException e) {
                fail("seed " + seed + ", round " + round + ": " + e, e);
            }
        }
    }
}
