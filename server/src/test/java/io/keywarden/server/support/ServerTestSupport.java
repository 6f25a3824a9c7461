package io.keywarden.server.support;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Base of the HTTP tests: each test class gets its own server on a random loopback port with its own temporary data
 * folder, and a root key configured through the environment-style settings. Subclasses are
 * {@code @MicronautTest @TestInstance(PER_CLASS)}.
 */
public abstract class ServerTestSupport implements TestPropertyProvider {
    public static final String ROOT_ACCESS_KEY_ID = "AKIAQYLPMN5HHHFPZAM2";
    public static final String ROOT_SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYzEXAMPLEKEY";

    protected Path dataDir;

    @Inject
    protected EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        try {
            dataDir = Files.createTempDirectory("keywarden-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> props = new HashMap<>();
        props.put("keywarden.data-dir", dataDir.toString());
        props.put("keywarden.root-access-key-id", ROOT_ACCESS_KEY_ID);
        props.put("keywarden.root-secret-access-key", ROOT_SECRET);
        props.put("keywarden.last-used.flush-interval", "100ms");
        props.putAll(extraProperties());
        return props;
    }

    /** Further settings for one test class. */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    protected URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getPort() + "/");
    }

    protected SignedClient root() {
        return SignedClient.of(baseUri(), ROOT_ACCESS_KEY_ID, ROOT_SECRET);
    }

    protected SignedClient anonymous() {
        return SignedClient.anonymous(baseUri());
    }

    protected SignedClient as(String accessKeyId, String secret) {
        return SignedClient.of(baseUri(), accessKeyId, secret);
    }
}
