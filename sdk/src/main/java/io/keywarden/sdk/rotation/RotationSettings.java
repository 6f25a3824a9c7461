package io.keywarden.sdk.rotation;

import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.auth.MutableCredentialsProvider;
import io.keywarden.sdk.internal.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A {@link KeyRotator}'s settings as its builder checked them (see the builder's setters for their meaning), shared
 * by every run and step. {@code accessKeyId}, {@code provider}, {@code sink} and {@code healthCheck} are {@code null}
 * when not given: the steps decide what their absence means.
 */
record RotationSettings(KeywardenClient client, String userName, String accessKeyId,
                        MutableCredentialsProvider provider, CredentialsSink sink, Duration quietPeriod,
                        Duration quietPeriodTimeout, Duration pollInterval, Duration newKeyVerificationTimeout,
                        Duration healthCheckDelay, GracePeriod gracePeriod, boolean deleteInactiveKeyFirst,
                        Callable<?> healthCheck, RotationStateStore stateStore, Clock clock, Sleeper sleeper,
                        List<RotationListener> listeners) {
    RotationSettings {
        listeners = List.copyOf(listeners);
    }
}
