package io.keywarden.sdk.model;

import java.time.Instant;
import java.util.Optional;

/**
 * The key hygiene report: the policy (empty when none is set: then only ages are reported), counts over every key,
 * and one page of keys in access key ID order.
 */
public record KeyHygieneReport(Optional<KeyExpiryPolicy> policy, Instant generatedAt, KeyHygieneSummary summary,
                               Page<KeyHygieneKey> keys) {
}
