package io.keywarden.core.sigv4;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * A rough timing of the warm-cache verify path for a typical botocore IAM request; not a test. Run it with the
 * test class path, e.g. {@code java -cp core/target/classes:core/target/test-classes
 * io.keywarden.core.sigv4.SigV4VerifierBenchmark}.
 */
public final class SigV4VerifierBenchmark {

    private SigV4VerifierBenchmark() {
    }

    public static void main(String[] args) {
        Instant now = Instant.parse("2015-08-30T12:36:00Z");
        String secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
        SignableRequest request = SignableRequest.of("POST", "/", "", List.of(
                Header.of("Host", "iam.keywarden.test:8443"),
                Header.of("Accept-Encoding", "identity"),
                Header.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
                Header.of("User-Agent", "aws-cli/2.15.0 Python/3.11.6 Linux/6.5 exe/x86_64 command/iam.list-users"),
                Header.of("Content-Length", "35")),
                "Action=ListUsers&Version=2010-05-08".getBytes(StandardCharsets.UTF_8));
        SignableRequest signed = SigV4Signer.create().sign(request, SigningCredentials.of("AKIDEXAMPLE", secret),
                "us-east-1", "iam", now, SignOptions.defaults()).signedRequest();
        SigningKeyCache cache = SigningKeyCache.create();
        SigV4Verifier verifier = SigV4Verifier.create(Clock.fixed(now, ZoneOffset.UTC), cache);
        Optional<ResolvedSecret<String>> resolved = Optional.of(ResolvedSecret.of(secret, "alice"));
        SecretResolver<String> resolver = (keyId, token) -> resolved;

        long sink = 0;
        for (int round = 0; round < 8; round++) {
            int iterations = 200_000;
            long start = System.nanoTime();
            for (int i = 0; i < iterations; i++) {
                sink += verifier.verify(signed, resolver).accessKeyId().length();
            }
            System.out.printf("round %d: %.2f us per verify%n", round, (System.nanoTime() - start) / 1000.0 / iterations);
        }
        System.out.println(cache + " (" + sink + ")");
    }
}
