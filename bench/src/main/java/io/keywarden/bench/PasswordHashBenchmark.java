package io.keywarden.bench;

import io.keywarden.core.password.Argon2Parameters;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
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

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One console password hash: Argon2id with the server's default parameters ({@link Argon2Parameters#DEFAULT}: 19 MiB,
 * 2 passes, 1 lane, 16-byte salt, 32-byte hash), by the same Bouncy Castle generator and settings as the server's
 * {@code Argon2idPasswordHasher} (bench depends on core only, so the call is repeated here). A sign-in costs one.
 *
 * <pre>
 * bench/run.sh PasswordHash
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PasswordHashBenchmark {
    private final Argon2Parameters p = Argon2Parameters.DEFAULT;
    private byte[] password;
    private byte[] salt;

    @Setup
    public void setUp() {
        password = "Correct-Horse-Battery-1".getBytes(StandardCharsets.UTF_8);
        salt = "0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public byte[] hashOnePassword() {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new org.bouncycastle.crypto.params.Argon2Parameters.Builder(
                org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(p.memoryKiB()).withIterations(p.iterations()).withParallelism(p.parallelism())
                .withSalt(salt).build());
        byte[] out = new byte[p.hashLength()];
        generator.generateBytes(password, out);
        return out;
    }
}
