package io.keywarden.server.cluster;

import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient;
import io.keywarden.server.support.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Two nodes (two Micronaut contexts in this JVM, each with its own data folder) sharing one throw-away PostgreSQL
 * database, one account, one master key and the test root key: the cluster tests' setup. Closing it stops both nodes,
 * then drops the database.
 */
final class TwoNodes implements AutoCloseable {
    final TestDatabase database;
    final EmbeddedServer a;
    final EmbeddedServer b;

    private TwoNodes(TestDatabase database, EmbeddedServer a, EmbeddedServer b) {
        this.database = database;
        this.a = a;
        this.b = b;
    }

    /**
     * @param common  properties of both nodes
     * @param perNode properties of the node named {@code "a"} or {@code "b"}
     */
    static TwoNodes start(String account, Map<String, Object> common,
                          Function<String, Map<String, Object>> perNode) throws IOException {
        TestDatabase database = TestDatabase.postgres();
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        Map<String, Object> shared = new HashMap<>(database.properties());
        shared.put("keywarden.account-id", account);
        shared.put("keywarden.master-key", Base64.getEncoder().encodeToString(master));
        shared.put("keywarden.root-access-key-id", ServerTestSupport.ROOT_ACCESS_KEY_ID);
        shared.put("keywarden.root-secret-access-key", ServerTestSupport.ROOT_SECRET);
        shared.putAll(common);
        EmbeddedServer a = null;
        try {
            a = node(shared, perNode, "a");
            return new TwoNodes(database, a, node(shared, perNode, "b"));
        } catch (IOException | RuntimeException e) {
            if (a != null) {
                a.getApplicationContext().close();
            }
            database.close();
            throw e;
        }
    }

    private static EmbeddedServer node(Map<String, Object> shared, Function<String, Map<String, Object>> perNode,
                                       String name) throws IOException {
        Map<String, Object> props = new HashMap<>(shared);
        Path dir = Files.createTempDirectory("keywarden-node-" + name + "-");
        props.put("keywarden.data-dir", dir.toString());
        props.putAll(perNode.apply(name));
        return ApplicationContext.run(EmbeddedServer.class, props);
    }

    static URI uri(EmbeddedServer node) {
        return URI.create("http://127.0.0.1:" + node.getPort() + "/");
    }

    /** A client of {@code node} signing with the test root key. */
    static SignedClient root(EmbeddedServer node) {
        return SignedClient.of(uri(node), ServerTestSupport.ROOT_ACCESS_KEY_ID, ServerTestSupport.ROOT_SECRET);
    }

    @Override
    public void close() {
        for (EmbeddedServer s : new EmbeddedServer[]{a, b}) {
            s.getApplicationContext().close();
        }
        database.close();
    }
}
