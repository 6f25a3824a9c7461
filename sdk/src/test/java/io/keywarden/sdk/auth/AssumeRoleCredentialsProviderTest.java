package io.keywarden.sdk.auth;

import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.exception.CredentialsException;
import io.keywarden.sdk.model.AssumeRoleRequest;
import io.keywarden.sdk.testing.MutableClock;
import io.keywarden.sdk.testing.SignatureCheck;
import io.keywarden.sdk.testing.StubServer;
import io.keywarden.sdk.testing.StubServer.Answer;
import io.keywarden.sdk.testing.StubServer.Recorded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

import static io.keywarden.sdk.testing.Fixtures.CREDENTIALS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The provider's refreshing, with a clock the test moves: a stand-in server issues a new session (a new key ID) for
 * each AssumeRole, expiring a set time after the clock's now; the test knows every key's expiry.
 */
class AssumeRoleCredentialsProviderTest {
    private static final String ROLE_ARN = "arn:aws:iam::123456789012:role/deployer";
    private static final String SECRET = "tempSecretKeyOfFortyCharactersXXXXXXXXXX";
    private static final AssumeRoleRequest REQUEST = AssumeRoleRequest.builder().roleArn(ROLE_ARN)
            .roleSessionName("build-4711").build();

    private final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
    private final AtomicInteger issued = new AtomicInteger();
    private final Map<String, Instant> expiryOf = new ConcurrentHashMap<>();
    private volatile Duration sessionLength = Duration.ofHours(1);
    private volatile Duration answerDelay = Duration.ZERO;
    private volatile boolean failing;
    private StubServer stub;
    private KeywardenClient client;

