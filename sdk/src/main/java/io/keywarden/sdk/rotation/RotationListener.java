package io.keywarden.sdk.rotation;

/**
 * Receives a rotation's {@link RotationEvent}s as they happen, on the thread running the rotation: for logs, progress
 * bars and metrics. It should return quickly. An exception it throws is ignored (it cannot stop the rotation).
 */
@FunctionalInterface
public interface RotationListener {
    void onEvent(RotationEvent event);
}
