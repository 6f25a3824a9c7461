package io.keywarden.core.service;

/** GetCallerIdentity's answer. */
public record CallerIdentity(String account, String userId, String arn) {
}
