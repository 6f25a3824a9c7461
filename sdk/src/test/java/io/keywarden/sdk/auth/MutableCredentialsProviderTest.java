package io.keywarden.sdk.auth;

import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.exception.CredentialsException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MutableCredentialsProviderTest {
    private static final SigningCredentials OLD = SigningCredentials.of("AKIAQ2KWSD3J5OLDKEY1", "old-secret");
    private static final SigningCredentials NEW = SigningCredentials.of("AKIAQ2KWSD3J5NEWKEY2", "new-secret");

    @Test
    void setSwapsTheCredentialsAndReturnsThePreviousOnes() {
        MutableCredentialsProvider provider = MutableCredentialsProvider.create(OLD);

        assertThat(provider.set(NEW)).isEqualTo(OLD);
        assertThat(provider.resolveCredentials()).isEqualTo(NEW);
    }

    @Test
    void compareAndSetSwapsOnlyFromTheExpectedCredentials() {
        MutableCredentialsProvider provider = MutableCredentialsProvider.create(OLD);

        assertThat(provider.compareAndSet(NEW, OLD)).isFalse();
        assertThat(provider.compareAndSet(OLD, NEW)).isTrue();
        assertThat(provider.resolveCredentials()).isEqualTo(NEW);
    }

    @Test
    void anEmptyProviderFailsClearlyUntilSet() {
        MutableCredentialsProvider provider = MutableCredentialsProvider.empty();

        assertThatThrownBy(provider::resolveCredentials).isInstanceOf(CredentialsException.class)
                .hasMessageContaining("none set");
        provider.set(OLD);
        assertThat(provider.resolveCredentials()).isEqualTo(OLD);
    }

    @Test
    void readersNeverSeeAKeyIdPairedWithTheOtherSecret() throws Exception {
        MutableCredentialsProvider provider = MutableCredentialsProvider.create(OLD);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<?> writer = pool.submit(() -> {
                for (int i = 0; i < 200_000; i++) {
                    provider.set(i % 2 == 0 ? NEW : OLD);
                }
                stop.set(true);
            });
            Runnable reader = () -> {
                while (!stop.get()) {
                    SigningCredentials seen = provider.resolveCredentials();
                    assertThat(seen).isIn(OLD, NEW);
                }
            };
            Future<?> r1 = pool.submit(reader);
            Future<?> r2 = pool.submit(reader);
            writer.get(30, TimeUnit.SECONDS);
            r1.get(30, TimeUnit.SECONDS);
            r2.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }
}
