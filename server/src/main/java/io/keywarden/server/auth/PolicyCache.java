package io.keywarden.server.auth;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Role;
import io.keywarden.core.identity.User;
import io.keywarden.core.permissions.PolicyAuthorizer;
import io.keywarden.core.permissions.RolePolicySource;
import io.keywarden.core.permissions.StorePolicySource;
import io.keywarden.core.permissions.StoreRolePolicySource;
import io.keywarden.core.policy.CompiledPolicy;
import io.keywarden.core.port.PolicyChangeListener;
import io.keywarden.core.port.PolicyStore;
import io.keywarden.core.port.RolePolicyStore;
import io.keywarden.server.settings.KeywardenConfig;
import io.netty.util.internal.ThreadExecutorMap;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The authorisation path's view of the policy store: each user's inline and attached policies, compiled, held in
 * memory per user ID, so that authorising a request costs no database read and no parsing once its caller's policies
 * are known.
 *
 * <p>Staleness: a change made through this server applies to the very next request (the use cases tell this cache
 * through {@link PolicyChangeListener}, after the change is committed, and an invalidated entry that was still
 * loading is not kept); a change made by another server sharing the database applies here as soon as the
 * {@link io.keywarden.server.cluster.ChangeFeed} reads it from the change log (within
 * {@code keywarden.cluster.poll-interval}, 200 ms), and at the latest after {@code keywarden.auth.policy-cache-ttl}
 * (30 s) should the change log be unreadable.
 *
 * <p>A miss loads on the calling thread, which is one of the blocking executor's: an operation runs on the event loop
 * only when {@link #inMemory} said its caller's policies are here. Should a miss reach an event loop anyway, it is
 * refused (the request is denied, with the reason) rather than block the loop.
 *
 * <p>Roles' policies (inline and attached, {@link #policiesFor(Role)}: what an assumed-role session may do before its
 * session policies narrow it) are held the same way in the same cache, keyed by role ID ({@code AROA...}, never equal
 * to a user ID), and invalidated by {@link #rolePoliciesChanged} locally and through the change feed on every node.
 */
@Singleton
public class PolicyCache implements PolicyAuthorizer.PolicySource, RolePolicySource, PolicyChangeListener {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyCache.class);

    private final AsyncCache<String, Loaded> cache;
    private final PolicyAuthorizer.PolicySource loader;
    private final RolePolicySource roleLoader;
    private PolicyStore store;
    private final BooleanSupplier onEventLoop;

    @Inject
    public PolicyCache(PolicyStore store, RolePolicyStore roleStore, KeywardenConfig.Auth auth,
                       MeterRegistry registry) {
        this(new StorePolicySource(store), new StoreRolePolicySource(roleStore), auth.getPolicyCacheTtl(),
                auth.getPolicyCacheMaxSize(), Ticker.systemTicker(), PolicyCache::onNettyEventLoop);
        this.store = store;
        // cache_gets_total{cache="policies",result="hit"|"miss"}, ...
        CaffeineCacheMetrics.monitor(registry, cache, "policies");
    }

    public PolicyCache(PolicyStore store, KeywardenConfig.Auth auth) {
        this(new StorePolicySource(store), store instanceof RolePolicyStore roles ? new StoreRolePolicySource(roles)
                        : (account, roleId) -> List.of(), auth.getPolicyCacheTtl(), auth.getPolicyCacheMaxSize(),
                Ticker.systemTicker(), PolicyCache::onNettyEventLoop);
    }

    PolicyCache(PolicyAuthorizer.PolicySource loader, Duration ttl, long maxSize, Ticker ticker,
                BooleanSupplier onEventLoop) {
        this(loader, (account, roleId) -> List.of(), ttl, maxSize, ticker, onEventLoop);
    }

    PolicyCache(PolicyAuthorizer.PolicySource loader, RolePolicySource roleLoader, Duration ttl, long maxSize,
                Ticker ticker, BooleanSupplier onEventLoop) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.roleLoader = Objects.requireNonNull(roleLoader, "roleLoader");
        this.onEventLoop = Objects.requireNonNull(onEventLoop, "onEventLoop");
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfterWrite(ttl)
                .ticker(ticker)
                .recordStats()
                .buildAsync();
    }

    @Override
    public List<CompiledPolicy> policiesFor(User user) {
        return load(user.userId(), user.arn(), () -> loader.policiesFor(user));
    }

    /**
     * A role's compiled policies (inline, then attached), from memory when loaded: what the authorizer evaluates for
     * an assumed-role session of the role (before its session policies narrow it).
     */
    @Override
    public List<CompiledPolicy> policiesFor(Role role) {
        return load(role.roleId(), role.arn(), () -> roleLoader.policiesFor(role));
    }

    /** Whether the role's policies are loaded (cache-first: the request may then be decided on the event loop). */
    @Override
    public boolean inMemory(Role role) {
        return loaded(role.roleId());
    }

    /** A role's policies for its sessions, by role ID (the session names its role by ID, never by a stored row). */
    @Override
    public List<CompiledPolicy> policiesForRole(AccountId account, String roleId) {
        return load(roleId, "role " + roleId, () -> roleLoader.policiesForRole(account, roleId));
    }

    @Override
    public boolean roleInMemory(AccountId account, String roleId) {
        return loaded(roleId);
    }

    /** Managed session policies, cached by ARN like a principal's policies (a deleted one fails: denied). */
    @Override
    public List<CompiledPolicy> managedPolicies(AccountId account, List<String> arns) {
        if (store == null) {
            throw new UnsupportedOperationException("managed session policies cannot be read here");
        }
        List<CompiledPolicy> out = new java.util.ArrayList<>();
        for (String arn : arns) {
            out.addAll(load(arn, arn, () -> List.of(CompiledPolicy.parse(arn, store.findPolicy(account, arn)
                    .orElseThrow(() -> new IllegalStateException("the policy " + arn + " no longer exists"))
                    .document()))));
        }
        return out;
    }

    private List<CompiledPolicy> load(String key, String arn, Supplier<List<CompiledPolicy>> source) {
        CompletableFuture<Loaded> cached = cache.getIfPresent(key);
        if (cached != null && cached.isDone()) {
            return cached.join().policiesOrThrow();
        }
        if (onEventLoop.getAsBoolean()) {
            LOG.error("the policies of {} were asked for on an event loop thread ({}); the route must run on the"
                    + " blocking executor", arn, Thread.currentThread().getName());
            throw new IllegalStateException("policies are not loaded and may not be read on the event loop");
        }
        CompletableFuture<Loaded> mine = new CompletableFuture<>();
        CompletableFuture<Loaded> existing = cache.asMap().putIfAbsent(key, mine);
        if (existing != null) {
            return existing.join().policiesOrThrow();
        }
        // loaded outside any cache lock: an invalidation meanwhile removes this entry, and it is then not kept
        Loaded loaded;
        try {
            loaded = new Loaded(source.get(), null);
        } catch (RuntimeException e) {
            // not cached: the next request tries again (and concurrent waiters share this failure)
            cache.asMap().remove(key, mine);
            LOG.warn("the policies of {} could not be loaded: {}", arn, e.toString());
            loaded = new Loaded(List.of(), e);
        }
        mine.complete(loaded);
        return loaded.policiesOrThrow();
    }

    private boolean loaded(String key) {
        CompletableFuture<Loaded> cached = cache.getIfPresent(key);
        return cached != null && cached.isDone() && cached.join().failure() == null;
    }

    /** Whether the user's policies are loaded (cache-first: the request may then be decided on the event loop). */
    @Override
    public boolean inMemory(User user) {
        return loaded(user.userId());
    }

    @Override
    public void userPoliciesChanged(String userId) {
        cache.synchronous().invalidate(userId);
    }

    @Override
    public void rolePoliciesChanged(String roleId) {
        cache.synchronous().invalidate(roleId);
    }

    @Override
    public void allPoliciesChanged() {
        cache.synchronous().invalidateAll();
    }

    /** A load's outcome; a failure is handed to the requests that waited for it, never kept. */
    private record Loaded(List<CompiledPolicy> policies, RuntimeException failure) {
        List<CompiledPolicy> policiesOrThrow() {
            if (failure != null) {
                throw failure;
            }
            return policies;
        }
    }

    /**
     * Whether the current thread runs a Netty event loop (or another Netty single-thread executor): Netty records the
     * executor of each of its threads in {@code ThreadExecutorMap} (a public class of its internal package, the only
     * exact answer; a thread's class or name would only be a guess).
     */
    static boolean onNettyEventLoop() {
        return ThreadExecutorMap.currentExecutor() != null;
    }
}
