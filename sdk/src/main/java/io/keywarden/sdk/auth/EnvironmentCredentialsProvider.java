package io.keywarden.sdk.auth;

import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.exception.CredentialsException;

import java.util.Map;
import java.util.Objects;

/**
 * Credentials from the environment variables {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and
 * (optional) {@code AWS_SESSION_TOKEN}, read on every call. Blank values count as unset.
 */
public final class EnvironmentCredentialsProvider implements CredentialsProvider {
    public static final String ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    public static final String SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    public static final String SESSION_TOKEN = "AWS_SESSION_TOKEN";

    private final Map<String, String> environment;

    private EnvironmentCredentialsProvider(Map<String, String> environment) {
        this.environment = environment;
    }

    /** Reads the process environment ({@link System#getenv()}). */
    public static EnvironmentCredentialsProvider create() {
        return new EnvironmentCredentialsProvider(System.getenv());
    }

    /** Reads the given variables instead of the process environment (the map is read live, not copied). */
    public static EnvironmentCredentialsProvider create(Map<String, String> environment) {
        return new EnvironmentCredentialsProvider(Objects.requireNonNull(environment, "environment"));
    }

    @Override
    public SigningCredentials resolveCredentials() {
        String id = value(ACCESS_KEY_ID);
        String secret = value(SECRET_ACCESS_KEY);
        if (id == null && secret == null) {
            throw new CredentialsException("unable to load credentials from the environment: "
                    + ACCESS_KEY_ID + " and " + SECRET_ACCESS_KEY + " are not set");
        }
        if (id == null) {
            throw new CredentialsException("unable to load credentials from the environment: " + ACCESS_KEY_ID
                    + " is not set (" + SECRET_ACCESS_KEY + " is)");
        }
        if (secret == null) {
            throw new CredentialsException("unable to load credentials from the environment: " + SECRET_ACCESS_KEY
                    + " is not set (" + ACCESS_KEY_ID + " is)");
        }
        try {
            return SigningCredentials.of(id, secret, value(SESSION_TOKEN));
        } catch (IllegalArgumentException e) {
            throw new CredentialsException("unable to load credentials from the environment: " + e.getMessage());
        }
    }

    private String value(String name) {
        String v = environment.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    @Override
    public String toString() {
        return "EnvironmentCredentialsProvider";
    }
}
