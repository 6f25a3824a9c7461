package io.keywarden.core.operation;

/**
 * The services whose operations Keywarden serves, with what each face and the audit trail need to know of them: the
 * event source the trail records, the IAM action prefix, the AWS protocol its AWS face ({@code POST /}) speaks, and
 * for that protocol the Query API version and XML namespace or the JSON 1.1 target prefix.
 */
public enum Service {
    IAM("iam.amazonaws.com", "iam", Protocol.QUERY, "2010-05-08", "https://iam.amazonaws.com/doc/2010-05-08/", null),
    STS("sts.amazonaws.com", "sts", Protocol.QUERY, "2011-06-15", "https://sts.amazonaws.com/doc/2011-06-15/", null),
    /** CloudTrail (the audit trail's LookupEvents): JSON 1.1, {@code X-Amz-Target: CloudTrail_20131101.Name}. */
    CLOUDTRAIL("cloudtrail.amazonaws.com", "cloudtrail", Protocol.JSON_1_1, null, null,
            "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101"),
    /**
     * The console's sign-in and sign-out: CloudTrail's {@code signin.amazonaws.com}. No AWS face (AWS's sign-in is a web
     * page, not an API); REST only.
     */
    SIGNIN("signin.amazonaws.com", "signin", Protocol.NONE, null, null, null),
    /** Keywarden's own operations (verifying the trail, the owner look-up): REST only. */
    KEYWARDEN("keywarden", "keywarden", Protocol.NONE, null, null, null);

    /** The AWS protocol of a service's face on {@code POST /}. */
    public enum Protocol {
        /** AWS Query: a form body with {@code Action} and {@code Version}, XML answers (IAM, STS). */
        QUERY,
        /** AWS JSON 1.1: a JSON body, the operation in {@code X-Amz-Target}, JSON answers (CloudTrail). */
        JSON_1_1,
        /** No AWS face: REST only. */
        NONE
    }

    private final String eventSource;
    private final String actionPrefix;
    private final Protocol protocol;
    private final String queryVersion;
    private final String xmlNamespace;
    private final String jsonTargetPrefix;

    Service(String eventSource, String actionPrefix, Protocol protocol, String queryVersion, String xmlNamespace,
            String jsonTargetPrefix) {
        this.eventSource = eventSource;
        this.actionPrefix = actionPrefix;
        this.protocol = protocol;
        this.queryVersion = queryVersion;
        this.xmlNamespace = xmlNamespace;
        this.jsonTargetPrefix = jsonTargetPrefix;
    }

    /**
     * CloudTrail's {@code eventSource}: {@code iam.amazonaws.com}, {@code sts.amazonaws.com},
     * {@code cloudtrail.amazonaws.com}, {@code signin.amazonaws.com} or {@code keywarden}.
     */
    public String eventSource() {
        return eventSource;
    }

    /** The prefix of the service's IAM actions: {@code iam}, {@code sts}, {@code cloudtrail}, {@code keywarden}. */
    public String actionPrefix() {
        return actionPrefix;
    }

    /** The protocol of the service's AWS face. */
    public Protocol protocol() {
        return protocol;
    }

    /**
     * The JSON 1.1 {@code X-Amz-Target} of an operation is this prefix, a dot and the operation's name; null for a
     * service that does not speak JSON 1.1.
     */
    public String jsonTargetPrefix() {
        return jsonTargetPrefix;
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
