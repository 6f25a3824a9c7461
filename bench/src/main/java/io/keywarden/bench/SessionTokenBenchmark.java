package io.keywarden.bench;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.identity.User;
import io.keywarden.core.identity.UserName;
import io.keywarden.core.identity.UserPath;
import io.keywarden.core.session.SessionKind;
import io.keywarden.core.session.SessionTokens;
import io.keywarden.core.session.TokenKeys;
import io.keywarden.core.sigv4.Header;
import io.keywarden.core.sigv4.ResolvedSecret;
import io.keywarden.core.sigv4.SigV4Signer;
import io.keywarden.core.sigv4.SigV4Verifier;
import io.keywarden.core.sigv4.SignOptions;
import io.keywarden.core.sigv4.SignableRequest;
import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.core.sigv4.SigningKeyCache;
import io.keywarden.core.sigv4.VerifiedRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What authenticating a request signed with temporary credentials costs beyond a long-term key's: opening the session
 * token (base64, AES-256-GCM with its tag, the binary claims) and then the SigV4 verification with the session's
 * secret, as {@code RequestAuthenticator} does it, all in memory.
 *
 * <ul>
 *   <li>{@code openToken}: the token alone;</li>
 *   <li>{@code openAndVerifyWarm}: token then signature of a REST GET signed like the Java SDK signs, the signing key
 *       cached (the steady state of a session in use);</li>
 *   <li>{@code openAndVerifyCold}: the same with the signing key derived every time (a session's first request).</li>
 * </ul>
 * Compare with {@link SigV4VerificationBenchmark#restGetWarm} (the same request with an AKIA key).
 *
 * <pre>
 * bench/run.sh SessionToken
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SessionTokenBenchmark {
    static final Instant NOW = Instant.parse("2026-11-29T15:25:00Z");
    private static final AccountId ACCOUNT = new AccountId("123456789012");

    private SessionTokens tokens;
    private SigningKeyCache cache;
    private SigV4Verifier verifier;
    private String accessKeyId;
    private String token;
    private SignableRequest restGet;

    @Setup
    public void setUp() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        tokens = new SessionTokens(ACCOUNT, TokenKeys.of("k1", key), clock, new SecureRandom());
        User alice = new User(ACCOUNT, "AIDAQYLPMN5HEXAMPLE1", UserName.of("alice"), UserPath.of("/eng/"),
                Instant.parse("2026-01-01T00:00:00Z"));
        SessionTokens.Issued issued = tokens.issue(SessionKind.SESSION_TOKEN, Principal.user(alice),
                Duration.ofHours(12), null, null, List.of(), alice.arn(), null);
        accessKeyId = issued.session().accessKeyId();
        token = issued.token().reveal();
        restGet = SigV4Signer.create().sign(SignableRequest.of("GET", "/v1/users/~/access-keys", "maxItems=100",
                        List.of(Header.of("Host", "127.0.0.1:8080"),
                                Header.of("amz-sdk-invocation-id", "3f1c0c1e-3d6b-4c3f-9a52-6f7f1b2a9d10"),
                                Header.of("amz-sdk-request", "attempt=1; max=4"),
                                Header.of("User-Agent", "keywarden-sdk/0.1.0 Java/17.0.15"),
                                Header.of("Accept", "application/json"))),
                SigningCredentials.of(accessKeyId, issued.secret().reveal(), token), "us-east-1", "iam", NOW,
                SignOptions.defaults()).signedRequest();
        cache = SigningKeyCache.create();
        verifier = SigV4Verifier.create(clock, cache);
        openAndVerifyWarm(); // fail at set-up, not with a misleading figure, if the request does not verify
    }

    @Benchmark
    public SessionTokens.Opened openToken() {
        return tokens.open(accessKeyId, token);
    }

    @Benchmark
    public VerifiedRequest<SessionTokens.Opened> openAndVerifyWarm() {
        SigV4Verifier.Claimed claimed = verifier.claim(restGet);
        SessionTokens.Opened opened = tokens.open(claimed.accessKeyId(), claimed.sessionToken());
        return verifier.verify(claimed, Optional.of(ResolvedSecret.of(opened.secret().reveal(), opened)));
    }

    @Benchmark
    public VerifiedRequest<SessionTokens.Opened> openAndVerifyCold() {
        cache.invalidateAll();
        return openAndVerifyWarm();
    }
}
