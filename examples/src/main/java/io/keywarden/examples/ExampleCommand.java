package io.keywarden.examples;

import io.keywarden.sdk.exception.KeywardenSdkException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A subcommand: results on the output, progress and errors on the error stream, and an exit code — 0 when all is
 * well, 1 when the program found something (a finding, a failed request, a rolled-back rotation), 2 when it could not
 * do its job (the message says why; no stack trace, no secret).
 */
abstract class ExampleCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int FOUND = 1;
    static final int FAILED = 2;

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    ConnectionOptions connection;

    @Override
    public final Integer call() {
        try {
            return execute();
        } catch (KeywardenSdkException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            err().println("error: " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err().println("error: interrupted");
            return FAILED;
        } catch (Exception e) {
            err().println("error: " + e);
            return FAILED;
        } finally {
            out().flush();
            err().flush();
        }
    }

    protected abstract int execute() throws Exception;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    Map<String, String> environment() {
        return main.environment();
    }

    Clock clock() {
        return main.clock();
    }

    /** A progress line on the error stream, flushed at once. */
    void progress(String line) {
        err().println(line);
        err().flush();
    }
}
