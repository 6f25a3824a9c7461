package io.keywarden.examples;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * The Keywarden sample programs, one subcommand each. Every subcommand returns its exit code from
 * {@code new CommandLine(new Main()).execute(args)}, writes results to the command line's output and progress to its
 * error stream, so it can be run in-process (tests pass their own environment and clock to
 * {@link #Main(Map, Clock)}).
 */
@Command(name = "keywarden-examples", mixinStandardHelpOptions = true, version = "keywarden-examples 0.1.0",
        description = "Sample programs for Keywarden, the self-hosted access-key service.",
        subcommands = {Quickstart.class, RotateProfile.class, ZeroDowntimeDemo.class, KeyAgeAudit.class,
                LeakedKeyTriage.class, AssumeRole.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    private final Map<String, String> environment;
    private final Clock clock;

    @Spec
    CommandSpec spec;

    /** Reads the process environment and the system clock. */
    public Main() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** Reads {@code environment} instead of the process's, and tells time by {@code clock}. */
    public Main(Map<String, String> environment, Clock clock) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    Map<String, String> environment() {
        return environment;
    }

    Clock clock() {
        return clock;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
