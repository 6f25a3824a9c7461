package io.keywarden.sdk.rotation;

import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.auth.CredentialsProvider;
import io.keywarden.sdk.auth.MutableCredentialsProvider;
import io.keywarden.sdk.auth.ProfileCredentialsProvider;
import io.keywarden.sdk.auth.StaticCredentialsProvider;
import io.keywarden.sdk.testing.FakeKeyService;
import io.keywarden.sdk.testing.MutableClock;
import io.keywarden.sdk.testing.StubServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fake Keywarden with user {@code alice} holding one key, an application (a {@link MutableCredentialsProvider}
 * loaded from a credentials file, as a started application would), a virtual clock the rotator's sleeper moves, and
 * invariant checks after every change of keys: alice never has more than two keys, always has an Active key, and
 * the key the application and the credentials file hold is Active.
 */
final class RotationHarness implements AutoCloseable {
    static final String USER = "alice";
    static final String PROFILE = "app";
    static final String OTHER_PROFILES = """
            # shared credentials, managed by hand and by the rotator
            [default]
            aws_access_key_id = AKIADEFAULTDEFAULT22
            aws_secret_access_key = defaultSecretdefaultSecretdefaultSecret0

            """;

    final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
    final FakeKeyService fake = new FakeKeyService(clock, 7);
    final StubServer stub = fake.serve();
    final KeywardenClient admin = client(FakeKeyService.ROOT);
    final List<RotationEvent> events = new CopyOnWriteArrayList<>();
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    final AtomicReference<Runnable> onSleep = new AtomicReference<>(() -> { });
    final Path dir;
    final Path credentialsFile;
    final Path stateFile;
    final ProfileFileSink sink;
    SigningCredentials original;
    /** The running application's provider; replaced when a test "restarts" the application. */
    final AtomicReference<MutableCredentialsProvider> app = new AtomicReference<>();
    /** What the invariant checks read as "the application's key": by default the provider above. */
    final AtomicReference<CredentialsProvider> appView = new AtomicReference<>();

    RotationHarness(Path dir) {
        this.dir = dir;
        this.credentialsFile = dir.resolve("credentials");
        this.stateFile = dir.resolve("rotation-state.json");
        this.sink = ProfileFileSink.create(credentialsFile, PROFILE);
        original = fake.addKey(USER);
        try {
            Files.createDirectories(dir);
            Files.writeString(credentialsFile, OTHER_PROFILES + "[" + PROFILE + "]\naws_access_key_id = "
                    + original.accessKeyId() + "\naws_secret_access_key = " + original.secretAccessKey() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        restartApplication();
        fake.afterEveryChange(f -> {
            List<FakeKeyService.Key> keys = f.keysOf(USER);
            if (keys.size() > 2) {
                throw new AssertionError("alice has " + keys.size() + " keys: " + keys);
            }
            if (keys.stream().noneMatch(k -> k.status == KeyStatus.ACTIVE)) {
                throw new AssertionError("alice has no Active key: " + keys);
            }
            requireActive(f, sink.load().orElseThrow().accessKeyId(), "the credentials file");
            requireActive(f, appView.get().resolveCredentials().accessKeyId(), "the application");
        });
    }

    private static void requireActive(FakeKeyService f, String keyId, String holder) {
        FakeKeyService.Key key = f.key(keyId).orElseThrow(() -> new AssertionError(holder + " holds the deleted key "
                + keyId));
        if (key.status != KeyStatus.ACTIVE) {
            throw new AssertionError(holder + " holds the Inactive key " + keyId);
        }
    }

    /** The application (re)starts: it loads its key from the credentials file. */
    MutableCredentialsProvider restartApplication() {
        MutableCredentialsProvider provider = MutableCredentialsProvider.copyOf(ProfileCredentialsProvider.builder()
                .environment(Map.of()).credentialsFile(credentialsFile).profileName(PROFILE).build());
        app.set(provider);
        appView.set(provider);
        return provider;
    }

    KeywardenClient client(SigningCredentials credentials) {
        return KeywardenClient.builder().endpoint(stub.uri()).credentialsProvider(
                StaticCredentialsProvider.create(credentials)).maxRetries(0).build();
    }

    KeywardenClient client(SigningCredentials credentials, String region) {
        return KeywardenClient.builder().endpoint(stub.uri()).region(region).credentialsProvider(
                StaticCredentialsProvider.create(credentials)).maxRetries(0).build();
    }

    /** A rotator of alice's key by the administrator, with the harness's sink, provider, clock and state file. */
    KeyRotator.Builder rotator() {
        return KeyRotator.builder()
                .client(admin)
                .userName(USER)
                .credentialsProvider(app.get())
                .sink(sink)
                .quietPeriod(Duration.ofSeconds(30))
                .quietPeriodTimeout(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(5))
                .stateStore(FileRotationStateStore.create(stateFile))
                .clock(clock)
                .sleeper(d -> {
                    sleeps.add(d);
                    onSleep.get().run();
                    clock.advance(d);
                })
                .listener(events::add);
    }

    List<FakeKeyService.Key> keys() {
        return fake.keysOf(USER);
    }

    SigningCredentials inFile() {
        return sink.load().orElseThrow();
    }

    <T extends RotationEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    String fileText() {
        try {
            return Files.readString(credentialsFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        admin.close();
        stub.close();
    }
}
