package io.keywarden.examples;

import io.keywarden.sdk.testing.FakeKeyService;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;

/** One in-process run of the examples program, with its exit code and what it printed. */
record ExampleRun(int exitCode, String out, String err) {
    /** The environment of an administrator: the fake service's root key. */
    static final Map<String, String> ROOT_ENV = Map.of(
            "AWS_ACCESS_KEY_ID", FakeKeyService.ROOT.accessKeyId(),
            "AWS_SECRET_ACCESS_KEY", FakeKeyService.ROOT.secretAccessKey());

    static ExampleRun run(Map<String, String> env, Clock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new Main(env, clock)).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute(args);
        return new ExampleRun(code, out.toString(), err.toString());
    }

    static ExampleRun run(String... args) {
        return run(ROOT_ENV, Clock.systemUTC(), args);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
