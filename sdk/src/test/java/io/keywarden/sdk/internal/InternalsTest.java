package io.keywarden.sdk.internal;

import io.keywarden.sdk.exception.KeywardenServiceException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InternalsTest {

    @Test
    void theSignedHostHeaderLeavesOutDefaultPortsAsTheJdkClientDoes() {
        assertThat(HttpPipeline.hostHeader(URI.create("http://kw.example.com"))).isEqualTo("kw.example.com");
        assertThat(HttpPipeline.hostHeader(URI.create("http://kw.example.com:80/x"))).isEqualTo("kw.example.com");
        assertThat(HttpPipeline.hostHeader(URI.create("https://kw.example.com:443"))).isEqualTo("kw.example.com");
        assertThat(HttpPipeline.hostHeader(URI.create("https://kw.example.com:8443"))).isEqualTo("kw.example.com:8443");
        assertThat(HttpPipeline.hostHeader(URI.create("http://[::1]:8080"))).isEqualTo("[::1]:8080");
    }

    @Test
    void pathSegmentsEncodeEverythingButUnreservedCharacters() {
        assertThat(UriEncoding.pathSegment("AZaz09-_.~")).isEqualTo("AZaz09-_.~");
        assertThat(UriEncoding.pathSegment("a+b=c,d@e f/g")).isEqualTo("a%2Bb%3Dc%2Cd%40e%20f%2Fg");
        assertThat(UriEncoding.pathSegment("é")).isEqualTo("%C3%A9");
        assertThat(UriEncoding.pathSegment(".")).isEqualTo("%2E");
        assertThat(UriEncoding.pathSegment("...")).isEqualTo("%2E%2E%2E");
        assertThat(UriEncoding.pathSegment("a..b")).isEqualTo("a..b");
        assertThatThrownBy(() -> UriEncoding.pathSegment("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void queriesSkipAbsentValuesAndEncodeTheRest() {
        assertThat(new QueryBuilder().add("pathPrefix", "/a b/").add("marker", null).add("maxItems", 5).build())
                .isEqualTo("pathPrefix=%2Fa%20b%2F&maxItems=5");
    }

    @Test
    void backoffDoublesWithinHalfToFullCeilingAndStopsAtTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), new SplittableRandom(1));
        assertThat(backoff.ceiling(0)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.ceiling(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff.ceiling(4)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.ceiling(60)).isEqualTo(Duration.ofSeconds(1));
        for (int retry = 0; retry < 8; retry++) {
            Duration ceiling = backoff.ceiling(retry);
            for (int i = 0; i < 200; i++) {
                assertThat(backoff.delay(retry)).isBetween(ceiling.dividedBy(2), ceiling);
            }
        }
    }

    @Test
    void backoffIsJittered() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), new SplittableRandom(1));
        assertThat(java.util.stream.IntStream.range(0, 50).mapToObj(i -> backoff.delay(2)).distinct().count())
                .isGreaterThan(10);
    }

    @Test
    void backoffWithoutJitterWaitsExactlyTheDoublingCeiling() {
        Backoff backoff = Backoff.withoutJitter(Duration.ofMillis(100), Duration.ofSeconds(2));
        assertThat(java.util.stream.IntStream.range(0, 7).mapToObj(backoff::delay)).containsExactly(
                Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800),
                Duration.ofMillis(1600), Duration.ofSeconds(2), Duration.ofSeconds(2));
        assertThatThrownBy(() -> Backoff.withoutJitter(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pauseSkipsNothingToWaitAndTurnsAnInterruptionIntoTheCallersExceptionKeepingTheFlag() {
        java.util.List<Duration> slept = new java.util.ArrayList<>();
        Sleeper recording = slept::add;
        recording.pause(Duration.ZERO, e -> new IllegalStateException("unused"));
        recording.pause(Duration.ofMillis(-1), e -> new IllegalStateException("unused"));
        recording.pause(Duration.ofMillis(5), e -> new IllegalStateException("unused"));
        assertThat(slept).containsExactly(Duration.ofMillis(5));

        Sleeper interrupted = d -> {
            throw new InterruptedException("stop");
        };
        try {
            assertThatThrownBy(() -> interrupted.pause(Duration.ofSeconds(1), e -> new IllegalStateException(
                    "gave up waiting", e))).isInstanceOf(IllegalStateException.class).hasMessage("gave up waiting")
                    .hasCauseInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void throttlingAnd503AreRetriedForEveryMethodOther5xxOnlyForIdempotentOnes() {
        ApiRequest post = new ApiRequest("POST", "iam", "/v1/users", "", null, false);
        ApiRequest get = ApiRequest.get("iam", "/v1/users");
        ApiRequest patch = new ApiRequest("PATCH", "iam", "/v1/users/a/access-keys/k", "", new byte[0], false);
        KeywardenServiceException throttled = ServiceErrors.of("Throttling", "", 400, null);
        KeywardenServiceException unavailable = ServiceErrors.of("ServiceUnavailable", "", 503, null);
        KeywardenServiceException internal = ServiceErrors.of("InternalFailure", "", 500, null);
        KeywardenServiceException badGateway = ServiceErrors.fromAnswer(502, null, "<html/>".getBytes(StandardCharsets.UTF_8));
        KeywardenServiceException validation = ServiceErrors.of("ValidationError", "", 400, null);

        assertThat(HttpPipeline.isRetryable(post, throttled)).isTrue();
        assertThat(HttpPipeline.isRetryable(post, unavailable)).isTrue();
        assertThat(HttpPipeline.isRetryable(post, internal)).isFalse();
        assertThat(HttpPipeline.isRetryable(post, badGateway)).isFalse();
        assertThat(HttpPipeline.isRetryable(get, internal)).isTrue();
        assertThat(HttpPipeline.isRetryable(patch, badGateway)).isTrue();
        assertThat(HttpPipeline.isRetryable(get, validation)).isFalse();
    }

    @Test
    void profileFilesKeepSectionsAndPropertiesAndDropComments() {
        ProfileFile file = ProfileFile.parse("""
                # leading comment
                stray = ignored
                [default]
                aws_access_key_id = AKIADEFAULT0000000001 ; trailing comment
                AWS_Secret_Access_Key=abc#def
                [ work ]   # comment after a section
                aws_access_key_id=AKIAWORK00000000000002
                  nested = continuation line, ignored
                ; semicolon comment
                [default]
                region = eu-west-1\r
                []
                orphan = under a broken section
                """);

        assertThat(file.profileNames()).containsExactly("default", "work");
        assertThat(file.profile("default")).hasValueSatisfying(p -> assertThat(p)
                .containsEntry("aws_access_key_id", "AKIADEFAULT0000000001")
                .containsEntry("aws_secret_access_key", "abc#def")
                .containsEntry("region", "eu-west-1"));
        assertThat(file.profile("work")).hasValueSatisfying(p -> assertThat(p).containsOnlyKeys("aws_access_key_id"));
        assertThat(file.profile("stray")).isEmpty();
    }
}
