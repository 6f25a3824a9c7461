package io.keywarden.core.policy;

import java.util.Optional;

/** The policy language version a document declares in {@code Version}. */
public enum PolicyVersion {
    /** The current language: policy variables are substituted. */
    V2012_10_17("2012-10-17", true),
    /** The original language, also what a document without {@code Version} gets: variables are literal text. */
    V2008_10_17("2008-10-17", false);

    private final String jsonName;
    private final boolean variables;

    PolicyVersion(String jsonName, boolean variables) {
        this.jsonName = jsonName;
        this.variables = variables;
    }

    /** As written in a policy, e.g. {@code 2012-10-17}. */
    public String jsonName() {
        return jsonName;
    }

    /** Whether {@code ${...}} policy variables are substituted under this version. */
    public boolean supportsVariables() {
        return variables;
    }

    public static Optional<PolicyVersion> fromJsonName(String name) {
        for (PolicyVersion version : values()) {
            if (version.jsonName.equals(name)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
