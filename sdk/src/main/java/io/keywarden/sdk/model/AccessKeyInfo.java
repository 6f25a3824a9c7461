package io.keywarden.sdk.model;

import java.util.Objects;

/**
 * GetAccessKeyInfo's answer: the account a key ID belongs to, decoded from the ID alone (whether or not the key
 * exists).
 *
 * @param accessKeyId the key ID asked about
 * @param account     the 12-digit account ID
 */
public record AccessKeyInfo(String accessKeyId, String account) {
    public AccessKeyInfo {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(account, "account");
    }
}
