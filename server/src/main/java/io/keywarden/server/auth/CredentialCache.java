package io.keywarden.server.auth;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.keywarden.core.auth.CredentialResolver;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.inject.Inject;
import io.keywarden.core.auth.ResolvedCredential;
import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.port.KeyChangeListener;
import io.keywarden.core.sigv4.SigningKeyCache;
import io.keywarden.server.cluster.CacheInvalidation;
import io.keywarden.server.settings.KeywardenConfig;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The authentication path's view of the key store: credentials (Active keys with their unsealed secrets, and the
 * absence of unknown, Inactive or deleted ones) held in memory, so that a request signed with a known key costs no
 * database read. Misses load on the blocking executor, never on the event loop.
 *
 * <p>Staleness: a change made through this server is seen immediately (the {@link KeyChangeListener} drops the
 * entry and the key's derived signing keys); a change made by another server sharing the database is seen when the
 * {@link io.keywarden.server.cluster.ChangeFeed} reads it from the change log (within
 * {@code keywarden.cluster.poll-interval}, 200 ms by default), and at the latest after
 * {@code keywarden.auth.key-cache-ttl} should the change log be unreadable.
 */
@Singleton
public class CredentialCache implements KeyChangeListener, CacheInvalidation {
    private final AsyncLoadingCache<String, Optional<ResolvedCredential>> cache;
    private final SigningKeyCache signingKeys;

    @Inject
    public CredentialCache(CredentialResolver resolver, KeywardenConfig.Auth auth, SigningKeyCache signingKeys,
                           @Named(TaskExecutors.BLOCKING) Executor blocking, MeterRegistry registry) {
        this.signingKeys = signingKeys;
        Caffeine<String, Optional<ResolvedCredential>> builder = Caffeine.newBuilder()
                // bounded by weight: an entry weighs 1 per started 32 characters of its key ID, so a well-formed
                // ID (20 characters) weighs 1 and the configured maximum keeps meaning "entries"; a longer ID (only
                // reachable by calling get directly: authentication refuses malformed IDs first) weighs more
                .maximumWeight(auth.getKeyCacheMaxSize())
                .<String, Optional<ResolvedCredential>>weigher((id, credential) -> weight(id))
                .expireAfterWrite(auth.getKeyCacheTtl())
                .executor(blocking)
                .recordStats();
        if (auth.getKeyCacheTtl().compareTo(Duration.ofSeconds(2)) >= 0) {
            // an entry used after half its time-to-live is re-read in the background while requests keep using it,
            // so a busy key never makes its requests wait for the database when its entry would have expired
            builder.refreshAfterWrite(auth.getKeyCacheTtl().dividedBy(2));
        }
        this.cache = builder.buildAsync(resolver::resolve);
        // cache_gets_total{cache="credentials",result="hit"|"miss"}, cache_size, ...
        CaffeineCacheMetrics.monitor(registry, cache, "credentials");
        FunctionCounter.builder("keywarden.signing.keys.gets", signingKeys, SigningKeyCache::hits)
                .description("look-ups of derived SigV4 signing keys").tag("result", "hit").register(registry);
        FunctionCounter.builder("keywarden.signing.keys.gets", signingKeys, SigningKeyCache::misses)
                .description("look-ups of derived SigV4 signing keys").tag("result", "miss").register(registry);
    }

    public CredentialCache(CredentialResolver resolver, KeywardenConfig.Auth auth, SigningKeyCache signingKeys,
                           Executor blocking) {
        this(resolver, auth, signingKeys, blocking, new io.micrometer.core.instrument.composite.CompositeMeterRegistry());
    }

    static int weight(String accessKeyId) {
        return Math.max(1, (accessKeyId.length() + 31) / 32);
    }

    /** How many answers (credentials and "no such key") are held now; approximate, as Caffeine's estimate. */
    public long estimatedSize() {
        return cache.synchronous().estimatedSize();
    }

    /**
     * The credential of a key ID (empty: no such Active key). Cache-first: when it is in memory the future is
     * already complete and the caller goes on on its own thread; otherwise it completes on the blocking executor once
     * loaded.
     */
    public CompletableFuture<Optional<ResolvedCredential>> get(String accessKeyId) {
        return cache.get(accessKeyId);
    }

    @Override
    public void accessKeyChanged(AccessKeyId id) {
        cache.synchronous().invalidate(id.value());
        signingKeys.invalidate(id.value());
    }

    /** Forgets everything (tests, a master-key rotation, a change feed that lost track). */
    @Override
    public void invalidateAll() {
        cache.synchronous().invalidateAll();
        signingKeys.invalidateAll();
    }
}
