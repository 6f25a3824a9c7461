package io.keywarden.server.settings;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * Console passwords, under {@code keywarden.passwords.*}: Argon2id's cost for new hashes (old hashes keep the
 * parameters written in them), the lock-out after consecutive wrong passwords, and the per-source-address throttle.
 */
@ConfigurationProperties("keywarden.passwords")
public class PasswordConfig {
    private int argon2MemoryKib = 19 * 1024;
    private int argon2Iterations = 2;
    private int argon2Parallelism = 1;
    private int lockAfter = 5;
    private Duration lockFor = Duration.ofMinutes(15);
    private int sourceAttempts = 20;
    private Duration sourceWindow = Duration.ofMinutes(1);
    private int sourceAddresses = 100_000;

    public int getArgon2MemoryKib() {
        return argon2MemoryKib;
    }

    public void setArgon2MemoryKib(int argon2MemoryKib) {
        this.argon2MemoryKib = argon2MemoryKib;
    }

    public int getArgon2Iterations() {
        return argon2Iterations;
    }

    public void setArgon2Iterations(int argon2Iterations) {
        this.argon2Iterations = argon2Iterations;
    }

    public int getArgon2Parallelism() {
        return argon2Parallelism;
    }

    public void setArgon2Parallelism(int argon2Parallelism) {
        this.argon2Parallelism = argon2Parallelism;
    }

    /** Consecutive wrong passwords that lock a user out (default 5). */
    public int getLockAfter() {
        return lockAfter;
    }

    public void setLockAfter(int lockAfter) {
        if (lockAfter < 1) {
            throw new IllegalArgumentException("keywarden.passwords.lock-after must be at least 1");
        }
        this.lockAfter = lockAfter;
    }

    /** How long a lock-out lasts (default 15 minutes). */
    public Duration getLockFor() {
        return lockFor;
    }

    public void setLockFor(Duration lockFor) {
        if (lockFor == null || lockFor.isNegative() || lockFor.isZero()) {
            throw new IllegalArgumentException("keywarden.passwords.lock-for must be positive");
        }
        this.lockFor = lockFor;
    }

    /** Sign-in attempts one source address may make per {@link #getSourceWindow()} (default 20). */
    public int getSourceAttempts() {
        return sourceAttempts;
    }

    public void setSourceAttempts(int sourceAttempts) {
        if (sourceAttempts < 1) {
            throw new IllegalArgumentException("keywarden.passwords.source-attempts must be at least 1");
        }
        this.sourceAttempts = sourceAttempts;
    }

    public Duration getSourceWindow() {
        return sourceWindow;
    }

    public void setSourceWindow(Duration sourceWindow) {
        if (sourceWindow == null || sourceWindow.isNegative() || sourceWindow.isZero()) {
            throw new IllegalArgumentException("keywarden.passwords.source-window must be positive");
        }
        this.sourceWindow = sourceWindow;
    }

    /** How many source addresses the throttle remembers at most (default 100,000; the oldest go first). */
    public int getSourceAddresses() {
        return sourceAddresses;
    }

    public void setSourceAddresses(int sourceAddresses) {
        this.sourceAddresses = sourceAddresses;
    }
}
