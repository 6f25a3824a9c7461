package io.keywarden.sdk.model;

/** Which managed policies ListPolicies returns. Keywarden hosts no AWS-managed policies, so {@code AWS} lists none. */
public enum PolicyScope {
    ALL("All"),
    LOCAL("Local"),
    AWS("AWS");

    private final String wireName;

    PolicyScope(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire: {@code All}, {@code Local} or {@code AWS}. */
    public String wireName() {
        return wireName;
    }
}
