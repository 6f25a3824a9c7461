package io.keywarden.core.policy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy engine stays pure: it imports the JDK (no I/O, no clock), Jackson and core's own types only. */
class PolicyPackagePurityTest {
    private static final Path SOURCES = Path.of("src/main/java/io/keywarden/core/policy");
    private static final List<String> ALLOWED = List.of("java.util.", "java.math.", "java.time.Instant",
            "java.time.", "com.fasterxml.jackson.", "io.keywarden.core.");
    private static final List<String> FORBIDDEN = List.of("java.io.", "java.nio.", "java.net.", "java.sql.",
            "java.time.Clock", "System.currentTimeMillis", "Instant.now", "InetAddress", "Thread.sleep");

    @Test
    void importsOnlyTheJdkJacksonAndCore() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
                source.lines().filter(l -> l.startsWith("import ")).forEach(line -> {
                    String imported = line.substring("import ".length()).replace("static ", "");
                    assertThat(ALLOWED).as("%s: %s", file.getFileName(), line).anyMatch(imported::startsWith);
                });
                assertThat(FORBIDDEN).as(file.getFileName().toString()).noneMatch(source::contains);
            }
        }
    }
}
