package io.keywarden.sdk;

import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.auth.MutableCredentialsProvider;
import io.keywarden.sdk.testing.SignatureCheck;
import io.keywarden.sdk.testing.StubServer;
import io.keywarden.sdk.testing.StubServer.Answer;
import io.keywarden.sdk.testing.StubServer.Recorded;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class HotSwapTest {
    private static final SigningCredentials OLD = SigningCredentials.of("AKIAQ2KWSD3J5OLDKEY1",
            "oldSecretoldSecretoldSecretoldSecret0000");
    private static final SigningCredentials NEW = SigningCredentials.of("AKIAQ2KWSD3J5NEWKEY2",
            "newSecretnewSecretnewSecretnewSecret0000");

    @Test
    void requestsInFlightDuringASwapAreEachSignedWithOneWholePair() throws Exception {
        MutableCredentialsProvider provider = MutableCredentialsProvider.create(OLD);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try (StubServer stub = StubServer.start();
             KeywardenClient client = KeywardenClient.builder().endpoint(stub.uri()).credentialsProvider(provider)
                     .maxRetries(0).build()) {
            stub.otherwise(r -> Answer.ok("{\"account\":\"123456789012\",\"userId\":\"u\",\"arn\":\"a\"}"));
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                running.add(workers.submit(() -> {
                    while (!stop.get()) {
                        client.callerIdentity();
                    }
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            for (int swap = 0; stub.requests().size() < 60 && System.nanoTime() < deadline; swap++) {
                provider.set(swap % 2 == 0 ? NEW : OLD);
                Thread.sleep(2);
            }
            stop.set(true);
            for (Future<?> worker : running) {
                worker.get(30, TimeUnit.SECONDS);
            }

            List<Recorded> requests = stub.requests();
            assertThat(requests.size()).isGreaterThanOrEqualTo(60);
            assertThat(requests).allSatisfy(r -> {
                SigningCredentials expected = r.header("Authorization").orElseThrow().contains(OLD.accessKeyId())
                        ? OLD : NEW;
                SignatureCheck.verify(r, expected);
            });
            assertThat(requests).extracting(r -> r.header("Authorization").orElseThrow().contains(OLD.accessKeyId()))
                    .contains(true, false);
        } finally {
            workers.shutdownNow();
        }
    }
}
