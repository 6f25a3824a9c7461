package io.keywarden.core.operation;

/**
 * The services whose operations Keywarden serves, with what each face and the audit trail need to know of them: the
 * event source the trail records, and for the AWS Query face the API version and XML namespace.
 */
public enum Service {
    IAM("iam.amazonaws.com", "2010-05-08", "https://iam.amazonaws.com/doc/2010-05-08/"),
    STS("sts.amazonaws.com", "2011-06-15", "https://sts.amazonaws.com/doc/2011-06-15/"),
    /** Keywarden's own operations (the audit trail, the owner look-up): REST only. */
    KEYWARDEN("keywarden", null, null);

    private final String eventSource;
    private final String queryVersion;
    private final String xmlNamespace;

    Service(String eventSource, String queryVersion, String xmlNamespace) {
        this.eventSource = eventSource;
        this.queryVersion = queryVersion;
        this.xmlNamespace = xmlNamespace;
    }

    /** CloudTrail's {@code eventSource}: {@code iam.amazonaws.com}, {@code sts.amazonaws.com} or {@code keywarden}. */
    public String eventSource() {
        return eventSource;
    }

    /** The Query protocol's {@code Version}; null for a service without a Query face. */
    public String queryVersion() {
        return queryVersion;
    }

    /** The namespace of the Query protocol's XML answers; null for a service without a Query face. */
    public String xmlNamespace() {
        return xmlNamespace;
    }
}
