package io.keywarden.core.port;

import io.keywarden.core.keys.AccessKeyId;

/** Told after an access key was created, changed status or was deleted (e.g. to invalidate caches). */
public interface KeyChangeListener {
    void accessKeyChanged(AccessKeyId id);
}
