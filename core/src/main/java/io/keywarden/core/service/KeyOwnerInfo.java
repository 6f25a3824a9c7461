package io.keywarden.core.service;

import io.keywarden.core.keys.AccessKey;

/**
 * The answer to "who owns this key?": the account, the owner's ARN and user name (absent for root) and the key.
 */
public record KeyOwnerInfo(String account, String arn, String userName, String userId, AccessKey key) {
}
