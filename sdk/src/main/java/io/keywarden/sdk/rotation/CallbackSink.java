package io.keywarden.sdk.rotation;

import io.keywarden.core.sigv4.SigningCredentials;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Hands the new key to a callback, e.g. to write it to a secret store. Give a loader too when the store can be read
 * back: it lets a rotation interrupted while storing find out, on its next run, whether the key got there.
 */
public final class CallbackSink implements CredentialsSink {
    private final Consumer<SigningCredentials> store;
    private final Supplier<Optional<SigningCredentials>> load;

    private CallbackSink(Consumer<SigningCredentials> store, Supplier<Optional<SigningCredentials>> load) {
        this.store = store;
        this.load = load;
    }

    /** A sink that stores through {@code store} and cannot read back. */
    public static CallbackSink create(Consumer<SigningCredentials> store) {
        return new CallbackSink(Objects.requireNonNull(store, "store"), Optional::empty);
    }

    /** A sink that stores through {@code store} and reads back through {@code load}. */
    public static CallbackSink create(Consumer<SigningCredentials> store,
                                      Supplier<Optional<SigningCredentials>> load) {
        return new CallbackSink(Objects.requireNonNull(store, "store"), Objects.requireNonNull(load, "load"));
    }

    @Override
    public void store(SigningCredentials credentials) {
        store.accept(Objects.requireNonNull(credentials, "credentials"));
    }

    @Override
    public Optional<SigningCredentials> load() {
        Optional<SigningCredentials> loaded = load.get();
        return loaded == null ? Optional.empty() : loaded;
    }

    @Override
    public String toString() {
        return "CallbackSink";
    }
}
