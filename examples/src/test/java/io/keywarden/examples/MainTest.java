package io.keywarden.examples;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MainTest {

    @Test
    void helpListsEverySubcommand() {
        ExampleRun run = ExampleRun.run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("quickstart", "rotate-profile", "zero-downtime-demo", "key-age-audit",
                "leaked-key-triage");
    }

    @Test
    void everySubcommandHasHelp() {
        for (String command : new String[] {"quickstart", "rotate-profile", "zero-downtime-demo", "key-age-audit",
                "leaked-key-triage"}) {
            ExampleRun run = ExampleRun.run(command, "--help");
            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out()).as(command).contains("--endpoint", "--region", "--profile", "--credentials-file");
        }
    }

    @Test
    void aBadOptionIsAUsageError() {
        ExampleRun run = ExampleRun.run("zero-downtime-demo", "--quiet-period", "soon");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'soon' is not a duration");
    }

    @Test
    void anUnreachableServerIsReportedWithoutAStackTrace() {
        ExampleRun run = ExampleRun.run("key-age-audit", "--endpoint", "http://127.0.0.1:9");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: could not connect to http://127.0.0.1:9").doesNotContain("\tat ");
    }

    @Test
    void durationsAreReadInShortOrIsoForm() {
        DurationConverter c = new DurationConverter();
        assertThat(c.convert("0")).isZero();
        assertThat(c.convert("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(c.convert("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.convert("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.convert("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(c.convert("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(c.convert("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> c.convert("-PT1S")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> c.convert("5 minutes")).isInstanceOf(TypeConversionException.class);
    }
}