    @BeforeEach
    void start() {
        stub = StubServer.start().otherwise(this::answer);
        client = KeywardenClient.builder().endpoint(stub.uri())
                .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS)).maxRetries(0).build();
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    private Answer answer(Recorded request) {
        if (!request.rawPath().equals("/v1/sts/assume-role")) {
            return Answer.ok("{\"account\":\"123456789012\",\"userId\":\"AROAQ2KWSD3J5ABCDEFGH:build-4711\","
                    + "\"arn\":\"arn:aws:sts::123456789012:assumed-role/deployer/build-4711\"}");
        }
        if (failing) {
            return Answer.error(503, "ServiceUnavailable", "down for maintenance", "r-fail").after(answerDelay);
        }
        String keyId = String.format("ASIAQ2KWSD3J5TMP%04d", issued.incrementAndGet());
        Instant expiration = clock.instant().plus(sessionLength);
        expiryOf.put(keyId, expiration);
        return Answer.ok("{\"credentials\":{\"accessKeyId\":\"" + keyId + "\",\"secretAccessKey\":\"" + SECRET
                + "\",\"sessionToken\":\"token-" + keyId + "\",\"expiration\":\"" + expiration + "\"},"
                + "\"assumedRoleUser\":{\"assumedRoleId\":\"AROAQ2KWSD3J5ABCDEFGH:build-4711\",\"arn\":"
                + "\"arn:aws:sts::123456789012:assumed-role/deployer/build-4711\"},\"packedPolicySize\":0}")
                .after(answerDelay);
    }

    private AssumeRoleCredentialsProvider.Builder provider() {
        return AssumeRoleCredentialsProvider.builder().client(client).request(REQUEST).clock(clock);
    }

    private long assumeRoleCalls() {
        return stub.requests().stream().filter(r -> r.rawPath().equals("/v1/sts/assume-role")).count();
    }

    @Test
    void theFirstCallAssumesTheRoleAndLaterCallsUseTheCachedSession() {
        try (AssumeRoleCredentialsProvider provider = provider().build()) {
            SigningCredentials first = provider.resolveCredentials();
            clock.advance(Duration.ofMinutes(49));
            SigningCredentials later = provider.resolveCredentials();

            assertThat(later).isEqualTo(first);
            assertThat(first.accessKeyId()).isEqualTo("ASIAQ2KWSD3J5TMP0001");
            assertThat(first.sessionToken()).isEqualTo("token-ASIAQ2KWSD3J5TMP0001");
            assertThat(assumeRoleCalls()).isEqualTo(1);
            Recorded assume = stub.requests().get(0);
            assertThat(SignatureCheck.verify(assume, CREDENTIALS).service()).isEqualTo("sts");
            assertThat(assume.bodyText()).isEqualTo("{\"roleArn\":\"" + ROLE_ARN + "\",\"roleSessionName\":\"build-4711\"}");
            assertThat(provider.lastAssumedRole()).hasValueSatisfying(a -> assertThat(a.arn())
                    .isEqualTo("arn:aws:sts::123456789012:assumed-role/deployer/build-4711"));
            assertThat(provider.toString()).doesNotContain(SECRET).doesNotContain("token-");
        }
    }

    @Test
    void fromThePrefetchTimeOnTheSessionIsRenewed() {
        try (AssumeRoleCredentialsProvider provider = provider().build()) {
            provider.resolveCredentials();
            clock.advance(Duration.ofMinutes(50)); // 10 minutes before expiry: the default prefetch time

            assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("ASIAQ2KWSD3J5TMP0002");
            assertThat(assumeRoleCalls()).isEqualTo(2);
        }
    }

    @Test
    void noCredentialsAreEverReturnedWithinTheStaleTimeOfTheirExpiry() {
        Duration staleTime = Duration.ofMinutes(5);
        try (AssumeRoleCredentialsProvider provider = provider().staleTime(staleTime)
                .prefetchTime(Duration.ofMinutes(7)).prefetchRetryInterval(Duration.ofSeconds(50)).build()) {
            RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
            for (int step = 0; step < 2_000; step++) {
                failing = random.nextInt(3) == 0; // a third of the refreshes fail
                sessionLength = Duration.ofMinutes(15 + random.nextInt(60));
                Instant now = clock.instant();
                try {
                    SigningCredentials credentials = provider.resolveCredentials();
                    assertThat(expiryOf.get(credentials.accessKeyId())).as("at %s", now)
                            .isAfter(now.plus(staleTime));
                } catch (CredentialsException e) {
                    assertThat(failing).as("only a failed refresh makes it fail").isTrue();
                }
                clock.advance(Duration.ofSeconds(1 + random.nextInt(90)));
            }
            assertThat(issued.get()).isGreaterThan(10);
        }
    }

    @Test
    void whenTheSessionIsStaleConcurrentCallersTriggerOneRefreshAndAllGetItsCredentials() throws Exception {
        try (AssumeRoleCredentialsProvider provider = provider().build()) {
            provider.resolveCredentials();
            clock.advance(Duration.ofMinutes(56)); // within the stale time
            answerDelay = Duration.ofMillis(300);

            List<SigningCredentials> results = callConcurrently(provider, 16);

            assertThat(assumeRoleCalls()).isEqualTo(2);
            assertThat(results).extracting(SigningCredentials::accessKeyId).containsOnly("ASIAQ2KWSD3J5TMP0002");
        }
    }

    @Test
    void withinThePrefetchTimeOneCallerRefreshesWhileTheOthersGoOnWithTheCachedSession() throws Exception {
        try (AssumeRoleCredentialsProvider provider = provider().build()) {
            provider.resolveCredentials();
            clock.advance(Duration.ofMinutes(52)); // prefetch window, not stale
            answerDelay = Duration.ofMillis(600);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<SigningCredentials> refresher = pool.submit(provider::resolveCredentials);
                while (assumeRoleCalls() < 2) {
                    Thread.onSpinWait();
                }
                long started = System.nanoTime();
                SigningCredentials meanwhile = provider.resolveCredentials();
                long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

                assertThat(meanwhile.accessKeyId()).isEqualTo("ASIAQ2KWSD3J5TMP0001");
                assertThat(tookMillis).isLessThan(500);
                assertThat(refresher.get(5, TimeUnit.SECONDS).accessKeyId()).isEqualTo("ASIAQ2KWSD3J5TMP0002");
                assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("ASIAQ2KWSD3J5TMP0002");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aFailedRefreshWhileTheCachedSessionIsValidServesItAndRetriesAfterTheInterval() {
        try (AssumeRoleCredentialsProvider provider = provider().prefetchRetryInterval(Duration.ofSeconds(30)).build()) {
            provider.resolveCredentials();
            clock.advance(Duration.ofMinutes(51));
            failing = true;

            assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("ASIAQ2KWSD3J5TMP0001");
            assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("ASIAQ2KWSD3J5TMP0001");
            assertThat(assumeRoleCalls()).as("no new attempt within the retry interval").isEqualTo(2);

            clock.advance(Duration.ofSeconds(30));
            failing = false;
            assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("ASIAQ2KWSD3J5TMP0002");
            assertThat(assumeRoleCalls()).isEqualTo(3);
        }
    }

    @Test
    void aFailedRefreshOfAStaleSessionThrowsAndConcurrentWaitersShareTheOneAttempt() throws Exception {
        try (AssumeRoleCredentialsProvider provider = provider().build()) {
            provider.resolveCredentials();
            clock.advance(Duration.ofMinutes(58));
            failing = true;
            answerDelay = Duration.ofMillis(300);

            List<Object> outcomes = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Object>> futures = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    futures.add(pool.submit(() -> {
                        go.await();
                        try {
                            return provider.resolveCredentials();
                        } catch (CredentialsException e) {
                            return e;
                        }
                    }));
                }
                go.countDown();
                for (Future<Object> f : futures) {
                    outcomes.add(f.get(10, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(CredentialsException.class,
                    e -> assertThat(e.getMessage()).contains("AssumeRole " + ROLE_ARN, "down for maintenance")));
            assertThat(assumeRoleCalls()).as("one attempt for all who waited together").isEqualTo(2);

            failing = false;
            answerDelay = Duration.ZERO;
            assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("ASIAQ2KWSD3J5TMP0002");
        }
    }

    @Test
    void anExpiredSessionIsNeverServedWhenItsRefreshFails() {
        try (AssumeRoleCredentialsProvider provider = provider().build()) {
            provider.resolveCredentials();
            clock.advance(Duration.ofHours(2));
            failing = true;

            assertThatThrownBy(provider::resolveCredentials).isInstanceOf(CredentialsException.class)
                    .hasMessageContaining("unable to refresh the session of AssumeRole " + ROLE_ARN);
        }
    }

    @Test
    void aSessionShorterThanTheStaleTimeIsRefused() {
        sessionLength = Duration.ofMinutes(4);
        try (AssumeRoleCredentialsProvider provider = provider().build()) {
            assertThatThrownBy(provider::resolveCredentials).isInstanceOf(CredentialsException.class)
                    .hasMessageContaining("within the stale time");
        }
    }

    @Test
    void thePrefetchJitterStartsTheRefreshEarlierButNeverBeforeItsBound() {
        try (AssumeRoleCredentialsProvider provider = provider().prefetchJitter(Duration.ofMinutes(10))
                .random(RandomGenerator.of("L64X128MixRandom")).build()) {
            provider.resolveCredentials();
            clock.advance(Duration.ofMinutes(39).plusSeconds(59)); // before expiry - prefetch - jitter
            assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("ASIAQ2KWSD3J5TMP0001");
            clock.advance(Duration.ofMinutes(10).plusSeconds(1)); // the prefetch time without jitter
            assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("ASIAQ2KWSD3J5TMP0002");
        }
    }

    @Test
    void aClientSigningWithTheProviderSendsTheSessionTokenAndTheSessionsKey() {
        try (AssumeRoleCredentialsProvider provider = provider().build();
             KeywardenClient asRole = client.withCredentialsProvider(provider)) {
            assertThat(asRole.callerIdentity().arn()).contains("assumed-role/deployer");
            SigningCredentials session = provider.resolveCredentials();
            Recorded call = stub.requests().get(1);
            assertThat(call.rawPath()).isEqualTo("/v1/caller-identity");
            assertThat(call.header("X-Amz-Security-Token")).contains("token-ASIAQ2KWSD3J5TMP0001");
            assertThat(SignatureCheck.verify(call, session).accessKeyId()).isEqualTo("ASIAQ2KWSD3J5TMP0001");
        }
    }

    @Test
    void builtFromSourceCredentialsItOwnsItsClientAndClosesIt() {
        AssumeRoleCredentialsProvider provider = AssumeRoleCredentialsProvider.builder()
                .sourceCredentials(StaticCredentialsProvider.create(CREDENTIALS)).endpoint(stub.uri())
                .region("eu-west-3").request(REQUEST).clock(clock).build();
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("ASIAQ2KWSD3J5TMP0001");
        assertThat(SignatureCheck.verify(stub.onlyRequest(), CREDENTIALS).region()).isEqualTo("eu-west-3");
        provider.close();
        clock.advance(Duration.ofHours(1));
        assertThatThrownBy(provider::resolveCredentials).isInstanceOf(CredentialsException.class)
                .hasMessageContaining("closed");

        try (AssumeRoleCredentialsProvider borrowing = provider().build()) {
            borrowing.resolveCredentials();
        }
        client.callerIdentity(); // a client given to the provider stays open
    }

    @Test
    void invalidSettingsAreRefusedWhenBuilding() {
        assertThatThrownBy(() -> AssumeRoleCredentialsProvider.builder().request(REQUEST).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> provider().endpoint(stub.uri()).build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AssumeRoleCredentialsProvider.builder().client(client).build())
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> provider().staleTime(Duration.ofMinutes(11)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prefetchTime");
        assertThatThrownBy(() -> provider().staleTime(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> provider().request(REQUEST.toBuilder().duration(Duration.ofMinutes(5)).build())
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stale time");
        assertThat(stub.requests()).isEmpty();
    }

    private static List<SigningCredentials> callConcurrently(CredentialsProvider provider, int callers)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<SigningCredentials>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return provider.resolveCredentials();
                }));
            }
            go.countDown();
            List<SigningCredentials> results = new ArrayList<>();
            for (Future<SigningCredentials> f : futures) {
                results.add(f.get(10, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
