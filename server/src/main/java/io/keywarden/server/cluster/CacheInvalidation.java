package io.keywarden.server.cluster;

/**
 * A cache of database state that can be dropped whole: the {@link ChangeFeed} does so when it lost track of the
 * change log (the database was unreachable for a while), so that nothing stale survives.
 */
public interface CacheInvalidation {
    void invalidateAll();
}
