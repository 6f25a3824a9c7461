package io.keywarden.core.notify;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTest {
    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(10), Duration.ofHours(1), 8);

    @Test
    void delaysDoubleWithJitterAndStopAtTheCap() {
        Random random = new Random(1);
        for (int attempt = 1; attempt <= 20; attempt++) {
            long ceiling = Math.min(3_600_000L, 10_000L << Math.min(attempt - 1, 30));
            for (int i = 0; i < 50; i++) {
                long d = schedule.delayAfter(attempt, random).toMillis();
                assertThat(d).as("attempt %d", attempt).isBetween(ceiling / 2, ceiling);
            }
        }
    }

    @Test
    void jitterSpreadsTheDelays() {
        Random random = new Random(2);
        long first = schedule.delayAfter(5, random).toMillis();
        boolean differs = false;
        for (int i = 0; i < 20 && !differs; i++) {
            differs = schedule.delayAfter(5, random).toMillis() != first;
        }
        assertThat(differs).isTrue();
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        assertThat(schedule.retriesAfter(1)).isTrue();
        assertThat(schedule.retriesAfter(7)).isTrue();
        assertThat(schedule.retriesAfter(8)).isFalse();
    }
}
