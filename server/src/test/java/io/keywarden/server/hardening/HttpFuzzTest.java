package io.keywarden.server.hardening;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.keywarden.core.sigv4.Header;
import io.keywarden.core.sigv4.SigV4Signer;
import io.keywarden.core.sigv4.SignOptions;
import io.keywarden.core.sigv4.SignableRequest;
import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.server.blocking.BlockingGuard;
import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient;
import io.keywarden.server.support.SignedClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.server.support.SlowTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestReporter;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An HTTP fuzz run against the live server on loopback: random actions on both faces (REST and the Query protocol's
 * {@code POST /}), random parameters, headers, encodings, framings, huge and truncated bodies, forged and mangled
 * signatures, and malformed HTTP. Every answer must be below 500 and name no internal class, package or exception; no
 * error (nor a warning of the HTTP stack) may be logged; and afterwards the server must still answer, signed requests included.
 *
 * <p>Seeded: {@code -Dkeywarden.fuzz.seed=N} replays a run (each request is drawn from {@code seed + its number}, so a
 * failure names the one seed that reproduces it); {@code -Dkeywarden.fuzz.seconds=S} bounds it (default 20).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SlowTest
class HttpFuzzTest extends ServerTestSupport {
    private static final long SEED = Long.getLong("keywarden.fuzz.seed", 20261129L);
    private static final int SECONDS = Integer.getInteger("keywarden.fuzz.seconds", 20);
    private static final int WORKERS = 4;
    private static final String[] LEAKS = {"io.keywarden", "io.micronaut", "io.netty", "java.", "javax.", "Exception",
            "\tat ", "Caused by"};
    private static final java.util.regex.Pattern AWS_JSON_ERROR_NAME = java.util.regex.Pattern.compile(
            "(x-amzn-ErrorType: |\"__type\":\")[A-Z][A-Za-z]*Exception");
    private static final String PUNCTUATION = "{}[]\":,\\ $*?&=%+/;#";
    private static final String WORD = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~";
    private static final java.util.Set<String> FRAMING = java.util.Set.of("transfer-encoding", "content-length",
            "expect", "upgrade", "connection", "content-encoding");
    private static final Pattern STATUS = Pattern.compile("(?m)^HTTP/1\\.[01] (\\d{3})");
    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"};
    private static final String[] ACTIONS = {"AssumeRole", "CreateUser", "GetUser", "ListUsers", "DeleteUser", "CreateAccessKey",
            "ListAccessKeys", "UpdateAccessKey", "DeleteAccessKey", "GetAccessKeyLastUsed", "GetCallerIdentity", "GetSessionToken",
            "GetAccessKeyInfo", "GenerateCredentialReport", "GetCredentialReport", "PutUserPolicy", "GetUserPolicy",
            "DeleteUserPolicy", "ListUserPolicies", "CreatePolicy", "GetPolicy", "GetPolicyVersion", "DeletePolicy",
            "ListPolicies", "AttachUserPolicy", "DetachUserPolicy", "ListAttachedUserPolicies",
            "SimulatePrincipalPolicy", "CreateRole", "GetRole", "ListRoles", "UpdateRole", "UpdateAssumeRolePolicy",
            "DeleteRole", "PutRolePolicy", "GetRolePolicy", "DeleteRolePolicy", "ListRolePolicies", "AttachRolePolicy",
            "DetachRolePolicy", "ListAttachedRolePolicies", "ListEntitiesForPolicy", "NoSuchAction", ""};
    private static final String[] PARAMS = {"UserName", "Path", "PathPrefix", "AccessKeyId", "Status", "Marker",
            "MaxItems", "PolicyName", "PolicyArn", "PolicyDocument", "VersionId", "ActionNames.member.1",
            "ResourceArns.member.1", "PolicySourceArn", "Description", "OnlyAttached", "Scope", "DurationSeconds", "SerialNumber",
            "TokenCode", "RoleName", "AssumeRolePolicyDocument", "MaxSessionDuration", "Tags.member.1.Key",
            "Tags.member.1.Value", "PermissionsBoundary", "RoleArn", "RoleSessionName", "ExternalId", "SourceIdentity",
            "Policy", "PolicyArns.member.1.arn"};
    private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=utf-8",
            "application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=utf-8", "text/plain",
            "application/xml", "multipart/form-data; boundary=xyz", "application/x-amz-json-1.1", "*/*", ";;",
            "application/json; charset=ebcdic", "\u00ff/\u00fe"};

    private final List<String> userNames = new ArrayList<>(List.of("~", "me", "fuzzy", "Fuzzy", "fuzz.er", "fuzz+er@x",
            "a", "x".repeat(64), "x".repeat(65)));
    private final List<String> keyIds = new ArrayList<>(List.of("AKIAQYLPMN5HAAAAAAAA", "AKIAIOSFODNN7EXAMPLE",
            "ASIAQYLPMN5HAAAAAAAA", "AKIA", "0000000000000000"));
    private SigningCredentials rootCredentials;
    private SigningCredentials userCredentials;
    private SigningCredentials healthCredentials;
    /** Temporary credentials of user fuzzy (GetSessionToken): signed with valid, forged and truncated tokens. */
    private SigningCredentials sessionCredentials;
    private SigningCredentials otherSessionCredentials;

    @Override
    protected Map<String, String> extraProperties() {
        // truncated requests are dropped after 2 s rather than 30 s
        return Map.of("keywarden.http.request-read-timeout", "2s");
    }

    @BeforeAll
    void createUsersAndKeys() {
        rootCredentials = SigningCredentials.of(ROOT_ACCESS_KEY_ID, ROOT_SECRET);
        for (String name : List.of("fuzzy", "fuzz.er")) {
            root().post("/v1/users", "{\"userName\":\"" + name + "\"}");
            Response key = root().post("/v1/users/" + name + "/access-keys", null);
            keyIds.add(key.json().path("accessKeyId").asText());
            userCredentials = SigningCredentials.of(key.json().path("accessKeyId").asText(),
                    key.json().path("secretAccessKey").asText());
        }
        sessionCredentials = sessionToken();
        otherSessionCredentials = sessionToken();
        // the health check's own user, whose name and key the fuzzer never draws
        root().post("/v1/users", "{\"userName\":\"health-check-7f3a\"}");
        Response key = root().post("/v1/users/health-check-7f3a/access-keys", null);
        healthCredentials = SigningCredentials.of(key.json().path("accessKeyId").asText(),
                key.json().path("secretAccessKey").asText());
    }

    private SigningCredentials sessionToken() {
        Response r = SignedClient.of(baseUri(), userCredentials.accessKeyId(), userCredentials.secretAccessKey())
                .withScope("us-east-1", "sts").post("/v1/sts/session-token", "{}");
        JsonNode c = r.json().path("credentials");
        return SigningCredentials.of(c.path("accessKeyId").asText(), c.path("secretAccessKey").asText(),
                c.path("sessionToken").asText());
    }

    @Test
    void noFuzzedRequestGetsA5xxOrALeakAndTheServerStaysHealthy(TestReporter reporter) throws Exception {
        long eventLoopConnections = BlockingGuard.eventLoopConnections();
        ErrorLog errors = ErrorLog.attach();
        Map<String, Integer> statuses = new ConcurrentSkipListMap<>();
        AtomicLong next = new AtomicLong();
        AtomicInteger unanswered = new AtomicInteger();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
        // a few connections at once: some requests wait for the server's read deadline (framing that promises more)
        List<Thread> workers = new ArrayList<>();
        try {
            for (int w = 0; w < WORKERS; w++) {
                Thread worker = new Thread(() -> {
                    while (System.nanoTime() < deadline && failures.isEmpty()) {
                        long seed = SEED + next.getAndIncrement();
                        try {
                            check(seed, statuses, unanswered, errors);
                        } catch (Throwable t) {
                            failures.add(t);
                        }
                    }
                }, "fuzz-" + w);
                worker.start();
                workers.add(worker);
            }
            for (Thread worker : workers) {
                worker.join();
            }
            if (!failures.isEmpty()) {
                throw new AssertionError(failures.get(0).getMessage(), failures.get(0));
            }
            Thread.sleep(500); // whatever is logged after the last answer
            assertThat(errors.lines()).as("errors logged at the end").isEmpty();
        } finally {
            errors.close();
        }
        long requests = next.get();
        String summary = requests + " requests in " + SECONDS + " s from seed " + SEED + " (" + WORKERS
                + " connections at a time); statuses " + statuses + "; " + unanswered
                + " closed without an answer (malformed or truncated on purpose)";
        reporter.publishEntry("fuzz", summary);
        System.out.println("HttpFuzzTest: " + summary);
        assertThat(requests).isGreaterThan(100);

        // healthy afterwards: public and signed requests answer, and nothing blocked an event loop
        assertThat(anonymous().get("/ping").status()).isEqualTo(200);
        assertThat(anonymous().get("/health").status()).isEqualTo(200);
        Response identity = as(healthCredentials.accessKeyId(), healthCredentials.secretAccessKey())
                .get("/v1/caller-identity");
        assertThat(identity.status()).as(identity.toString()).isEqualTo(200);
        assertThat(root().get("/v1/users/health-check-7f3a/access-keys").status()).isEqualTo(200);
        assertThat(BlockingGuard.eventLoopConnections()).isEqualTo(eventLoopConnections);
    }

    /** Sends the request of {@code seed} and checks its answer. */
    private void check(long seed, Map<String, Integer> statuses, AtomicInteger unanswered, ErrorLog errors)
            throws IOException {
        Fuzzed fuzzed = generate(new Random(seed));
        String answer = send(fuzzed);
        String where = "seed " + seed + " (" + fuzzed.description + ")";
        Matcher status = STATUS.matcher(answer);
        boolean any = false;
        while (status.find()) {
            any = true;
            statuses.merge(status.group(1), 1, Integer::sum);
            assertThat(Integer.parseInt(status.group(1))).as("status for " + where + ":\n" + answer).isLessThan(500);
        }
        if (!any) {
            unanswered.incrementAndGet();
            assertThat(fuzzed.expectsAnswer).as("no answer for " + where).isFalse();
        }
        String sent = new String(fuzzed.bytes, StandardCharsets.ISO_8859_1);
        // the AWS JSON 1.1 face names its errors as AWS does (UnknownOperationException, ...): not a leak
        String checked = AWS_JSON_ERROR_NAME.matcher(answer).replaceAll("$1AwsErrorName");
        for (String leak : LEAKS) {
            if (checked.contains(leak) && !sent.contains(leak)) {
                throw new AssertionError("the answer to " + where + " contains '" + leak + "':\n" + answer);
            }
        }
        assertThat(errors.lines()).as("errors logged by the time " + where + " was answered").isEmpty();
    }

    // ---------------------------------------------------------------- generation

    /** One fuzzed exchange: the bytes sent, whether they end early, and whether a well-formed answer must come. */
    private record Fuzzed(String description, byte[] bytes, boolean truncated, boolean expectsAnswer) {
    }

    private Fuzzed generate(Random r) {
        return switch (r.nextInt(20)) {
            case 0, 1, 2, 3, 4, 5 -> rest(r);
            case 6, 7, 8, 9, 10 -> query(r);
            case 11, 12 -> forged(r);
            case 13 -> unsigned(r);
            case 14, 15 -> framing(r);
            case 16, 17 -> malformedHttp(r);
            case 18 -> huge(r);
            default -> presigned(r);
        };
    }

    /** A REST request, mostly well signed, with random path parameters, query and body. */
    private Fuzzed rest(Random r) {
        String method = r.nextInt(10) < 8 ? pick(r, "GET", "POST", "PATCH", "DELETE") : pick(r, METHODS);
        String user = pathSegment(r, pick(r, userNames));
        String key = pathSegment(r, pick(r, keyIds));
        String path = switch (r.nextInt(12)) {
            case 0 -> "/v1/caller-identity";
            case 1 -> "/v1/users";
            case 2 -> "/v1/users/" + user;
            case 3, 4 -> "/v1/users/" + user + "/access-keys";
            case 5, 6 -> "/v1/users/" + user + "/access-keys/" + key;
            case 7 -> "/v1/access-keys/" + key + "/last-used";
            case 8 -> "/v1/access-keys/" + key + "/info";
            case 9 -> r.nextBoolean() ? "/v1/access-keys/" + key + "/owner" : "/v1/sts/session-token";
            case 10 -> randomPath(r);
            default -> pick(r, "/ping", "/health", "/openapi.yml", "/health/liveness", "/", "/v1", "/v1/");
        };
        String query = r.nextInt(3) == 0 ? randomQuery(r) : "";
        String contentType = r.nextInt(4) == 0 ? pick(r, CONTENT_TYPES) : "application/json";
        byte[] body = method.equals("GET") && r.nextInt(4) > 0 ? new byte[0] : jsonBody(r);
        return signed(r, "rest " + method + " " + path + (query.isEmpty() ? "" : "?" + query), method, path, query,
                contentType, body, pickCredentials(r));
    }

    /** A Query-protocol request ({@code POST /}, or GET with the parameters in the query string). */
    private Fuzzed query(Random r) {
        Map<String, String> params = new TreeMap<>();
        params.put("Action", pick(r, ACTIONS));
        params.put("Version", pick(r, "2010-05-08", "2011-06-15", "", "1999-01-01"));
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            String name = pick(r, PARAMS);
            params.put(name, switch (name) {
                case "UserName" -> pick(r, userNames);
                case "AccessKeyId" -> pick(r, keyIds);
                case "Status" -> pick(r, "Active", "Inactive", "active", "", "Deleted");
                case "MaxItems" -> pick(r, "1", "0", "1001", "-1", "abc", "99999999999999999999", " 5");
                case "PolicyDocument", "AssumeRolePolicyDocument" -> new String(jsonBody(r), StandardCharsets.UTF_8);
                case "RoleName" -> pick(r, "fuzz-role", "FUZZ-ROLE", "x".repeat(65), "", "a b");
                case "MaxSessionDuration" -> pick(r, "3600", "43200", "3599", "43201", "-1", "1e4", "abc",
                        "99999999999999999999");
                case "PolicyArn", "PolicySourceArn" -> pick(r, "arn:aws:iam::123456789012:policy/p",
                        "arn:aws:iam::aws:policy/AdministratorAccess", "arn:", text(r, 40));
                default -> text(r, 30);
            });
        }
        String form = formEncode(r, params);
        if (r.nextInt(5) == 0) {
            return signed(r, "query GET ?" + abbreviate(form), "GET", "/", form, null, new byte[0], pickCredentials(r));
        }
        String contentType = r.nextInt(5) == 0 ? pick(r, CONTENT_TYPES) : "application/x-www-form-urlencoded; charset=utf-8";
        return signed(r, "query POST " + abbreviate(form), "POST", "/", "", contentType,
                form.getBytes(StandardCharsets.UTF_8), pickCredentials(r));
    }

    /** A well-formed request whose signature is forged or mangled. */
    private Fuzzed forged(Random r) {
        String path = r.nextBoolean() ? "/v1/caller-identity" : "/v1/users";
        int how = r.nextInt(12);
        SigningCredentials credentials = switch (how) {
            case 0 -> SigningCredentials.of(ROOT_ACCESS_KEY_ID, "wrong" + ROOT_SECRET.substring(5));
            case 1 -> SigningCredentials.of(pick(r, keyIds), ROOT_SECRET);
            case 2 -> SigningCredentials.of(word(r, 30), ROOT_SECRET);
            case 7 -> withToken(sessionCredentials, flipBit(r, sessionCredentials.sessionToken()));
            case 8 -> withToken(sessionCredentials, sessionCredentials.sessionToken()
                    .substring(0, r.nextInt(sessionCredentials.sessionToken().length())));
            case 9 -> withToken(sessionCredentials, otherSessionCredentials.sessionToken()); // replayed, other key ID
            case 10 -> withToken(userCredentials, sessionCredentials.sessionToken()); // a long-term key with a token
            case 11 -> withToken(sessionCredentials, word(r, 600));
            default -> rootCredentials;
        };
        List<Header> headers = new ArrayList<>();
        headers.add(Header.of("Host", host()));
        Instant time = how == 3 ? Instant.now().minus(Duration.ofMinutes(16 + r.nextInt(10000)))
                : how == 4 ? Instant.now().plus(Duration.ofMinutes(16 + r.nextInt(10000))) : Instant.now();
        List<Header> added = sign("GET", path, "", headers, new byte[0], credentials, time, r);
        List<Header> all = new ArrayList<>(headers);
        for (Header h : added) {
            String value = h.value();
            if ((how == 5 || how == 6) && h.name().equalsIgnoreCase("Authorization")) {
                value = mangle(r, value);
            }
            all.add(Header.of(h.name(), value));
        }
        if (how == 6 && r.nextBoolean()) {
            all.add(Header.of("Authorization", "AWS4-HMAC-SHA256 Credential=x/y/z/w/aws4_request"));
        }
        return request("forged(" + how + ") GET " + path, "GET", path, "", all, new byte[0], r);
    }

    private static SigningCredentials withToken(SigningCredentials c, String token) {
        return SigningCredentials.of(c.accessKeyId(), c.secretAccessKey(), token.isEmpty() ? "x" : token);
    }

    private static String flipBit(Random r, String token) {
        byte[] raw = java.util.Base64.getDecoder().decode(token);
        int bit = r.nextInt(raw.length * 8);
        raw[bit / 8] ^= (byte) (1 << (bit % 8));
        return java.util.Base64.getEncoder().encodeToString(raw);
    }

    private Fuzzed unsigned(Random r) {
        String method = pick(r, METHODS);
        String path = r.nextBoolean() ? randomPath(r) : pick(r, "/v1/users", "/", "/v1/caller-identity", "/ping");
        List<Header> headers = new ArrayList<>(List.of(Header.of("Host", host())));
        headers.addAll(randomHeaders(r));
        byte[] body = r.nextBoolean() ? jsonBody(r) : new byte[0];
        return request("unsigned " + method + " " + path, method, path, r.nextBoolean() ? randomQuery(r) : "", headers,
                body, r);
    }

    /** Unusual body framing: chunked (valid or not), wrong lengths, truncation, compression claims. */
    private Fuzzed framing(Random r) {
        byte[] body = jsonBody(r);
        String head = "POST /v1/users HTTP/1.1\r\nHost: " + host() + "\r\nContent-Type: application/json\r\n";
        int how = r.nextInt(7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean truncated = false;
        switch (how) {
            case 0 -> { // valid chunked, random chunk sizes
                write(out, head + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
                int at = 0;
                while (at < body.length) {
                    int n = Math.min(body.length - at, 1 + r.nextInt(16));
                    write(out, Integer.toHexString(n) + "\r\n");
                    out.write(body, at, n);
                    write(out, "\r\n");
                    at += n;
                }
                write(out, "0\r\n\r\n");
            }
            case 1 -> { // invalid chunk size
                write(out, head + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                        + pick(r, "zz", "-1", "ffffffffffffffff", "1;" + text(r, 5), "") + "\r\n");
                out.write(body, 0, body.length);
                write(out, "\r\n0\r\n\r\n");
            }
            case 2 -> { // a shorter body than announced, then the client stops sending
                write(out, head + "Content-Length: " + (body.length + 1 + r.nextInt(1000)) + "\r\n\r\n");
                out.write(body, 0, body.length);
                truncated = true;
            }
            case 3 -> { // both Content-Length and Transfer-Encoding
                write(out, head + "Content-Length: " + body.length + "\r\nTransfer-Encoding: chunked\r\n"
                        + "Connection: close\r\n\r\n");
                out.write(body, 0, body.length);
            }
            case 4 -> { // a body claimed to be compressed
                write(out, head + "Content-Encoding: " + pick(r, "gzip", "deflate", "br", "zstd", "snappy", "x")
                        + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n");
                out.write(body, 0, body.length);
            }
            case 5 -> { // cut anywhere in the head
                String full = head + "Content-Length: " + body.length + "\r\n\r\n";
                write(out, full.substring(0, r.nextInt(full.length())));
                truncated = true;
            }
            default -> { // Expect: 100-continue, then the body (or not)
                write(out, head + "Expect: " + pick(r, "100-continue", "200-ok", "") + "\r\nContent-Length: "
                        + body.length + "\r\nConnection: close\r\n\r\n");
                if (r.nextBoolean()) {
                    out.write(body, 0, body.length);
                } else {
                    truncated = true;
                }
            }
        }
        return new Fuzzed("framing(" + how + ")", out.toByteArray(), truncated, false);
    }

    /** Bytes that are barely (or not) HTTP. */
    private Fuzzed malformedHttp(Random r) {
        int how = r.nextInt(9);
        String text = switch (how) {
            case 0 -> text(r, 200) + "\r\n\r\n";
            case 1 -> pick(r, "GET", "get", "G\u00c9T", "BREW", "") + " /ping " + pick(r, "HTTP/1.1", "HTTP/1.0",
                    "HTTP/2.0", "HTTP/9.9", "http/1.1", "", "HTTP/1.1 extra") + "\r\nHost: x\r\nConnection: close\r\n\r\n";
            case 2 -> "GET /ping HTTP/1.1\r\nHost: x\r\n" + text(r, 40) + "\r\nConnection: close\r\n\r\n";
            case 3 -> "GET /ping HTTP/1.1\nHost: x\nConnection: close\n\n";
            case 4 -> "GET /ping HTTP/1.1\r\nHost: x\r\nX-Folded: a\r\n b\r\nConnection: close\r\n\r\n";
            case 5 -> "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";
            case 6 -> "GET /ping HTTP/1.1\r\n" + pick(r, "", "Host: x\r\nHost: y\r\n", "Host: " + "h".repeat(5000)
                    + "\r\n") + "Connection: close\r\n\r\n";
            case 7 -> "GET " + randomPath(r) + "\u0000 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
            default -> "GET /ping HTTP/1.1\r\nHost: x\r\nX-Bytes: " + text(r, 60) + "\r\nConnection: close\r\n\r\n";
        };
        return new Fuzzed("malformed(" + how + ")", text.getBytes(StandardCharsets.ISO_8859_1), false, false);
    }

    /** Oversized heads and bodies. */
    private Fuzzed huge(Random r) {
        int how = r.nextInt(4);
        return switch (how) {
            case 0 -> request("huge header", "GET", "/v1/caller-identity", "",
                    List.of(Header.of("Host", host()), Header.of("X-Big", "b".repeat(9000 + r.nextInt(20000)))),
                    new byte[0], r);
            case 1 -> request("huge request line", "GET", "/v1/users/" + "u".repeat(9000), "",
                    List.of(Header.of("Host", host())), new byte[0], r);
            case 2 -> {
                byte[] body = new byte[1_048_576 + 1 + r.nextInt(100_000)];
                java.util.Arrays.fill(body, (byte) 'a');
                yield signed(r, "huge body", "POST", "/", "", "application/x-www-form-urlencoded", body, rootCredentials);
            }
            default -> {
                StringBuilder deep = new StringBuilder();
                int depth = 2000 + r.nextInt(20000);
                deep.append("[".repeat(depth)).append("]".repeat(depth));
                yield signed(r, "deeply nested JSON", "POST", "/v1/users", "", "application/json",
                        deep.toString().getBytes(StandardCharsets.UTF_8), rootCredentials);
            }
        };
    }

    /** A presigned URL (signature in the query), valid or mangled, with or without a header signature too. */
    private Fuzzed presigned(Random r) {
        String path = pick(r, "/v1/caller-identity", "/v1/users", "/v1/users/~/access-keys", "/v1/users/me/access-keys", "/");
        String query = path.equals("/") ? "Action=GetCallerIdentity&Version=2011-06-15" : "";
        SignableRequest base = new SignableRequest("GET", path, query, List.of(Header.of("Host", host())), new byte[0]);
        String signedQuery = SigV4Signer.create().presign(base, pickCredentials(r), "us-east-1", "iam",
                Instant.now(), Duration.ofSeconds(1 + r.nextInt(600)), SignOptions.defaults()).signedRequest().rawQuery();
        if (r.nextBoolean()) {
            signedQuery = mangle(r, signedQuery);
        }
        List<Header> headers = new ArrayList<>(List.of(Header.of("Host", host())));
        if (r.nextInt(4) == 0) {
            headers.add(Header.of("Authorization", "AWS4-HMAC-SHA256 Credential=" + ROOT_ACCESS_KEY_ID
                    + "/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=00"));
        }
        return request("presigned GET " + path + "?" + abbreviate(signedQuery), "GET", path, signedQuery, headers,
                new byte[0], r);
    }

    // ---------------------------------------------------------------- building requests

    private Fuzzed signed(Random r, String description, String method, String path, String query, String contentType,
                          byte[] body, SigningCredentials credentials) {
        List<Header> headers = new ArrayList<>();
        headers.add(Header.of("Host", host()));
        if (contentType != null) {
            headers.add(Header.of("Content-Type", contentType));
        }
        if (r.nextInt(4) == 0) {
            headers.addAll(randomHeaders(r));
        }
        List<Header> all = new ArrayList<>(headers);
        try {
            all.addAll(sign(method, path, query, headers, body, credentials, Instant.now(), r));
        } catch (RuntimeException e) {
            // the signer refuses some garbage (e.g. a path it cannot canonicalise): send it unsigned
            description += " (unsigned: " + e.getClass().getSimpleName() + ")";
        }
        return request(description, method, path, query, all, body, r);
    }

    private static List<Header> sign(String method, String path, String query, List<Header> headers, byte[] body,
                                     SigningCredentials credentials, Instant time, Random r) {
        SignOptions options = SignOptions.defaults().withAddContentSha256Header(r.nextInt(4) == 0);
        return SigV4Signer.create().sign(new SignableRequest(method, path, query, headers, body), credentials,
                pick(r, "us-east-1", "us-east-1", "eu-west-1", "aws-global", "x"), pick(r, "iam", "iam", "sts", "s3"),
                time, options).headersToAdd();
    }

    /** A complete request (Content-Length framing, {@code Connection: close}): an answer must come. */
    private Fuzzed request(String description, String method, String path, String query, List<Header> headers,
                           byte[] body, Random r) {
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(path).append(query.isEmpty() ? "" : "?" + query).append(" HTTP/1.1\r\n");
        for (Header h : headers) {
            head.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        if (body.length > 0 || !method.equals("GET") && r.nextBoolean()) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, head.toString());
        out.write(body, 0, body.length);
        // a request whose head is within the limits, whose text survives as Latin-1 and whose framing is plain
        // Content-Length must be answered (a random Transfer-Encoding, say, leaves the server waiting for chunks)
        boolean framingChanged = headers.stream().anyMatch(h -> FRAMING.contains(h.name().toLowerCase()));
        boolean wellFormed = head.length() < 8000 && isLatin1(head) && !framingChanged;
        return new Fuzzed(description + (framingChanged ? " with " + headers.stream().map(Header::name)
                .filter(n -> FRAMING.contains(n.toLowerCase())).toList() : ""), out.toByteArray(), false, wellFormed);
    }

    private SigningCredentials pickCredentials(Random r) {
        int n = r.nextInt(8);
        return n == 0 ? sessionCredentials : n <= 2 ? userCredentials : rootCredentials;
    }

    private List<Header> randomHeaders(Random r) {
        List<Header> out = new ArrayList<>();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            String name = pick(r, "X-Amz-Date", "Authorization", "X-Amz-Security-Token", "x-amz-content-sha256",
                    "Date", "Content-Encoding", "Accept", "Accept-Encoding", "Accept-Charset", "Origin",
                    "Transfer-Encoding", "Upgrade", "Forwarded", "X-Forwarded-For", "Cookie", "Range", "If-Match",
                    "X-" + word(r, 8));
            String value = switch (r.nextInt(4)) {
                case 0 -> text(r, 40);
                case 1 -> pick(r, "", " ", "gzip", "chunked", "h2c", "*/*", "application/xml", "20260101T000000Z",
                        "UNSIGNED-PAYLOAD", "Sun, 30 Aug 2015 12:36:00 GMT", "bytes=0-1", "websocket");
                default -> word(r, 20);
            };
            out.add(Header.of(name, value.replace("\r", "").replace("\n", "")));
        }
        return out;
    }

    private String randomPath(Random r) {
        StringBuilder path = new StringBuilder();
        int segments = 1 + r.nextInt(5);
        for (int i = 0; i < segments; i++) {
            path.append('/').append(switch (r.nextInt(6)) {
                case 0 -> pick(r, "..", ".", "", "%2e%2e", "%2F", "v1", "users", "health", "ping", "%00", "%", "%zz");
                case 1 -> percentEncode(text(r, 10));
                default -> word(r, 10);
            });
        }
        return path.toString();
    }

    private String randomQuery(Random r) {
        StringBuilder q = new StringBuilder();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                q.append(r.nextInt(8) == 0 ? ";" : "&");
            }
            q.append(pick(r, "maxItems", "marker", "pathPrefix", "Action", "X-Amz-Signature", "X-Amz-Credential",
                    "X-Amz-Algorithm", "X-Amz-Date", "X-Amz-Expires", word(r, 6)));
            if (r.nextInt(6) > 0) {
                q.append('=').append(switch (r.nextInt(5)) {
                    case 0 -> pick(r, "1", "0", "1001", "-5", "abc", "%", "%zz", "%e2%82", "a+b", "kw1:zzz");
                    case 1 -> percentEncode(text(r, 20));
                    default -> word(r, 12);
                });
            }
        }
        return q.toString();
    }

    private static String pathSegment(Random r, String value) {
        return r.nextInt(4) == 0 ? value : percentEncode(value);
    }

    private byte[] jsonBody(Random r) {
        String json = switch (r.nextInt(8)) {
            case 0 -> "{\"userName\":\"" + pick(r, userNames) + "\"}";
            case 1 -> "{\"userName\":" + pick(r, "5", "null", "true", "[]", "{}", "\"\"", "\"" + text(r, 20)
                    .replace("\\", "").replace("\"", "") + "\"") + ",\"path\":" + pick(r, "\"/\"", "\"/a/\"", "5",
                    "\"no\"", "null") + "}";
            case 2 -> "{\"status\":\"" + pick(r, "Active", "Inactive", "x", "") + "\"}";
            case 3 -> randomJson(r, 0);
            case 4 -> text(r, 100);
            case 5 -> "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"" + pick(r, "Allow", "Deny", "x")
                    + "\",\"Action\":" + pick(r, "\"*\"", "\"iam:*\"", "[]", "5") + ",\"Resource\":\"*\"" + (r.nextBoolean()
                    ? ",\"Condition\":{\"" + pick(r, "StringEquals", "IpAddress", "DateLessThan", "Bogus")
                    + "\":{\"aws:" + word(r, 8) + "\":\"" + word(r, 8) + "\"}}" : "") + "}]}";
            case 6 -> "";
            default -> "{\"userName\":\"" + "n".repeat(r.nextInt(200)) + "\", \"extra\": " + randomJson(r, 0) + "}";
        };
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String randomJson(Random r, int depth) {
        if (depth > 4) {
            return "1";
        }
        return switch (r.nextInt(7)) {
            case 0 -> "null";
            case 1 -> pick(r, "0", "-1", "1e999", "12345678901234567890123", "0.1", "-0", "NaN");
            case 2 -> "\"" + word(r, 10) + "\"";
            case 3 -> pick(r, "true", "false");
            case 4 -> {
                StringBuilder a = new StringBuilder("[");
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    a.append(i > 0 ? "," : "").append(randomJson(r, depth + 1));
                }
                yield a.append(r.nextInt(10) == 0 ? "" : "]").toString();
            }
            default -> {
                StringBuilder o = new StringBuilder("{");
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    o.append(i > 0 ? "," : "").append('"').append(word(r, 6)).append("\":").append(randomJson(r, depth + 1));
                }
                yield o.append(r.nextInt(10) == 0 ? "" : "}").toString();
            }
        };
    }

    private static String formEncode(Random r, Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(e.getKey()).append('=');
            out.append(switch (r.nextInt(6)) {
                case 0 -> e.getValue(); // raw, possibly with '&', '=', '%' and non-ASCII
                case 1 -> e.getValue().replace("%", "%zz");
                default -> URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8);
            });
        }
        if (r.nextInt(10) == 0) {
            out.append(pick(r, "&", "&&", "&=", "&a", "&%", "&Action=ListUsers"));
        }
        return out.toString();
    }

    /** Random text: ASCII, controls, JSON punctuation and some non-ASCII, never a leak marker by accident. */
    private static String text(Random r, int max) {
        int n = r.nextInt(max + 1);
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append(switch (r.nextInt(8)) {
                case 0 -> (char) r.nextInt(0x20);
                case 1 -> PUNCTUATION.charAt(r.nextInt(PUNCTUATION.length()));
                case 2 -> (char) r.nextInt(0x80, 0x100);
                case 3 -> (char) r.nextInt(0x100, 0x3000);
                default -> (char) r.nextInt(0x21, 0x7F);
            });
        }
        return out.toString();
    }

    private static String word(Random r, int max) {
        int n = 1 + r.nextInt(max);
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append(WORD.charAt(r.nextInt(WORD.length())));
        }
        return out.toString();
    }

    private static String mangle(Random r, String value) {
        StringBuilder s = new StringBuilder(value);
        int edits = 1 + r.nextInt(3);
        for (int i = 0; i < edits && s.length() > 0; i++) {
            int at = r.nextInt(s.length());
            switch (r.nextInt(4)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, pick(r, ",", "=", "/", " ", ";", "%", "&", "a"));
                case 2 -> s.setCharAt(at, (char) r.nextInt(0x21, 0x7F));
                default -> s.setLength(at);
            }
        }
        return s.toString();
    }

    private static String percentEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static boolean isLatin1(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xFF || (c < 0x20 && c != '\r' && c != '\n' && c != '\t') || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... choices) {
        return choices[r.nextInt(choices.length)];
    }

    private static <T> T pick(Random r, List<T> choices) {
        return choices.get(r.nextInt(choices.size()));
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }

    private String host() {
        return "127.0.0.1:" + server.getPort();
    }

    // ---------------------------------------------------------------- sending

    /** Sends the bytes on a fresh connection and returns everything the server sends back until it closes. */
    private String send(Fuzzed fuzzed) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.getPort()), 5000);
            socket.setSoTimeout(fuzzed.truncated ? 5_000 : 15_000);
            try {
                OutputStream out = socket.getOutputStream();
                out.write(fuzzed.bytes);
                out.flush();
                if (fuzzed.truncated) {
                    socket.shutdownOutput();
                }
            } catch (SocketException e) {
                // the server answered (e.g. 413) and closed before everything was written: read its answer
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[16384];
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                if (!fuzzed.truncated) {
                    throw new AssertionError("no end of answer within 15 s: " + fuzzed.description + "\n"
                            + answer.toString(StandardCharsets.ISO_8859_1));
                }
            } catch (SocketException e) {
                // reset after (or instead of) an answer
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** Collects what is logged at ERROR, and Micronaut's and Netty's warnings, while attached. */
    private static final class ErrorLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {
        private final List<String> lines = new ArrayList<>();

        static ErrorLog attach() {
            ErrorLog log = new ErrorLog();
            Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            log.setContext(root.getLoggerContext());
            log.start();
            root.addAppender(log);
            return log;
        }

        @Override
        protected synchronized void append(ILoggingEvent event) {
            // errors, and the HTTP stack's warnings (e.g. "Failed to build error response")
            if (event.getLevel().isGreaterOrEqual(Level.ERROR) || event.getLevel().isGreaterOrEqual(Level.WARN)
                    && (event.getLoggerName().startsWith("io.micronaut") || event.getLoggerName().startsWith("io.netty"))) {
                lines.add(event.getLoggerName() + " " + event.getFormattedMessage()
                        + (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getClassName()
                        + ": " + event.getThrowableProxy().getMessage()));
            }
        }

        synchronized List<String> lines() {
            return List.copyOf(lines);
        }

        @Override
        public void close() {
            ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(this);
            stop();
        }
    }
}
