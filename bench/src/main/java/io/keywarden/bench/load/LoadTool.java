package io.keywarden.bench.load;

import io.keywarden.core.sigv4.SigningCredentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java side of {@code bench/load/run.sh}: prepares pre-signed requests for wrk, and runs the two loads wrk cannot
 * (each request needs a fresh signature, or a fixed rate). Every figure is printed as one tab-separated line
 * {@code RESULT name requests/s p50-ms p99-ms requests non-2xx errors} that the script collects.
 *
 * <pre>
 * prepare    HOST:PORT KEY_ID SECRET OUT_DIR PAIR_USERS [SESSIONS=1]
 *                                                         signs the scenarios, checks each answers 2xx, writes
 *                                                         OUT_DIR/NAME.lua (wrk) and NAME.req (raw bytes) and
 *                                                         OUT_DIR/scenarios (the names that work on this server);
 *                                                         with SESSIONS=1 also GetCallerIdentity signed with
 *                                                         temporary credentials (root's GetSessionToken: an ASIA
 *                                                         key and a session token), to compare with the AKIA ones
 * pairs      HOST:PORT KEY_ID SECRET THREADS SECONDS      create + delete an access key, per thread in a loop,
 *                                                         each request freshly signed (closed loop)
 * fixed-rate HOST:PORT REQ_FILE NAME RATE CONNECTIONS SECONDS [WARMUP_SECONDS=5]
 *                                                         replays REQ_FILE at RATE requests/s spread over
 *                                                         CONNECTIONS keep-alive connections (open loop: latency
 *                                                         counts from the time each request was due, so a stall
 *                                                         shows in the percentiles instead of slowing the load)
 * </pre>
 */
