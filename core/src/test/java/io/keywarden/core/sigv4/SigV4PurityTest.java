package io.keywarden.core.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The SigV4 package stays pure: only the JDK and Keywarden's own core, and never the clock's "now". */
class SigV4PurityTest {

    private static final Path SOURCES = Path.of("src/main/java/io/keywarden/core/sigv4");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void importsOnlyTheJdkAndCore() throws IOException {
        List<Path> sources = sources();
        assertThat(sources).isNotEmpty();
        for (Path source : sources) {
            for (String line : Files.readAllLines(source)) {
                if (line.startsWith("import ")) {
                    assertThat(line).as(source.getFileName().toString())
                            .matches("import (static )?(java\\.|javax\\.crypto\\.|io\\.keywarden\\.core\\.).*");
                }
            }
        }
    }

    @Test
    void neverReadsTheCurrentTimeItself() throws IOException {
        for (Path source : sources()) {
            assertThat(Files.readString(source)).as(source.getFileName().toString())
                    .doesNotContain("Instant.now(").doesNotContain("System.currentTimeMillis(")
                    .doesNotContain("Clock.system");
        }
    }
}
