package io.keywarden.bench;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.keys.SecretAccessKey;
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
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Access key IDs: issuing one (with the server's {@code SecureRandom}), validating one received on the wire, and
 * decoding the account an ID carries (GetAccessKeyInfo). Secret generation is here too, since every new key draws one.
 *
 * <pre>
 * bench/run.sh AccessKeyId
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AccessKeyIdBenchmark {
    private final SecureRandom random = new SecureRandom();
    private AccountId account;
    private String wireId;
    private AccessKeyId id;

    @Setup
    public void setUp() {
        account = AccountId.of("123456789012");
        id = AccessKeyId.generate(account, random);
        wireId = id.value();
        if (!id.account().equals(Optional.of(account))) {
            throw new IllegalStateException("benchmark set-up is wrong: " + id + " does not decode to " + account);
        }
    }

    @Benchmark
    public AccessKeyId generate() {
        return AccessKeyId.generate(account, random);
    }

    @Benchmark
    public AccessKeyId parse() {
        return AccessKeyId.of(wireId);
    }

    @Benchmark
    public Optional<AccountId> decodeAccount() {
        return id.account();
    }

    @Benchmark
    public SecretAccessKey generateSecret() {
        return SecretAccessKey.generate(random);
    }
}
