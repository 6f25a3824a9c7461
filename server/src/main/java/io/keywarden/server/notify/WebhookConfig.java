package io.keywarden.server.notify;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * {@code keywarden.webhooks.*} (docs/webhooks.md): which hosts webhooks may call ({@code KEYWARDEN_WEBHOOK_ALLOWED_HOSTS},
 * comma-separated, {@code *.example.com} for subdomains; empty: any public host), whether loopback and private
 * addresses may be called ({@code KEYWARDEN_WEBHOOK_ALLOW_LOOPBACK}, {@code KEYWARDEN_WEBHOOK_ALLOW_PRIVATE}: off), and
 * how deliveries run, and how long delivered and given-up deliveries and the delivery log are kept
 * ({@code KEYWARDEN_WEBHOOKS_RETENTION}, 30 days; 0 keeps them forever).
 */
@ConfigurationProperties("keywarden.webhooks")
public class WebhookConfig {
    private String allowedHosts = "";
    private boolean allowLoopback;
    private boolean allowPrivate;
    private Duration pollInterval = Duration.ofSeconds(1);
    private Duration claimDuration = Duration.ofSeconds(60);
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private int maxAttempts = 8;
    private Duration retryBase = Duration.ofSeconds(10);
    private Duration retryMax = Duration.ofHours(1);
    private Duration rootKeyInterval = Duration.ofHours(1);
    private Duration retention = Duration.ofDays(30);
    private Duration retentionInterval = Duration.ofHours(1);

    public List<String> allowedHostList() {
        return Arrays.stream(allowedHosts.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public String getAllowedHosts() {
        return allowedHosts;
    }

    public void setAllowedHosts(String allowedHosts) {
        this.allowedHosts = allowedHosts == null ? "" : allowedHosts;
    }

    public boolean isAllowLoopback() {
        return allowLoopback;
    }

    public void setAllowLoopback(boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    public boolean isAllowPrivate() {
        return allowPrivate;
    }

    public void setAllowPrivate(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public Duration getClaimDuration() {
        return claimDuration;
    }

    public void setClaimDuration(Duration claimDuration) {
        this.claimDuration = claimDuration;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public Duration getRetryBase() {
        return retryBase;
    }

    public void setRetryBase(Duration retryBase) {
        this.retryBase = retryBase;
    }

    public Duration getRetryMax() {
        return retryMax;
    }

    public void setRetryMax(Duration retryMax) {
        this.retryMax = retryMax;
    }

    public Duration getRootKeyInterval() {
        return rootKeyInterval;
    }

    public void setRootKeyInterval(Duration rootKeyInterval) {
        this.rootKeyInterval = rootKeyInterval;
    }

    public Duration getRetention() {
        return retention;
    }

    public void setRetention(Duration retention) {
        if (retention == null || retention.isNegative()) {
            throw new IllegalArgumentException("keywarden.webhooks.retention must be 0 (keep forever) or positive");
        }
        this.retention = retention;
    }

    public Duration getRetentionInterval() {
        return retentionInterval;
    }

    public void setRetentionInterval(Duration retentionInterval) {
        if (retentionInterval == null || retentionInterval.isNegative() || retentionInterval.isZero()) {
            throw new IllegalArgumentException("keywarden.webhooks.retention-interval must be positive");
        }
        this.retentionInterval = retentionInterval;
    }
}
