package io.keywarden.core.audit;

import io.keywarden.core.testing.RandomizedChecks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text normalisation of audit records: the fast path (a clean value is returned as it is) gives exactly what the
 * full rewrite gives, for any string, so that what is stored and hashed does not depend on which path ran.
 */
class AuditRecordTextTest {

    /** The normalisation spelled out character by character (the definition the fast path must agree with). */
    private static String reference(String s, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && out.length() < max; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                if (out.length() + 2 > max) {
                    break;
                }
                out.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else if (c < 0x20 || c == 0x7F) {
                out.append('?');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Test
    void cleanAgreesWithTheCharacterByCharacterDefinition() {
        RandomizedChecks.forAll(0x7e57_c1ea_0001L, 20_000, r -> new Object[] {
            r.nextBoolean() ? RandomizedChecks.anyString(r, 40) : "clean text " + r.nextInt(), 1 + r.nextInt(45)},
            c -> {
                String s = (String) c[0];
                int max = (Integer) c[1];
                assertThat(AuditRecord.Text.clean(s, max)).isEqualTo(reference(s, max));
            });
    }

    @Test
    void aCleanValueIsReturnedAsItIsAndJsonKeepsOnlyCleanText() {
        String value = "agent/1.0 \u00e9 \uD83D\uDE00";
        assertThat(AuditRecord.Text.clean(value, 64)).isSameAs(value);
        assertThat(AuditRecord.Text.json("{\"a\":\"\uD83D\uDE00\"}")).isEqualTo("{\"a\":\"\uD83D\uDE00\"}");
        assertThat(AuditRecord.Text.json("{\"a\":\"\uD83D\"}")).isEqualTo(AuditRecord.TRUNCATED_JSON);
        assertThat(AuditRecord.Text.json("{\"a\":\"x\ny\"}")).isEqualTo(AuditRecord.TRUNCATED_JSON);
        assertThat(AuditRecord.Text.clean("\uD83D\uDE00\uD83D\uDE00", 3)).isEqualTo("\uD83D\uDE00");
    }
}
