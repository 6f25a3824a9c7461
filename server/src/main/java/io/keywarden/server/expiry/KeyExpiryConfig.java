package io.keywarden.server.expiry;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.net.InetAddress;
import java.time.Duration;
import java.util.UUID;

/**
 * {@code keywarden.key-hygiene.*}: the key expiry scheduler (docs/key-hygiene.md "Expiry policies",
 * docs/operations.md).
 */
@ConfigurationProperties("keywarden.key-hygiene")
public class KeyExpiryConfig {
    private Duration interval = Duration.ofHours(1);
    private Duration initialDelay = Duration.ofMinutes(1);
    private String node = defaultNode();

    /** How often the policy is applied (default 1 h). */
    public Duration getInterval() {
        return interval;
    }

    public void setInterval(Duration interval) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("keywarden.key-hygiene.interval must be positive");
        }
        this.interval = interval;
    }

    /** The first run after start (default 1 min). */
    public Duration getInitialDelay() {
        return initialDelay;
    }

    public void setInitialDelay(Duration initialDelay) {
        if (initialDelay == null || initialDelay.isNegative()) {
            throw new IllegalArgumentException("keywarden.key-hygiene.initial-delay must not be negative");
        }
        this.initialDelay = initialDelay;
    }

    /**
     * This node's name in the audit events of the policy's actions and in the lease (default: the host name, the
     * process ID and a random suffix, so two nodes never share it).
     */
    public String getNode() {
        return node;
    }

    public void setNode(String node) {
        if (node == null || node.isBlank() || node.length() > 100) {
            throw new IllegalArgumentException("keywarden.key-hygiene.node must be 1-100 characters");
        }
        this.node = node;
    }

    private static String defaultNode() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException | RuntimeException e) {
            host = "node";
        }
        String pid = Long.toString(ProcessHandle.current().pid());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = host + "-" + pid + "-" + suffix;
        return name.length() > 100 ? name.substring(name.length() - 100) : name;
    }

}
