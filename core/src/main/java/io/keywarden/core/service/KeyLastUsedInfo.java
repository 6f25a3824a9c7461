package io.keywarden.core.service;

import io.keywarden.core.keys.LastUsed;

import java.util.Optional;

/**
 * GetAccessKeyLastUsed's answer: the owner's user name (absent for root's keys) and the record, if the key was ever
 * used. On the wire a never-used key shows {@code N/A} for service and region and no date.
 */
public record KeyLastUsedInfo(String userName, LastUsed lastUsed) {
    public Optional<LastUsed> record() {
        return Optional.ofNullable(lastUsed);
    }

    public String serviceName() {
        return lastUsed == null ? "N/A" : lastUsed.serviceName();
    }

    public String region() {
        return lastUsed == null ? "N/A" : lastUsed.region();
    }
}
