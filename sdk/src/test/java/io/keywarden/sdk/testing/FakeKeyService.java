package io.keywarden.sdk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.sigv4.ResolvedSecret;
import io.keywarden.core.sigv4.SigV4Verifier;
import io.keywarden.core.sigv4.SignableRequest;
import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.core.sigv4.SigningKeyCache;
import io.keywarden.core.sigv4.VerifiedRequest;
import io.keywarden.sdk.testing.StubServer.Answer;
import io.keywarden.sdk.testing.StubServer.Recorded;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An in-memory Keywarden behind a {@link StubServer}: users, access keys (at most {@link #maxKeysPerUser} per
 * user, secret returned once), Active/Inactive, last-used recorded on every authenticated request (date from the
 * given clock, service and region from the SigV4 scope), real SigV4 verification with core's verifier. The root key
 * may do anything; a user may manage its own keys only. Every change to keys is logged and followed by the
 * registered checks, so tests can assert invariants at every moment.
 */
public final class FakeKeyService implements Function<Recorded, Answer> {
    public static final String ACCOUNT = "123456789012";
    public static final SigningCredentials ROOT = SigningCredentials.of("AKIAROOTROOTROOTROOT",
            "rootSecretrootSecretrootSecretrootSecret");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A key as the fake holds it. */
    public static final class Key {
        public final String id;
        final String secret;
        public final String user; // null for root
        public volatile KeyStatus status = KeyStatus.ACTIVE;
        public final Instant created;
        public volatile Instant lastUsed;
        public volatile String lastService = "N/A";
        public volatile String lastRegion = "N/A";

        Key(String id, String secret, String user, Instant created) {
            this.id = id;
            this.secret = secret;
            this.user = user;
            this.created = created;
        }

        public SigningCredentials credentials() {
            return SigningCredentials.of(id, secret);
        }

        @Override
        public String toString() {
            return id + "(" + status.wireName() + ")";
        }
    }

    private final Clock clock;
    private final Random random;
    private final Map<String, Instant> users = new LinkedHashMap<>();
    private final Map<String, Key> keys = new LinkedHashMap<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<Consumer<FakeKeyService>> checks = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private volatile int maxKeysPerUser = 2;
    private volatile Function<Recorded, Answer> interceptor = r -> null;

    public FakeKeyService(Clock clock, long seed) {
        this.clock = clock;
        this.random = new Random(seed);
        keys.put(ROOT.accessKeyId(), new Key(ROOT.accessKeyId(), ROOT.secretAccessKey(), null, clock.instant()));
    }

    /** Starts a stub server answering with this fake. */
    public StubServer serve() {
        return StubServer.start().otherwise(this);
    }

    // ---- set-up and inspection -------------------------------------------------------------------------------------

    public synchronized void createUser(String name) {
        users.putIfAbsent(name, clock.instant());
    }

    /** A new Active key for {@code user} (created directly, not through the API). */
    public synchronized SigningCredentials addKey(String user) {
        createUser(user);
        return newKey(user).credentials();
    }

    public synchronized void setStatus(String keyId, KeyStatus status) {
        keys.get(keyId).status = status;
    }

    public synchronized List<Key> keysOf(String user) {
        return keys.values().stream().filter(k -> user.equals(k.user)).toList();
    }

    public synchronized Optional<Key> key(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    public List<String> log() {
        return List.copyOf(log);
    }

    /** Runs after every change to keys; a check that throws is recorded in {@link #violations()}. */
    public void afterEveryChange(Consumer<FakeKeyService> check) {
        checks.add(check);
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    public void clearViolations() {
        violations.clear();
    }

    public void maxKeysPerUser(int max) {
        this.maxKeysPerUser = max;
    }

    /** Answers instead of the fake when it returns non-null (after authentication). */
    public void intercept(Function<Recorded, Answer> interceptor) {
        this.interceptor = interceptor;
    }

    // ---- the API ---------------------------------------------------------------------------------------------------

    @Override
    public Answer apply(Recorded r) {
        Key caller;
        VerifiedRequest<Key> verified;
        try {
            verified = verify(r);
            caller = verified.attachment();
        } catch (KeywardenException e) {
            return error(e.errorCode(), e.getMessage());
        }
        synchronized (this) {
            caller.lastUsed = clock.instant();
            caller.lastService = verified.scope().service();
            caller.lastRegion = verified.scope().region();
        }
        Answer intercepted = interceptor.apply(r);
        if (intercepted != null) {
            return intercepted;
        }
        try {
            return route(r, caller);
        } catch (KeywardenException e) {
            return error(e.errorCode(), e.getMessage());
        }
    }

    private VerifiedRequest<Key> verify(Recorded r) {
        String amzDate = r.header("X-Amz-Date").orElseThrow(
                () -> new KeywardenException(ErrorCode.MISSING_AUTHENTICATION_TOKEN, "no date"));
        Instant signedAt = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        SigV4Verifier verifier = SigV4Verifier.create(Clock.fixed(signedAt, ZoneOffset.UTC), SigningKeyCache.create());
        return verifier.verify(new SignableRequest(r.method(), r.rawPath(), r.rawQuery(), r.headers(), r.body()),
                (keyId, token) -> {
                    synchronized (this) {
                        Key key = keys.get(keyId);
                        return key == null || key.status != KeyStatus.ACTIVE ? Optional.empty()
                                : Optional.of(ResolvedSecret.of(key.secret, key));
                    }
                });
    }

    private synchronized Answer route(Recorded r, Key caller) {
        List<String> path = Arrays.stream(r.rawPath().split("/")).filter(s -> !s.isEmpty())
                .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8)).toList();
        String method = r.method();
        if (path.size() < 2 || !path.get(0).equals("v1")) {
            throw new KeywardenException(ErrorCode.NOT_FOUND, "no route " + r.rawPath());
        }
        if (path.equals(List.of("v1", "caller-identity"))) {
            return ok(200, callerIdentity(caller));
        }
        if (path.get(1).equals("users")) {
            if (path.size() == 2 && method.equals("GET")) {
                requireRoot(caller);
                ArrayNode list = JSON.createArrayNode();
                users.keySet().forEach(u -> list.add(userJson(u)));
                ObjectNode page = JSON.createObjectNode();
                page.set("users", list);
                page.put("isTruncated", false);
                return ok(200, page);
            }
            if (path.size() == 2 && method.equals("POST")) {
                requireRoot(caller);
                String name = body(r).path("userName").asText();
                if (users.containsKey(name)) {
                    throw new KeywardenException(ErrorCode.ENTITY_ALREADY_EXISTS, "user " + name + " exists");
                }
                users.put(name, clock.instant());
                log.add("CreateUser " + name);
                return ok(201, userJson(name));
            }
            String user = target(caller, path.get(2));
            if (path.size() == 3) {
                requireUser(user);
                if (method.equals("GET")) {
                    return ok(200, userJson(user));
                }
                if (method.equals("DELETE")) {
                    requireRoot(caller);
                    if (!keysOf(user).isEmpty()) {
                        throw new KeywardenException(ErrorCode.DELETE_CONFLICT, "user has keys");
                    }
                    users.remove(user);
                    log.add("DeleteUser " + user);
                    return new Answer(204, Map.of(), "", Duration.ZERO);
                }
            }
            if (path.size() >= 4 && path.get(3).equals("access-keys")) {
                requireAllowed(caller, user);
                requireUser(user);
                if (path.size() == 4 && method.equals("POST")) {
                    if (keysOf(user).size() >= maxKeysPerUser) {
                        throw new KeywardenException(ErrorCode.LIMIT_EXCEEDED, "Cannot exceed quota for"
                                + " AccessKeysPerUser: " + maxKeysPerUser);
                    }
                    Key key = newKey(user);
                    log.add("CreateAccessKey " + user + " " + key.id);
                    changed();
                    ObjectNode json = keyJson(key);
                    json.put("secretAccessKey", key.secret);
                    return ok(201, json);
                }
                if (path.size() == 4 && method.equals("GET")) {
                    ArrayNode list = JSON.createArrayNode();
                    keysOf(user).forEach(k -> list.add(keyJson(k)));
                    ObjectNode page = JSON.createObjectNode();
                    page.set("accessKeys", list);
                    page.put("isTruncated", false);
                    return ok(200, page);
                }
                if (path.size() == 5) {
                    Key key = keys.get(path.get(4));
                    if (key == null || !user.equals(key.user)) {
                        throw new KeywardenException(ErrorCode.NO_SUCH_ENTITY, "The Access Key with id "
                                + path.get(4) + " cannot be found.");
                    }
                    if (method.equals("PATCH")) {
                        KeyStatus status = KeyStatus.parse(body(r).path("status").asText());
                        key.status = status;
                        log.add("UpdateAccessKey " + user + " " + key.id + " " + status.wireName());
                        changed();
                        return ok(200, keyJson(key));
                    }
                    if (method.equals("DELETE")) {
                        keys.remove(key.id);
                        log.add("DeleteAccessKey " + user + " " + key.id);
                        changed();
                        return new Answer(204, Map.of(), "", Duration.ZERO);
                    }
                }
            }
        }
        if (path.get(1).equals("access-keys") && path.size() == 4) {
            String id = path.get(2);
            Key key = keys.get(id);
            switch (path.get(3)) {
                case "info" -> {
                    return ok(200, JSON.createObjectNode().put("account", ACCOUNT));
                }
                case "last-used" -> {
                    if (key == null) {
                        throw new KeywardenException(ErrorCode.ACCESS_DENIED, "not authorized");
                    }
                    if (key.user == null) {
                        requireRoot(caller);
                    } else {
                        requireAllowed(caller, key.user);
                    }
                    ObjectNode json = JSON.createObjectNode();
                    if (key.user != null) {
                        json.put("userName", key.user);
                    }
                    ObjectNode used = json.putObject("accessKeyLastUsed");
                    if (key.lastUsed != null) {
                        used.put("lastUsedDate", key.lastUsed.toString());
                    }
                    used.put("serviceName", key.lastService);
                    used.put("region", key.lastRegion);
                    return ok(200, json);
                }
                case "owner" -> {
                    requireRoot(caller);
                    if (key == null) {
                        throw new KeywardenException(ErrorCode.NO_SUCH_ENTITY, "no key " + id);
                    }
                    ObjectNode json = JSON.createObjectNode();
                    json.put("account", ACCOUNT);
                    json.put("arn", key.user == null ? "arn:aws:iam::" + ACCOUNT + ":root"
                            : "arn:aws:iam::" + ACCOUNT + ":user/" + key.user);
                    if (key.user != null) {
                        json.put("userName", key.user);
                    }
                    json.put("userId", key.user == null ? ACCOUNT : userId(key.user));
                    json.set("accessKey", keyJson(key));
                    return ok(200, json);
                }
                default -> {
                }
            }
        }
        throw new KeywardenException(ErrorCode.NOT_FOUND, "no route " + method + " " + r.rawPath());
    }

    private void changed() {
        for (Consumer<FakeKeyService> check : checks) {
            try {
                check.accept(this);
            } catch (AssertionError | RuntimeException e) {
                violations.add(log.get(log.size() - 1) + ": " + e.getMessage());
            }
        }
    }

    private Key newKey(String user) {
        StringBuilder id = new StringBuilder("AKIA");
        for (int i = 0; i < 16; i++) {
            id.append(BASE32.charAt(random.nextInt(32)));
        }
        StringBuilder secret = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            secret.append(SECRET_CHARS.charAt(random.nextInt(SECRET_CHARS.length())));
        }
        Key key = new Key(id.toString(), secret.toString(), user, clock.instant());
        keys.put(key.id, key);
        return key;
    }

    private String target(Key caller, String user) {
        if (user.equals("~")) {
            return caller.user == null ? "(root)" : caller.user;
        }
        return user;
    }

    private void requireUser(String user) {
        if (!users.containsKey(user)) {
            throw new KeywardenException(ErrorCode.NO_SUCH_ENTITY, "The user with name " + user + " cannot be found.");
        }
    }

    private static void requireRoot(Key caller) {
        if (caller.user != null) {
            throw new KeywardenException(ErrorCode.ACCESS_DENIED, "only root may do that");
        }
    }

    private static void requireAllowed(Key caller, String user) {
        if (caller.user != null && !caller.user.equals(user)) {
            throw new KeywardenException(ErrorCode.ACCESS_DENIED, "User " + caller.user + " may not manage " + user);
        }
    }

    private ObjectNode callerIdentity(Key caller) {
        ObjectNode json = JSON.createObjectNode();
        json.put("account", ACCOUNT);
        json.put("userId", caller.user == null ? ACCOUNT : userId(caller.user));
        json.put("arn", caller.user == null ? "arn:aws:iam::" + ACCOUNT + ":root"
                : "arn:aws:iam::" + ACCOUNT + ":user/" + caller.user);
        return json;
    }

    private ObjectNode userJson(String name) {
        ObjectNode json = JSON.createObjectNode();
        json.put("userName", name);
        json.put("userId", userId(name));
        json.put("arn", "arn:aws:iam::" + ACCOUNT + ":user/" + name);
        json.put("path", "/");
        json.put("createDate", users.getOrDefault(name, clock.instant()).toString());
        keysOf(name).stream().filter(k -> k.status == KeyStatus.ACTIVE).map(k -> k.created).min(Instant::compareTo)
                .ifPresent(oldest -> json.put("keyAgeDays", Duration.between(oldest, clock.instant()).toDays()));
        return json;
    }

    private static String userId(String name) {
        return "AIDA" + (name.toUpperCase(Locale.ROOT) + "XXXXXXXXXXXXXXXXX").substring(0, 17);
    }

    private static ObjectNode keyJson(Key key) {
        ObjectNode json = JSON.createObjectNode();
        json.put("accessKeyId", key.id);
        json.put("status", key.status.wireName());
        json.put("createDate", key.created.toString());
        if (key.user != null) {
            json.put("userName", key.user);
        }
        return json;
    }

    private static JsonNode body(Recorded r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new KeywardenException(ErrorCode.VALIDATION_ERROR, "bad body");
        }
    }

    private static Answer ok(int status, JsonNode json) {
        return Answer.json(status, json.toString());
    }

    private static Answer error(ErrorCode code, String message) {
        return Answer.json(code.httpStatus(), JSON.createObjectNode().put("code", code.code())
                .put("message", message).put("requestId", "fake").toString());
    }

    @Override
    public synchronized String toString() {
        return "FakeKeyService" + keys.values();
    }
}
