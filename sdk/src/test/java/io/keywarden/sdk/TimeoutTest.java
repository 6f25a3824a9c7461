package io.keywarden.sdk;

import io.keywarden.sdk.auth.StaticCredentialsProvider;
import io.keywarden.sdk.exception.KeywardenClientException;
import io.keywarden.sdk.testing.Fixtures;
import io.keywarden.sdk.testing.StubServer;
import io.keywarden.sdk.testing.StubServer.Answer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import java.net.http.HttpTimeoutException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class TimeoutTest {

    @Test
    void aSlowAnswerTimesOutAsAClientExceptionWithoutRetrying() throws InterruptedException {
        try (StubServer stub = StubServer.start();
             KeywardenClient client = KeywardenClient.builder().endpoint(stub.uri())
                     .credentialsProvider(StaticCredentialsProvider.create(Fixtures.CREDENTIALS))
                     .requestTimeout(Duration.ofMillis(300)).maxRetries(3).build()) {
            stub.otherwise(r -> Answer.ok(Fixtures.USER_JSON).after(Duration.ofSeconds(3)));
            long start = System.nanoTime();

            assertThatThrownBy(() -> client.getUser("alice"))
                    .isInstanceOf(KeywardenClientException.class)
                    .hasMessageContaining("no answer to GET /v1/users/alice")
                    .hasMessageContaining("PT0.3S")
                    .hasCauseInstanceOf(HttpTimeoutException.class);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            // on a loaded machine the stub may record the request only after the client gave up, or never (the
            // client may give up before the request left it): wait, then make sure no retry followed
            try {
                await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                        .until(() -> !stub.requests().isEmpty());
            } catch (ConditionTimeoutException never) {
                // the request never reached the stub: nothing to retry either, which the assertion below accepts
            }
            Thread.sleep(700);
            assertThat(stub.requests()).as("a timed-out request is not retried").hasSizeLessThanOrEqualTo(1);
        }
    }
}
