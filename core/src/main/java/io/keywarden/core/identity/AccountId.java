package io.keywarden.core.identity;

import io.keywarden.core.error.KeywardenException;

import java.util.random.RandomGenerator;

/** A 12-digit AWS-style account ID. */
public record AccountId(String value) {
    public AccountId {
        if (value == null || value.length() != 12 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw KeywardenException.validation("accountId", "Member must be a 12-digit account ID");
        }
    }

    public static AccountId of(String value) {
        return new AccountId(value);
    }

    /** A random account ID; the first digit is not 0, as in AWS. */
    public static AccountId random(RandomGenerator random) {
        long n = 100_000_000_000L + random.nextLong(900_000_000_000L);
        return new AccountId(Long.toString(n));
    }

    public long asLong() {
        return Long.parseLong(value);
    }

    public String rootArn() {
        return "arn:aws:iam::" + value + ":root";
    }

    @Override
    public String toString() {
        return value;
    }
}
