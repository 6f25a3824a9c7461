package io.keywarden.core.policy.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DateTimesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-29T15:25:00Z            | 2026-11-29T15:25:00Z
            2026-11-29T15:25:00.123Z        | 2026-11-29T15:25:00.123Z
            2026-11-29T15:25:00.123456789Z  | 2026-11-29T15:25:00.123456789Z
            2026-11-29T15:25Z               | 2026-11-29T15:25:00Z
            2026-11-29T15:25:00             | 2026-11-29T15:25:00Z
            2026-11-29T16:25:00+01:00       | 2026-11-29T15:25:00Z
            2026-11-29T10:25:00-0500        | 2026-11-29T15:25:00Z
            2026-11-29T17:25:00+02          | 2026-11-29T15:25:00Z
            2026-11-29                      | 2026-11-29T00:00:00Z
            2026-11                         | 2026-11-01T00:00:00Z
            2024-02-29                      | 2024-02-29T00:00:00Z
            2000-02-29                      | 2000-02-29T00:00:00Z
            1969-12-31T23:59:59Z            | 1969-12-31T23:59:59Z
            1600-03-01                      | 1600-03-01T00:00:00Z
            1764429900                      | 2025-11-29T15:25:00Z
            1764429900.5                    | 2025-11-29T15:25:00.5Z
            0                               | 1970-01-01T00:00:00Z
            -86400                          | 1969-12-31T00:00:00Z
            """)
    void readsIso8601AndEpochSeconds(String text, String expected) {
        assertThat(DateTimes.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2026-13-01", "2026-00-10", "2026-02-30", "2023-02-29", "1900-02-29",
            "2026-11-31", "2026-11-29T24:00:00Z", "2026-11-29T15:60:00Z", "2026-11-29T15:25:60Z", "2026-11-29T15Z",
            "2026-11-29 15:25:00Z", "2026-11-29T15:25:00.Z", "2026-11-29T15:25:00.1234567890Z",
            "2026-11-29T15:25:00+25:00", "2026-11-29T15:25:00+01:0", "2026-11-29T15:25:00ZZ", "2026-1-29",
            "-", ".", "1.2.3", "1234567890123456", "26-11-29", "2026/11/29"})
    void rejectsWhatIsNotADate(String text) {
        assertThat(DateTimes.parse(text)).isNull();
    }
}
