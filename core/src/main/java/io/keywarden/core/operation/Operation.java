package io.keywarden.core.operation;

import java.util.Objects;

/**
 * One operation of the catalogue ({@link Catalogue}): everything the faces, authorisation and the audit trail need to
 * know about it, in one place.
 *
 * @param name        the operation's name, as AWS spells it ({@code CreateAccessKey}); the audit trail's event name
 *                    and the Query protocol's {@code Action}
 * @param service     the service it belongs to
 * @param action      the IAM action it is authorised as ({@code iam:CreateAccessKey}); null when it needs no permission
 * @param readOnly    whether it only reads (CloudTrail's {@code readOnly}: its event need not be committed before the
 *                    answer)
 * @param awsFace     whether the AWS face ({@code POST /}) serves it, in its service's protocol
 *                    ({@link Service#protocol()}: the Query protocol for IAM and STS, JSON 1.1 for CloudTrail); every
 *                    operation also has its REST route
 * @param resource    how the resource it is authorised on is formed (for the documentation and the simulator)
 * @param requestType its typed request: a record whose components are its parameters
 * @param resultType  its typed result: a record whose components are its response elements ({@link NoOutput} when
 *                    it has none)
 * @param authentication how its caller is authenticated: by a SigV4 signature before it runs (every operation but
 *                    the console's sign-in), or by the operation itself ({@link Authentication#SIGN_IN})
 */
public record Operation<Q extends Record, R extends Record>(String name, Service service, String action,
                                                           boolean readOnly, boolean awsFace, String resource,
                                                           Class<Q> requestType, Class<R> resultType,
                                                           Authentication authentication) {
    /** How an operation's caller is authenticated. */
    public enum Authentication {
        /**
         * SigV4 (a long-term key, or temporary credentials with their session token), verified before the operation
         * runs: the caller is known, authorised with the operation's action, and named by its event.
         */
        SIGNATURE,
        /**
         * The operation is the authentication itself (the console's {@code ConsoleLogin}): it may come unsigned, with
         * a password, or signed with an access key it checks as part of the attempt; a refusal is its own failure
         * ({@link io.keywarden.core.error.SignInRefused}), answered alike whatever the reason. Its handler is a
         * {@link SignInHandler}, its result a {@link SignInResult}; its event, as CloudTrail records sign-in events,
         * names the principal it signed in (nobody when it failed), has no request parameters, and has the response
         * elements {@code {"Name":"Success"}} or {@code {"Name":"Failure"}}.
         */
        SIGN_IN
    }

    public Operation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(requestType, "requestType");
        Objects.requireNonNull(resultType, "resultType");
        Objects.requireNonNull(authentication, "authentication");
        if (awsFace && service.protocol() == Service.Protocol.NONE) {
            throw new IllegalArgumentException(name + ": service " + service + " has no AWS face");
        }
        if (authentication == Authentication.SIGN_IN
                && (action != null || readOnly || awsFace || !SignInResult.class.isAssignableFrom(resultType))) {
            throw new IllegalArgumentException(name + ": a sign-in needs no permission, changes state, has no AWS face"
                    + " and answers a SignInResult");
        }
    }

    /** An operation whose caller signs its request (SigV4). */
    public Operation(String name, Service service, String action, boolean readOnly, boolean awsFace, String resource,
                     Class<Q> requestType, Class<R> resultType) {
        this(name, service, action, readOnly, awsFace, resource, requestType, resultType, Authentication.SIGNATURE);
    }

    /** Whether the operation authenticates its caller itself ({@link Authentication#SIGN_IN}). */
    public boolean signIn() {
        return authentication == Authentication.SIGN_IN;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Whether the AWS Query face serves it ({@code Action=name}). */
    public boolean queryFace() {
        return awsFace && service.protocol() == Service.Protocol.QUERY;
    }

    /** Whether the AWS JSON 1.1 face serves it ({@code X-Amz-Target}, {@link #jsonTarget()}). */
    public boolean jsonFace() {
        return awsFace && service.protocol() == Service.Protocol.JSON_1_1;
    }

    /** Its JSON 1.1 {@code X-Amz-Target}; null when the JSON 1.1 face does not serve it. */
    public String jsonTarget() {
        return jsonFace() ? service.jsonTargetPrefix() + "." + name : null;
    }

    /** This operation as a row of {@code docs/catalogue.md}: name, service, action, kind, AWS face, resource. */
    public String markdownRow() {
        return "| " + name + " | " + service.name().toLowerCase(java.util.Locale.ROOT) + " | "
                + (action == null ? "none" : "`" + action + "`") + " | " + (readOnly ? "read" : "change") + " | "
                + (queryFace() ? "yes" : jsonFace() ? "JSON 1.1" : "no") + " | " + resource + " |";
    }

    /** The result of an operation without output. */
    public record NoOutput() {
        public static final NoOutput INSTANCE = new NoOutput();
    }
}
