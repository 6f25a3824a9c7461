package io.keywarden.core.testing;

import io.keywarden.core.crypto.SecretSealer;
import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.port.SealedSecretStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@link SealedSecretStore} over a sorted map of access key ID to sealed form (a deleted key is removed). */
public final class InMemorySealedSecrets implements SealedSecretStore {
    private final TreeMap<String, String> sealed = new TreeMap<>();

    public synchronized void put(AccessKeyId id, String sealedForm) {
        sealed.put(id.value(), sealedForm);
    }

    public synchronized void delete(AccessKeyId id) {
        sealed.remove(id.value());
    }

    public synchronized String get(AccessKeyId id) {
        return sealed.get(id.value());
    }

    @Override
    public synchronized Map<Integer, Long> countByVersion() {
        Map<Integer, Long> out = new TreeMap<>();
        for (String s : sealed.values()) {
            out.merge(SecretSealer.versionOf(s), 1L, Long::sum);
        }
        return out;
    }

    @Override
    public synchronized List<SealedSecret> sealedNotUnder(int version, String afterId, int limit) {
        List<SealedSecret> out = new ArrayList<>();
        Map<String, String> tail = afterId == null ? sealed : sealed.tailMap(afterId, false);
        for (Map.Entry<String, String> e : tail.entrySet()) {
            if (out.size() == limit) {
                break;
            }
            if (SecretSealer.versionOf(e.getValue()) != version) {
                out.add(new SealedSecret(AccessKeyId.of(e.getKey()), e.getValue()));
            }
        }
        return out;
    }

    @Override
    public synchronized int replace(List<Replacement> replacements) {
        int n = 0;
        for (Replacement r : replacements) {
            if (r.expected().equals(sealed.get(r.id().value()))) {
                sealed.put(r.id().value(), r.resealed());
                n++;
            }
        }
        return n;
    }
}
