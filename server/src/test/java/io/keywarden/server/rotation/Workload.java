package io.keywarden.server.rotation;

import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.auth.CredentialsProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Worker threads that call GetCallerIdentity continuously through one client, counting requests, failures and the
 * key each request was signed with (as the provider gave it just before the call).
 */
final class Workload implements AutoCloseable {
    final LongAdder requests = new LongAdder();
    final LongAdder failures = new LongAdder();
    final Map<String, LongAdder> byKey = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> failureSamples = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    Workload(int workers, KeywardenClient client, CredentialsProvider provider, String expectedArn) {
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    String keyId = provider.resolveCredentials().accessKeyId();
                    try {
                        String arn = client.callerIdentity().arn();
                        if (!arn.equals(expectedArn)) {
                            throw new IllegalStateException("answered as " + arn);
                        }
                        byKey.computeIfAbsent(keyId, k -> new LongAdder()).increment();
                    } catch (RuntimeException e) {
                        failures.increment();
                        if (failureSamples.size() < 10) {
                            failureSamples.add(keyId + ": " + e.getMessage());
                        }
                    } finally {
                        requests.increment();
                    }
                }
            }, "workload-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
    }

    long requestsWith(String keyId) {
        LongAdder n = byKey.get(keyId);
        return n == null ? 0 : n.sum();
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        for (Thread t : threads) {
            t.join(30_000);
        }
    }

    @Override
    public String toString() {
        Map<String, Long> keys = new java.util.TreeMap<>();
        byKey.forEach((k, v) -> keys.put(k, v.sum()));
        return requests.sum() + " requests, " + failures.sum() + " failed " + failureSamples + ", by key " + keys;
    }
}
