package io.keywarden.examples;

import io.keywarden.sdk.rotation.RotationEvent;
import io.keywarden.sdk.rotation.RotationListener;
import io.keywarden.sdk.rotation.RotationReport;
import io.keywarden.sdk.rotation.RotationStep;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

/**
 * Prints a rotation's events as progress lines: every event except waits, and a wait line at most every
 * {@code waitEvery} (plus the first).
 */
final class RotationProgress implements RotationListener {
    private final PrintWriter err;
    private final Duration waitEvery;
    private Instant lastWaitLine;

    RotationProgress(PrintWriter err, Duration waitEvery) {
        this.err = err;
        this.waitEvery = waitEvery;
    }

    @Override
    public synchronized void onEvent(RotationEvent event) {
        if (event instanceof RotationEvent.Waiting waiting) {
            if (lastWaitLine != null && Duration.between(lastWaitLine, waiting.at()).compareTo(waitEvery) < 0) {
                return;
            }
            lastWaitLine = waiting.at();
        } else if (event instanceof RotationEvent.Finished) {
            return; // the command prints the report itself
        }
        err.println("[rotation] " + event.describe());
        err.flush();
    }

    /** The report's steps as a table: step, duration, what it did. */
    static void printSteps(PrintWriter out, RotationReport report) {
        out.printf("%-34s %10s  %s%n", "step", "duration", "detail");
        for (RotationReport.StepTiming timing : report.steps()) {
            out.printf("%-34s %10s  %s%n", number(timing.step()) + timing.step().description(),
                    DurationConverter.format(timing.duration()), timing.detail());
        }
        out.printf("%-34s %10s%n", "total", DurationConverter.format(report.total()));
    }

    private static String number(RotationStep step) {
        return step == RotationStep.ROLLBACK ? "-  " : (step.ordinal() + 1) + ". ";
    }
}