public final class LoadTool {
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\"accessKeyId\"\\s*:\\s*\"([A-Z0-9]+)\"");

    private LoadTool() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        switch (args[0]) {
            case "prepare" -> prepare(args[1], args[2], args[3], Path.of(args[4]), Integer.parseInt(args[5]),
                    args.length <= 6 || !args[6].equals("0"));
            case "pairs" -> pairs(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            case "fixed-rate" -> fixedRate(args[1], Path.of(args[2]), args[3], Double.parseDouble(args[4]),
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]), args.length > 7 ? Integer.parseInt(args[7]) : 5);
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: LoadTool prepare|pairs|fixed-rate ... (see the class comment)");
        System.exit(2);
    }

    // ---------------------------------------------------------------- prepare

    static void prepare(String hostPort, String keyId, String secret, Path out, int pairUsers, boolean sessions)
            throws IOException {
        Files.createDirectories(out);
        SigningCredentials root = SigningCredentials.of(keyId, secret);
        Instant now = Instant.now();
        List<String> scenarios = new ArrayList<>();
        try (RawHttp http = client(hostPort)) {
            addIfOk(http, out, scenarios, "ping", SignedRequest.unsigned("GET", "/ping", hostPort));
            addIfOk(http, out, scenarios, "caller-identity-rest",
                    SignedRequest.sign("GET", "/v1/caller-identity", hostPort, null, null, root, now));
            addIfOk(http, out, scenarios, "caller-identity-query", form(hostPort,
                    "Action=GetCallerIdentity&Version=2011-06-15", root, now));
            addIfOk(http, out, scenarios, "list-access-keys-rest",
                    SignedRequest.sign("GET", "/v1/users/~/access-keys", hostPort, null, null, root, now));
            addIfOk(http, out, scenarios, "list-access-keys-query", form(hostPort,
                    "Action=ListAccessKeys&Version=2010-05-08", root, now));
            SigningCredentials session = sessions ? sessionCredentials(http, hostPort, root, now) : null;
            if (session != null) {
                Instant later = Instant.now();
                addIfOk(http, out, scenarios, "caller-identity-session-rest",
                        SignedRequest.sign("GET", "/v1/caller-identity", hostPort, null, null, session, later));
                addIfOk(http, out, scenarios, "caller-identity-session-query", form(hostPort,
                        "Action=GetCallerIdentity&Version=2011-06-15", session, later));
            }
            SigningCredentials reader = policyReader(http, hostPort, root, now);
            if (reader != null) {
                Instant later = Instant.now();
                addIfOk(http, out, scenarios, "list-access-keys-user-rest",
                        SignedRequest.sign("GET", "/v1/users/~/access-keys", hostPort, null, null, reader, later));
                addIfOk(http, out, scenarios, "list-access-keys-user-query", form(hostPort,
                        "Action=ListAccessKeys&Version=2010-05-08", reader, later));
            }
            for (int i = 0; i < pairUsers; i++) {
                RawHttp.Response r = http.exchange(SignedRequest.sign("POST", "/v1/users", hostPort,
                        "application/json", "{\"userName\":\"load-pair-" + i + "\"}", root, Instant.now()).toBytes());
                if (r.status() != 201 && r.status() != 409) {
                    throw new IllegalStateException("could not create user load-pair-" + i + ": " + r.status() + " "
                            + r.text());
                }
            }
        }
        Files.write(out.resolve("scenarios"), scenarios);
    }

    private static SignedRequest form(String hostPort, String body, SigningCredentials credentials, Instant now) {
        return SignedRequest.sign("POST", "/", hostPort, "application/x-www-form-urlencoded; charset=utf-8", body,
                credentials, now);
    }

    /**
     * An IAM user allowed to list its own keys by an inline policy (PutUserPolicy on the Query face), so that the
     * read is authorised by policy evaluation rather than by being root; null while the server cannot do that.
     */
    private static SigningCredentials policyReader(RawHttp http, String hostPort, SigningCredentials root,
                                                   Instant now) throws IOException {
        RawHttp.Response user = http.exchange(SignedRequest.sign("POST", "/v1/users", hostPort, "application/json",
                "{\"userName\":\"load-reader\"}", root, now).toBytes());
        if (user.status() != 201) {
            return null;
        }
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"OwnKeys\",\"Effect\":\"Allow\","
                + "\"Action\":[\"iam:ListAccessKeys\",\"iam:GetUser\"],"
                + "\"Resource\":\"arn:aws:iam::*:user/${aws:username}\"}]}";
        RawHttp.Response put = http.exchange(form(hostPort, "Action=PutUserPolicy&Version=2010-05-08"
                + "&UserName=load-reader&PolicyName=OwnKeys&PolicyDocument="
                + URLEncoder.encode(policy, StandardCharsets.UTF_8), root, now).toBytes());
        if (put.status() != 200) {
            System.err.println("no policy-authorised scenario: PutUserPolicy answered " + put.status());
            return null;
        }
        RawHttp.Response key = http.exchange(SignedRequest.sign("POST", "/v1/users/load-reader/access-keys",
                hostPort, null, null, root, now).toBytes());
        Matcher id = ACCESS_KEY_ID.matcher(key.text());
        Matcher secret = Pattern.compile("\"secretAccessKey\"\\s*:\\s*\"([^\"]+)\"").matcher(key.text());
        if (key.status() != 201 || !id.find() || !secret.find()) {
            return null;
        }
        return SigningCredentials.of(id.group(1), secret.group(1).replace("\\/", "/"));
    }

    /** Temporary credentials of root (GetSessionToken, one hour); null while the server cannot issue them. */
    private static SigningCredentials sessionCredentials(RawHttp http, String hostPort, SigningCredentials root,
                                                         Instant now) throws IOException {
        RawHttp.Response r = http.exchange(SignedRequest.sign("POST", "/v1/sts/session-token", hostPort,
                "application/json", "{}", root, now).toBytes());
        Matcher id = ACCESS_KEY_ID.matcher(r.text());
        Matcher secret = Pattern.compile("\"secretAccessKey\"\\s*:\\s*\"([^\"]+)\"").matcher(r.text());
        Matcher token = Pattern.compile("\"sessionToken\"\\s*:\\s*\"([^\"]+)\"").matcher(r.text());
        if (r.status() != 200 || !id.find() || !secret.find() || !token.find()) {
            System.err.println("no session scenarios: GetSessionToken answered " + r.status());
            return null;
        }
        return SigningCredentials.of(id.group(1), secret.group(1).replace("\\/", "/"),
                token.group(1).replace("\\/", "/"));
    }

    private static void addIfOk(RawHttp http, Path out, List<String> scenarios, String name, SignedRequest request)
            throws IOException {
        RawHttp.Response r = http.exchange(request.toBytes());
        if (r.status() / 100 != 2) {
            System.err.println("scenario " + name + " skipped: " + request.method() + " " + request.path()
                    + " answered " + r.status() + " " + abbreviate(r.text()));
            return;
        }
        Files.writeString(out.resolve(name + ".lua"), request.toWrkScript(name));
        Files.write(out.resolve(name + ".req"), request.toBytes());
        scenarios.add(name);
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    // ---------------------------------------------------------------- create/delete pairs

    static void pairs(String hostPort, String keyId, String secret, int threads, int seconds) throws Exception {
        SigningCredentials root = SigningCredentials.of(keyId, secret);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Recorder pairs = new Recorder();
        Recorder creates = new Recorder();
        Recorder deletes = new Recorder();
        List<Thread> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            String user = "load-pair-" + t;
            Thread worker = new Thread(() -> {
                try (RawHttp http = client(hostPort)) {
                    while (System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        RawHttp.Response created = http.exchange(SignedRequest.sign("POST",
                                "/v1/users/" + user + "/access-keys", hostPort, null, null, root, Instant.now())
                                .toBytes());
                        long t1 = System.nanoTime();
                        creates.record(t1 - t0, created.status() == 201);
                        Matcher m = ACCESS_KEY_ID.matcher(created.text());
                        if (created.status() != 201 || !m.find()) {
                            pairs.record(t1 - t0, false);
                            continue;
                        }
                        RawHttp.Response deleted = http.exchange(SignedRequest.sign("DELETE",
                                "/v1/users/" + user + "/access-keys/" + m.group(1), hostPort, null, null, root,
                                Instant.now()).toBytes());
                        long t2 = System.nanoTime();
                        deletes.record(t2 - t1, deleted.status() == 204);
                        pairs.record(t2 - t0, deleted.status() == 204);
                    }
                } catch (IOException e) {
                    pairs.error();
                    throw new UncheckedIOException(e);
                }
            }, "pair-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pairs.print("create-delete-pair", elapsed);
        creates.print("create-access-key", elapsed);
        deletes.print("delete-access-key", elapsed);
    }

    // ---------------------------------------------------------------- fixed rate

    /**
     * Replays the request at {@code rate} for {@code warmup} seconds unrecorded (this JVM's own JIT warm-up and first
     * collections would otherwise be counted as the server's latency), then for {@code seconds} recorded, on one
     * unbroken schedule.
     */
    static void fixedRate(String hostPort, Path requestFile, String name, double rate, int connections, int seconds,
                          int warmup) throws Exception {
        byte[] request = Files.readAllBytes(requestFile);
        long intervalNanos = (long) (connections * 1e9 / rate);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
        long end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        Recorder recorder = new Recorder();
        Stalls stalls = new Stalls();
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            long offset = intervalNanos * c / connections;
            Thread worker = new Thread(() -> {
                try (RawHttp http = client(hostPort)) {
                    http.exchange(request); // connect before the clock starts
                    for (long due = start + offset; due < end; due += intervalNanos) {
                        long wait;
                        while ((wait = due - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        RawHttp.Response r = http.exchange(request);
                        if (due >= measureFrom) {
                            long now = System.nanoTime();
                            recorder.record(now - due, r.status() / 100 == 2);
                            stalls.record(now - measureFrom, now - due);
                        }
                    }
                } catch (IOException e) {
                    recorder.error();
                    throw new UncheckedIOException(e);
                }
            }, "rate-" + c);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        recorder.print(name, (System.nanoTime() - measureFrom) / 1e9);
        System.out.printf("INFO\t%s\ttarget %.0f/s over %d connections: p99.9 %.3f ms, max %.3f ms%n", name, rate,
                connections, recorder.percentileMillis(99.9), recorder.percentileMillis(100));
        System.out.printf("INFO\t%s\t%s%n", name, stalls.summary(seconds));
    }

    /**
     * When the slow requests (over {@link #SLOW_MILLIS} ms) completed, in windows of {@link #WINDOW_MILLIS} ms of the
     * measured time: tells a steady tail (slow requests spread over every window) from stalls (a few windows with
     * hundreds of slow requests each), and says when the stalls were, to set beside a server's logs.
     */
    static final class Stalls {
        static final long SLOW_MILLIS = 5;
        static final long WINDOW_MILLIS = 50;
        private final java.util.TreeMap<Long, long[]> windows = new java.util.TreeMap<>();

        /** A request that completed {@code atNanos} into the measured time after {@code latencyNanos}. */
        synchronized void record(long atNanos, long latencyNanos) {
            if (latencyNanos > TimeUnit.MILLISECONDS.toNanos(SLOW_MILLIS)) {
                long[] w = windows.computeIfAbsent(TimeUnit.NANOSECONDS.toMillis(atNanos) / WINDOW_MILLIS,
                        k -> new long[2]);
                w[0]++;
                w[1] = Math.max(w[1], latencyNanos);
            }
        }

        synchronized String summary(int seconds) {
            long slow = windows.values().stream().mapToLong(w -> w[0]).sum();
            StringBuilder out = new StringBuilder(String.format("requests over %d ms: %d, in %d of %d windows of %d ms",
                    SLOW_MILLIS, slow, windows.size(), seconds * 1000 / WINDOW_MILLIS, WINDOW_MILLIS));
            List<java.util.Map.Entry<Long, long[]>> worst = new ArrayList<>(windows.entrySet());
            worst.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
            out.append("; busiest windows (start s: slow requests, max ms):");
            for (var e : worst.subList(0, Math.min(8, worst.size()))) {
                out.append(String.format(" %.2f: %d, %.1f;", e.getKey() * WINDOW_MILLIS / 1000.0, e.getValue()[0],
                        e.getValue()[1] / 1e6));
            }
            return out.toString();
        }
    }

    // ---------------------------------------------------------------- shared

    private static RawHttp client(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return new RawHttp(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    /** Latencies (nanoseconds) and outcome counts; thread-safe. */
    static final class Recorder {
        private long[] latencies = new long[1 << 16];
        private int count;
        private final AtomicLong failed = new AtomicLong();
        private final AtomicLong errors = new AtomicLong();

        synchronized void record(long nanos, boolean ok) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
            if (!ok) {
                failed.incrementAndGet();
            }
        }

        void error() {
            errors.incrementAndGet();
        }

        synchronized double percentileMillis(double p) {
            if (count == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(latencies, count);
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * count) - 1;
            return sorted[Math.max(0, Math.min(count - 1, index))] / 1e6;
        }

        synchronized void print(String name, double seconds) {
            System.out.printf("RESULT\t%s\t%.0f\t%.3f\t%.3f\t%d\t%d\t%d%n", name, count / seconds,
                    percentileMillis(50), percentileMillis(99), count, failed.get(), errors.get());
        }
    }
}
