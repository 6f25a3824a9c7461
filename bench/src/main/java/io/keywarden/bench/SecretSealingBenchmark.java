package io.keywarden.bench;

import io.keywarden.core.crypto.MasterKey;
import io.keywarden.core.crypto.SecretSealer;
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
import java.util.concurrent.TimeUnit;

/**
 * Sealing a secret access key at rest (AES-256-GCM with the key ID as additional data, base64) when a key is created,
 * and unsealing it when the server loads a credential into its cache.
 *
 * <pre>
 * bench/run.sh SecretSealing
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SecretSealingBenchmark {
    private SecretSealer sealer;
    private AccessKeyId id;
    private SecretAccessKey secret;
    private String sealed;

    @Setup
    public void setUp() {
        SecureRandom random = new SecureRandom();
        byte[] master = new byte[32];
        random.nextBytes(master);
        sealer = SecretSealer.create(MasterKey.of(1, master), random);
        id = AccessKeyId.of("AKIAQYLPMN5HHHFPZAM2");
        secret = SecretAccessKey.generate(random);
        sealed = sealer.seal(id, secret);
        if (!sealer.unseal(id, sealed).equals(secret)) {
            throw new IllegalStateException("benchmark set-up is wrong: the sealed secret does not round-trip");
        }
    }

    @Benchmark
    public String seal() {
        return sealer.seal(id, secret);
    }

    @Benchmark
    public SecretAccessKey unseal() {
        return sealer.unseal(id, sealed);
    }
}
