package io.keywarden.sdk;

import io.keywarden.sdk.internal.PageSizes;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keywarden.core.keys.KeyStatus;
import io.keywarden.sdk.auth.CredentialsProvider;
import io.keywarden.sdk.auth.CredentialsProviderChain;
import io.keywarden.sdk.exception.AccessDeniedException;
import io.keywarden.sdk.exception.CredentialsException;
import io.keywarden.sdk.exception.DeleteConflictException;
import io.keywarden.sdk.exception.EntityAlreadyExistsException;
import io.keywarden.sdk.exception.KeywardenClientException;
import io.keywarden.sdk.exception.KeywardenServiceException;
import io.keywarden.sdk.exception.LimitExceededException;
import io.keywarden.sdk.exception.MalformedPolicyDocumentException;
import io.keywarden.sdk.exception.NoSuchEntityException;
import io.keywarden.sdk.exception.ReportNotPresentException;
import io.keywarden.sdk.exception.ThrottlingException;
import io.keywarden.sdk.exception.ValidationException;
import io.keywarden.sdk.internal.AnswerReader;
import io.keywarden.sdk.internal.ApiRequest;
import io.keywarden.sdk.internal.ApiResponse;
import io.keywarden.sdk.internal.Backoff;
import io.keywarden.sdk.internal.CredentialReportCsv;
import io.keywarden.sdk.internal.HttpPipeline;
import io.keywarden.sdk.internal.Json;
import io.keywarden.sdk.internal.QueryBuilder;
import io.keywarden.sdk.internal.Responses;
import io.keywarden.sdk.internal.Sleeper;
import io.keywarden.sdk.internal.UriEncoding;
import io.keywarden.sdk.internal.Seconds;
import io.keywarden.sdk.model.AccessKeyInfo;
import io.keywarden.sdk.model.LoginProfile;
import io.keywarden.sdk.model.ConsoleSession;
import io.keywarden.sdk.model.PasswordPolicy;
import io.keywarden.sdk.model.AssumeRoleRequest;
import io.keywarden.sdk.model.AssumedRole;
import io.keywarden.sdk.model.CreateRoleRequest;
import io.keywarden.sdk.model.Role;
import io.keywarden.sdk.model.RolePolicy;
import io.keywarden.sdk.model.SessionCredentials;
import io.keywarden.sdk.model.QuarantineResult;
import io.keywarden.sdk.model.Tag;
import io.keywarden.sdk.model.AuditEvent;
import io.keywarden.sdk.model.AuditVerification;
import io.keywarden.sdk.model.LookupAuditEventsRequest;
import io.keywarden.sdk.model.AccessKeyLastUsed;
import io.keywarden.sdk.model.AccessKeyMetadata;
import io.keywarden.sdk.model.AttachedPolicy;
import io.keywarden.sdk.model.CallerIdentity;
import io.keywarden.sdk.model.CreatedAccessKey;
import io.keywarden.sdk.model.CredentialReport;
import io.keywarden.sdk.model.CredentialReportGeneration;
import io.keywarden.sdk.model.KeyOwner;
import io.keywarden.sdk.model.ListPoliciesRequest;
import io.keywarden.sdk.model.ListUsersRequest;
import io.keywarden.sdk.model.ListUserSummariesRequest;
import io.keywarden.sdk.model.UserOverview;
import io.keywarden.sdk.model.ManagedPolicy;
import io.keywarden.sdk.model.Page;
import io.keywarden.sdk.model.SimulationRequest;
import io.keywarden.sdk.model.SimulationResult;
import io.keywarden.sdk.model.User;
import io.keywarden.sdk.model.UserPolicy;
import io.keywarden.sdk.model.UserSummary;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The Keywarden client: one typed method per operation of the JSON REST API ({@code /v1}), each request signed
 * with AWS Signature Version 4 using the credentials the {@link CredentialsProvider} gives at that moment.
 *
 * <pre>{@code
 * try (KeywardenClient client = KeywardenClient.builder()
 *         .endpoint(URI.create("https://keywarden.example.com"))
 *         .region("us-east-1")
 *         .credentialsProvider(ProfileCredentialsProvider.create("admin"))
 *         .build()) {
 *     CreatedAccessKey key = client.createAccessKey("alice");
 * }
 * }</pre>
 *
 * <p>Failures are unchecked: a {@link KeywardenServiceException} subclass when the service answered with an error
 * ({@link NoSuchEntityException}, {@link EntityAlreadyExistsException}, {@link LimitExceededException},
 * {@link DeleteConflictException}, {@link AccessDeniedException}, {@link ValidationException}, …), a
 * {@link KeywardenClientException} when it could not be reached or understood ({@link CredentialsException} when
 * there are no credentials). Throttling, HTTP 503 and failed connections are retried with exponential back-off and
 * jitter; other 5xx answers and dropped connections are retried only for requests that are safe to repeat (not the
 * creating POSTs). See {@link Builder#maxRetries(int)}.
 *
 * <p>Wherever a user name is asked for, {@value #ME} stands for the caller. Names and key IDs are checked by the
 * service, not here (except that they must not be empty). Thread-safe; close it to release its threads.
 */
public final class KeywardenClient implements AutoCloseable {
    /** The user name that stands for the caller's own user. */
    public static final String ME = "~";

    private static final String USERS = "users";
    private static final String ACCESS_KEYS = "access-keys";
    private static final String AUDIT_EVENTS = "audit-events";
    private static final String V1 = "v1";
    private static final String POLICIES = "policies";
    private static final String ATTACHED_POLICIES = "attached-policies";
    private static final String CREDENTIAL_REPORT = "credential-report";
    private static final String ROLES = "roles";
    private static final String WEBHOOKS = "webhooks";
    private static final String KEY_HYGIENE = "key-hygiene";
    private static final String STS = "sts";
    private static final String REVOKE_SESSIONS = "revoke-sessions";
    private static final String TAGS = "tags";
    private static final String QUARANTINE = "quarantine";
    private static final String LOGIN_PROFILE = "login-profile";

    private final HttpPipeline pipeline;
    private final URI endpoint;
    private final String region;

    private KeywardenClient(HttpPipeline pipeline, URI endpoint, String region) {
        this.pipeline = pipeline;
        this.endpoint = endpoint;
        this.region = region;
    }

    public static Builder builder() {
        return new Builder();
    }

    public URI endpoint() {
        return endpoint;
    }

    public String region() {
        return region;
    }

    /** Where this client's credentials come from; it asks before every attempt. */
    public CredentialsProvider credentialsProvider() {
        return pipeline.config().credentialsProvider();
    }

    /**
     * A new client with every setting of this one (endpoint, region, timeouts, retries, clock, TLS) but signing with
     * {@code credentialsProvider}, e.g. to check that a freshly created key works. It has its own threads: close it
     * too. This client is unaffected.
     */
    public KeywardenClient withCredentialsProvider(CredentialsProvider credentialsProvider) {
        Objects.requireNonNull(credentialsProvider, "credentialsProvider");
        HttpPipeline.Config c = pipeline.config();
        return new KeywardenClient(new HttpPipeline(new HttpPipeline.Config(c.endpoint(), c.region(),
                credentialsProvider, c.clock(), c.connectTimeout(), c.requestTimeout(), c.maxRetries(), c.backoff(),
                c.sleeper(), c.sslContext(), c.userAgent())), endpoint, region);
    }

    // ---- STS -------------------------------------------------------------------------------------------------

    /** Who the credentials belong to (GetCallerIdentity; signed for {@code sts}; needs no permission). */
    public CallerIdentity callerIdentity() {
        ApiRequest request = ApiRequest.get(ApiRequest.STS, UriEncoding.path(V1, "caller-identity"));
        return Responses.callerIdentity(call(request));
    }

    /**
     * The account that owns an access key ID, decoded from the ID alone, whether or not the key exists
     * (GetAccessKeyInfo; signed for {@code sts}).
     *
     * @throws ValidationException when the ID is not syntactically valid
     */
    public AccessKeyInfo getAccessKeyInfo(String accessKeyId) {
        requireName(accessKeyId, "accessKeyId");
        ApiRequest request = ApiRequest.get(ApiRequest.STS, UriEncoding.path(V1, ACCESS_KEYS, accessKeyId, "info"));
        return Responses.accessKeyInfo(accessKeyId, call(request));
    }

    /**
     * Temporary credentials for the caller's own user (GetSessionToken; signed for {@code sts}), valid for the
     * service's default duration (12 hours; 1 hour for the root user). They act as the user; see
     * {@link #getSessionToken(Duration)}. Not retried once the request may have reached the server.
     *
     * @throws AccessDeniedException when called with temporary credentials (a session cannot make another)
     */
    public SessionCredentials getSessionToken() {
        return getSessionToken(null);
    }

    /**
     * Temporary credentials for the caller's own user (GetSessionToken; signed for {@code sts}): an {@code ASIA…}
     * key ID, its secret, a session token and the expiration.
     *
     * @param duration 15 minutes to 36 hours (the root user: at most 1 hour) in whole seconds, or {@code null} for
     *                 the default (12 hours)
     * @throws ValidationException   when the duration is outside the allowed range
     * @throws AccessDeniedException when called with temporary credentials
     */
    public SessionCredentials getSessionToken(Duration duration) {
        Integer seconds = Seconds.of(duration, "duration");
        ObjectNode body = Json.object();
        if (seconds != null) {
            body.put("durationSeconds", seconds);
        }
        ApiRequest request = new ApiRequest("POST", ApiRequest.STS, UriEncoding.path(V1, STS, "session-token"), "",
                Json.write(body), true);
        return Responses.sessionCredentials(call(request));
    }

    /**
     * Assumes a role (AssumeRole; signed for {@code sts}): temporary credentials of a session of the role, allowed
     * what the role's policies allow, narrowed by the request's session policies. The role's trust policy decides
     * whether the caller may. Not retried once the request may have reached the server.
     *
     * @throws AccessDeniedException when the trust policy does not allow the caller (with this external ID, source
     *                               identity and session name) to assume the role
     * @throws ValidationException   when the duration exceeds the role's maximum session duration (or 1 hour when
     *                               the caller is itself a role session), or a parameter is invalid
     * @throws MalformedPolicyDocumentException when the session policy is not a valid policy
     */
    public AssumedRole assumeRole(AssumeRoleRequest assumeRole) {
        Objects.requireNonNull(assumeRole, "assumeRole");
        ObjectNode body = Json.object().put("roleArn", assumeRole.roleArn())
                .put("roleSessionName", assumeRole.roleSessionName());
        Integer seconds = Seconds.of(assumeRole.duration().orElse(null), "duration");
        if (seconds != null) {
            body.put("durationSeconds", seconds);
        }
        assumeRole.externalId().ifPresent(v -> body.put("externalId", v));
        assumeRole.policy().ifPresent(v -> body.put("policy", v));
        if (!assumeRole.policyArns().isEmpty()) {
            ArrayNode arns = body.putArray("policyArns");
            assumeRole.policyArns().forEach(arns::add);
        }
        assumeRole.sourceIdentity().ifPresent(v -> body.put("sourceIdentity", v));
        ApiRequest request = new ApiRequest("POST", ApiRequest.STS, UriEncoding.path(V1, STS, "assume-role"), "",
                Json.write(body), true);
        return Responses.assumedRole(call(request));
    }

    // ---- users -----------------------------------------------------------------------------------------------

    /**
     * Creates a user at path {@code /}.
     *
     * @throws EntityAlreadyExistsException when a user of that name (ignoring case) exists
     * @throws ValidationException          when the name is not 1-64 characters of {@code [A-Za-z0-9+=,.@_-]}
     */
    public User createUser(String userName) {
        return createUser(userName, null);
    }

    /**
     * Creates a user at {@code path} ({@code /} or {@code /division/team/}); a {@code null} path means {@code /}.
     *
     * @throws EntityAlreadyExistsException when a user of that name (ignoring case) exists
     * @throws ValidationException          when the name or path is invalid
     */
    public User createUser(String userName, String path) {
        requireName(userName, "userName");
        ObjectNode body = Json.object().put("userName", userName);
        if (path != null) {
            body.put("path", path);
        }
        ApiRequest request = new ApiRequest("POST", ApiRequest.IAM, UriEncoding.path(V1, USERS), "",
                Json.write(body), false);
        return Responses.user(call(request));
    }

    /**
     * A user by name ({@value #ME}: the caller, which for the root user is a {@link User#isRoot() root} user).
     *
     * @throws NoSuchEntityException when there is no such user
     */
    public User getUser(String userName) {
        requireName(userName, "userName");
        return Responses.user(call(ApiRequest.get(ApiRequest.IAM, UriEncoding.path(V1, USERS, userName))));
    }

    /** The caller's own user (GetUser without a name). */
    public User getCurrentUser() {
        return getUser(ME);
    }

    /** The first page of all users, with the server's default page size. */
    public Page<UserSummary> listUsers() {
        return listUsers(ListUsersRequest.all());
    }

    /**
     * One page of users, each with its key age.
     *
     * @param pathPrefix only users whose path starts with it, or {@code null} for all
     * @param marker     the marker of a previous page, or {@code null} for the first page
     * @param maxItems   the page size (1-1000), or {@code null} for the server's default (100)
     */
    public Page<UserSummary> listUsers(String pathPrefix, String marker, Integer maxItems) {
        return listUsers(ListUsersRequest.builder().pathPrefix(pathPrefix).marker(marker).maxItems(maxItems).build());
    }

    /** One page of users, each with its key age. */
    public Page<UserSummary> listUsers(ListUsersRequest listRequest) {
        Objects.requireNonNull(listRequest, "listRequest");
        String query = new QueryBuilder()
                .add("pathPrefix", listRequest.pathPrefix().orElse(null))
                .add("maxItems", listRequest.maxItems().orElse(null))
                .add("marker", listRequest.marker().orElse(null))
                .build();
        AnswerReader json = call(ApiRequest.get(ApiRequest.IAM, UriEncoding.path(V1, USERS), query));
        return Responses.page(json, USERS, Responses::userSummary);
    }

    /**
     * One page of the console's Users table (ListUserSummaries): users in the request's order, each with its keys,
     * key age, most recent key use, password age and last console sign-in. Needs
     * {@code keywarden:ListUserSummaries} and {@code iam:ListUsers}, {@code iam:ListAccessKeys},
     * {@code iam:GetAccessKeyLastUsed} and {@code iam:GetLoginProfile} on every user.
     */
    public Page<UserOverview> listUserSummaries(ListUserSummariesRequest listRequest) {
        Objects.requireNonNull(listRequest, "listRequest");
        String query = new QueryBuilder()
                .add("sort", listRequest.sort().wireName())
                .add("order", listRequest.descending() ? "desc" : "asc")
                .add("search", listRequest.search().orElse(null))
                .add("maxItems", listRequest.maxItems().orElse(null))
                .add("marker", listRequest.marker().orElse(null))
                .build();
        AnswerReader json = call(ApiRequest.get(ApiRequest.IAM, UriEncoding.path(V1, "user-summaries"), query));
        return Responses.page(json, USERS, Responses::userOverview);
    }

    /** Every user, fetched page by page as the iteration goes. */
    public PagedIterable<UserSummary> listAllUsers() {
        return listAllUsers(ListUsersRequest.all());
    }

    /**
     * Every user the request selects, from its marker (or the first page) on, fetched page by page as the
     * iteration goes.
     */
    public PagedIterable<UserSummary> listAllUsers(ListUsersRequest listRequest) {
        Objects.requireNonNull(listRequest, "listRequest");
        return new PagedIterable<>(listRequest.marker().orElse(null),
                marker -> listUsers(listRequest.toBuilder().marker(marker).build()));
    }

    /**
     * Deletes a user.
     *
     * @throws DeleteConflictException while the user has access keys or policies
     * @throws NoSuchEntityException   when there is no such user
     */
    public void deleteUser(String userName) {
        requireName(userName, "userName");
        send(ApiRequest.delete(UriEncoding.path(V1, USERS, userName)));
    }

    // ---- access keys -----------------------------------------------------------------------------------------

    /**
     * Creates an Active access key for the user and returns it with its secret: the only time the secret is ever
     * returned. Not retried once the request may have reached the server (a retry could create a second key).
     *
     * @throws LimitExceededException when the user already has the maximum number of keys (2 by default)
     * @throws NoSuchEntityException  when there is no such user
     */
    public CreatedAccessKey createAccessKey(String userName) {
        requireName(userName, "userName");
        ApiRequest request = new ApiRequest("POST", ApiRequest.IAM, UriEncoding.path(V1, USERS, userName, ACCESS_KEYS),
                "", null, true);
        return Responses.createdAccessKey(call(request));
    }

    /**
     * Creates an Active access key for the user with a description of what it is for. The description is stored as
     * AWS's console stores it, as the user's tag keyed by the new key's ID: it needs {@code iam:TagUser} too, counts
     * against the user's 50 tags, shows in {@link #listAccessKeys(String)} and goes when the key is deleted. Not
     * retried once the request may have reached the server.
     *
     * @param description 0-256 characters of letters, digits, spaces and {@code _.:/=+-@}
     * @throws LimitExceededException when the user has the maximum number of keys, or of tags
     */
    public CreatedAccessKey createAccessKey(String userName, String description) {
        requireName(userName, "userName");
        Objects.requireNonNull(description, "description");
        ApiRequest request = new ApiRequest("POST", ApiRequest.IAM, UriEncoding.path(V1, USERS, userName, ACCESS_KEYS),
                "", Json.write(Json.object().put("description", description)), true);
        return Responses.createdAccessKey(call(request));
    }

    /** Creates an Active access key for the caller; see {@link #createAccessKey(String)}. */
    public CreatedAccessKey createAccessKey() {
        return createAccessKey(ME);
    }

    /** The first page of the user's access keys (metadata only, never secrets). */
    public Page<AccessKeyMetadata> listAccessKeys(String userName) {
        return listAccessKeys(userName, null, null);
    }

    /** The first page of the caller's access keys. */
    public Page<AccessKeyMetadata> listAccessKeys() {
        return listAccessKeys(ME);
    }

    /**
     * One page of the user's access keys.
     *
     * @param marker   the marker of a previous page, or {@code null} for the first page
     * @param maxItems the page size (1-1000), or {@code null} for the server's default (100)
     * @throws NoSuchEntityException when there is no such user
     */
    public Page<AccessKeyMetadata> listAccessKeys(String userName, String marker, Integer maxItems) {
        requireName(userName, "userName");
        if (marker != null && marker.isEmpty()) {
            throw new IllegalArgumentException("marker must not be empty (pass null for the first page)");
        }
        PageSizes.check(maxItems);
        String query = new QueryBuilder().add("maxItems", maxItems).add("marker", marker).build();
        AnswerReader json = call(ApiRequest.get(ApiRequest.IAM,
                UriEncoding.path(V1, USERS, userName, ACCESS_KEYS), query));
        return Responses.page(json, "accessKeys", Responses::accessKey);
    }

    /** All of the user's access keys, fetched page by page as the iteration goes. */
    public PagedIterable<AccessKeyMetadata> listAllAccessKeys(String userName) {
        requireName(userName, "userName");
        return new PagedIterable<>(null, marker -> listAccessKeys(userName, marker, null));
    }

    /**
     * Sets a key Active or Inactive; an Inactive key stops authenticating at once, and authenticates again once
     * reactivated. Safe to repeat.
     *
     * @return the key as it is now
     * @throws NoSuchEntityException when the user or key does not exist
     */
    public AccessKeyMetadata updateAccessKey(String userName, String accessKeyId, KeyStatus status) {
        requireName(userName, "userName");
        requireName(accessKeyId, "accessKeyId");
        Objects.requireNonNull(status, "status");
        ApiRequest request = new ApiRequest("PATCH", ApiRequest.IAM,
                UriEncoding.path(V1, USERS, userName, ACCESS_KEYS, accessKeyId), "",
                Json.write(Json.object().put("status", status.wireName())), false);
        return Responses.accessKey(call(request));
    }

    /**
     * Deletes a key for good.
     *
     * @throws NoSuchEntityException   when the user or key does not exist (also when a retried delete had already
     *                                 succeeded)
     * @throws DeleteConflictException when the server requires keys to be Inactive before deletion and it is not
     */
    public void deleteAccessKey(String userName, String accessKeyId) {
        requireName(userName, "userName");
        requireName(accessKeyId, "accessKeyId");
        send(ApiRequest.delete(UriEncoding.path(V1, USERS, userName, ACCESS_KEYS, accessKeyId)));
    }

    /**
     * When, where and for which service a key was last used (GetAccessKeyLastUsed).
     *
     * @throws AccessDeniedException for an unknown key (as AWS), or when the caller may not read it
     */
    public AccessKeyLastUsed getAccessKeyLastUsed(String accessKeyId) {
        requireName(accessKeyId, "accessKeyId");
        AnswerReader json = call(ApiRequest.get(ApiRequest.IAM,
                UriEncoding.path(V1, ACCESS_KEYS, accessKeyId, "last-used")));
        return Responses.lastUsed(accessKeyId, json);
    }

    /**
     * Who owns a key (an administrator's look-up from a key ID to its user).
     *
     * @throws NoSuchEntityException when no key has that ID
     */
    public KeyOwner findKeyOwner(String accessKeyId) {
        requireName(accessKeyId, "accessKeyId");
        AnswerReader json = call(ApiRequest.get(ApiRequest.IAM,
                UriEncoding.path(V1, ACCESS_KEYS, accessKeyId, "owner")));
        return Responses.keyOwner(json);
    }

    /**
     * One page of audit events, newest first, filtered by the request (LookupEvents). Needs
     * {@code cloudtrail:LookupEvents}.
     *
     * @throws AccessDeniedException when the caller may not read the trail
     */
    public Page<AuditEvent> lookupAuditEvents(LookupAuditEventsRequest lookup) {
        Objects.requireNonNull(lookup, "lookup");
        String query = new QueryBuilder()
                .add("accessKeyId", lookup.accessKeyId().orElse(null))
                .add("userName", lookup.userName().orElse(null))
                .add("eventName", lookup.eventName().orElse(null))
                .add("readOnly", lookup.readOnly().map(String::valueOf).orElse(null))
                .add("resourceName", lookup.resourceName().orElse(null))
                .add("from", lookup.from().map(Instant::toString).orElse(null))
                .add("to", lookup.to().map(Instant::toString).orElse(null))
                .add("maxItems", lookup.maxItems().orElse(null))
                .add("marker", lookup.marker().orElse(null))
                .build();
        AnswerReader json = call(ApiRequest.get(ApiRequest.IAM, UriEncoding.path(V1, AUDIT_EVENTS), query));
        return Responses.page(json, "events", Responses::auditEvent);
    }

    /** Every audit event the request selects, newest first, fetched page by page as the iteration goes. */
    public PagedIterable<AuditEvent> lookupAllAuditEvents(LookupAuditEventsRequest lookup) {
        Objects.requireNonNull(lookup, "lookup");
        return new PagedIterable<>(lookup.marker().orElse(null),
                marker -> lookupAuditEvents(lookup.toBuilder().marker(marker).build()));
    }

    /**
     * Verifies the audit trail's hash chain on the server and reports the first broken link. Needs
     * {@code keywarden:VerifyAuditTrail}.
     */
    public AuditVerification verifyAuditTrail() {
        return Responses.auditVerification(call(ApiRequest.get(ApiRequest.IAM,
                UriEncoding.path(V1, AUDIT_EVENTS, "verify"))));
    }

    /**
     * Which master key versions seal the stored secrets and how far the background re-seal to the newest version
     * got (GetMasterKeyStatus, {@code GET /v1/master-keys}). Needs {@code keywarden:GetMasterKeyStatus}.
     */
    public io.keywarden.sdk.model.MasterKeyStatus getMasterKeyStatus() {
        return Responses.masterKeyStatus(call(ApiRequest.get(ApiRequest.IAM, UriEncoding.path(V1, "master-keys"))));
    }

    // ---- inline user policies -------------------------------------------------------------------------------

    /**
     * Creates or replaces an inline policy of a user (PutUserPolicy). The document is sent verbatim and checked by
     * the service. Safe to repeat.
     *
     * @param policyDocument the JSON policy document, e.g. {@code {"Version":"2012-10-17","Statement":[…]}}
     * @throws MalformedPolicyDocumentException when the document is not a valid identity-based policy (the message
     *                                          says what is wrong and where)
     * @throws LimitExceededException           when the user's inline policies would exceed 2,048 characters
     *                                          (whitespace not counted)
     * @throws NoSuchEntityException            when there is no such user
     */
    public void putUserPolicy(String userName, String policyName, String policyDocument) {
        requireName(userName, "userName");
        requireName(policyName, "policyName");
        requireName(policyDocument, "policyDocument");
        ApiRequest request = new ApiRequest("PUT", ApiRequest.IAM, UriEncoding.path(V1, USERS, userName, POLICIES,
                policyName), "", Json.write(Json.object().put("policyDocument", policyDocument)), false);
        send(request);
    }

    /**
     * An inline policy of a user, with its document as it was put.
     *
     * @throws NoSuchEntityException when the user or the policy does not exist
     */
    public UserPolicy getUserPolicy(String userName, String policyName) {
        requireName(userName, "userName");
        requireName(policyName, "policyName");
        return Responses.userPolicy(call(ApiRequest.get(ApiRequest.IAM,
                UriEncoding.path(V1, USERS, userName, POLICIES, policyName))));
    }

    /**
     * Deletes an inline policy of a user.
     *
     * @throws NoSuchEntityException when the user or the policy does not exist (also when a retried delete had
     *                               already succeeded)
     */
    public void deleteUserPolicy(String userName, String policyName) {
        requireName(userName, "userName");
        requireName(policyName, "policyName");
        send(ApiRequest.delete(UriEncoding.path(V1, USERS, userName, POLICIES, policyName)));
    }

    /** The first page of the names of a user's inline policies, in name order. */
    public Page<String> listUserPolicies(String userName) {
        return listUserPolicies(userName, null, null);
    }

    /**
     * One page of the names of a user's inline policies, in name order.
     *
     * @param marker   the marker of a previous page, or {@code null} for the first page
     * @param maxItems the page size (1-1000), or {@code null} for the server's default (100)
     * @throws NoSuchEntityException when there is no such user
     */
    public Page<String> listUserPolicies(String userName, String marker, Integer maxItems) {
        requireName(userName, "userName");
        String query = pageQuery(marker, maxItems).build();
        return Responses.textPage(call(ApiRequest.get(ApiRequest.IAM, UriEncoding.path(V1, USERS, userName, POLICIES),
                query)), "policyNames");
    }

    /** The names of all of a user's inline policies, fetched page by page as the iteration goes. */
    public PagedIterable<String> listAllUserPolicies(String userName) {
        requireName(userName, "userName");
        return new PagedIterable<>(null, marker -> listUserPolicies(userName, marker, null));
    }

    // ---- managed policies ------------------------------------------------------------------------------------

    /** Creates a managed policy at path {@code /} without a description; see {@link #createPolicy(String, String, String, String)}. */
    public ManagedPolicy createPolicy(String policyName, String policyDocument) {
        return createPolicy(policyName, null, policyDocument, null);
    }

    /**
     * Creates a managed policy. Not retried once the request may have reached the server.
     *
     * @param path        {@code /} or {@code /division/team/}; {@code null} means {@code /}
     * @param description up to 1,000 characters, or {@code null}
     * @return the policy, with its ARN (which attach, detach, get and delete take) and its document
     * @throws EntityAlreadyExistsException     when a policy of that name (ignoring case) exists
     * @throws MalformedPolicyDocumentException when the document is not a valid identity-based policy
     * @throws LimitExceededException           when the document exceeds 6,144 characters (whitespace not counted)
     */
    public ManagedPolicy createPolicy(String policyName, String path, String policyDocument, String description) {
        requireName(policyName, "policyName");
        requireName(policyDocument, "policyDocument");
        ObjectNode body = Json.object().put("policyName", policyName);
        if (path != null) {
            body.put("path", path);
        }
        body.put("policyDocument", policyDocument);
        if (description != null) {
            body.put("description", description);
        }
        ApiRequest request = new ApiRequest("POST", ApiRequest.IAM, UriEncoding.path(V1, POLICIES), "",
                Json.write(body), false);
        return Responses.managedPolicy(call(request));
    }

    /**
     * A managed policy by ARN, with its document.
     *
     * @throws NoSuchEntityException when there is no such policy
     */
    public ManagedPolicy getPolicy(String policyArn) {
        requireName(policyArn, "policyArn");
        return Responses.managedPolicy(call(ApiRequest.get(ApiRequest.IAM, UriEncoding.path(V1, POLICIES, policyArn))));
    }

    /**
     * Deletes a managed policy.
     *
     * @throws DeleteConflictException when it is attached to a user
     * @throws NoSuchEntityException   when there is no such policy
     */
    public void deletePolicy(String policyArn) {
        requireName(policyArn, "policyArn");
        send(ApiRequest.delete(UriEncoding.path(V1, POLICIES, policyArn)));
    }

    /** The first page of all managed policies (without documents), in name order. */
    public Page<ManagedPolicy> listPolicies() {
        return listPolicies(ListPoliciesRequest.all());
    }

    /** One page of managed policies (without documents), in name order. */
    public Page<ManagedPolicy> listPolicies(ListPoliciesRequest listRequest) {
        Objects.requireNonNull(listRequest, "listRequest");
        String query = new QueryBuilder()
                .add("scope", listRequest.scope().map(s -> s.wireName()).orElse(null))
                .add("onlyAttached", listRequest.onlyAttached() ? "true" : null)
                .add("pathPrefix", listRequest.pathPrefix().orElse(null))
                .add("maxItems", listRequest.maxItems().orElse(null))
                .add("marker", listRequest.marker().orElse(null))
                .build();
        return Responses.page(call(ApiRequest.get(ApiRequest.IAM, UriEncoding.path(V1, POLICIES), query)), POLICIES,
                Responses::managedPolicy);
    }

    /** Every managed policy the request selects, fetched page by page as the iteration goes. */
    public PagedIterable<ManagedPolicy> listAllPolicies(ListPoliciesRequest listRequest) {
        Objects.requireNonNull(listRequest, "listRequest");
        return new PagedIterable<>(listRequest.marker().orElse(null),
                marker -> listPolicies(listRequest.toBuilder().marker(marker).build()));
    }

    // ---- attachments -----------------------------------------------------------------------------------------

    /**
     * Attaches a managed policy to a user; attaching it again changes nothing. Safe to repeat.
     *
     * @throws NoSuchEntityException  when the user or the policy does not exist
     * @throws LimitExceededException when the user already has 10 managed policies attached
     */
    public void attachUserPolicy(String userName, String policyArn) {
        requireName(userName, "userName");
        requireName(policyArn, "policyArn");
        ApiRequest request = new ApiRequest("PUT", ApiRequest.IAM, UriEncoding.path(V1, USERS, userName,
                ATTACHED_POLICIES), "", Json.write(Json.object().put("policyArn", policyArn)), false);
        send(request);
    }

    /**
     * Detaches a managed policy from a user.
     *
     * @throws NoSuchEntityException when the user does not exist or the policy is not attached to it
     */
    public void detachUserPolicy(String userName, String policyArn) {
        requireName(userName, "userName");
        requireName(policyArn, "policyArn");
        send(ApiRequest.delete(UriEncoding.path(V1, USERS, userName, ATTACHED_POLICIES, policyArn)));
    }

    /** The first page of the managed policies attached to a user, in name order. */
    public Page<AttachedPolicy> listAttachedUserPolicies(String userName) {
        return listAttachedUserPolicies(userName, null, null);
    }

    /**
     * One page of the managed policies attached to a user, in name order.
     *
     * @param marker   the marker of a previous page, or {@code null} for the first page
     * @param maxItems the page size (1-1000), or {@code null} for the server's default (100)
     * @throws NoSuchEntityException when there is no such user
     */
    public Page<AttachedPolicy> listAttachedUserPolicies(String userName, String marker, Integer maxItems) {
        requireName(userName, "userName");
        String query = pageQuery(marker, maxItems).build();
        return Responses.page(call(ApiRequest.get(ApiRequest.IAM,
                UriEncoding.path(V1, USERS, userName, ATTACHED_POLICIES), query)), "attachedPolicies",
                Responses::attachedPolicy);
    }

    /** All managed policies attached to a user, fetched page by page as the iteration goes. */
    public PagedIterable<AttachedPolicy> listAllAttachedUserPolicies(String userName) {
        requireName(userName, "userName");
        return new PagedIterable<>(null, marker -> listAttachedUserPolicies(userName, marker, null));
    }

    // ---- roles -----------------------------------------------------------------------------------------------

    /** Creates a role at path {@code /} with the given trust policy; see {@link #createRole(CreateRoleRequest)}. */
    public Role createRole(String roleName, String assumeRolePolicyDocument) {
        return createRole(CreateRoleRequest.builder().roleName(roleName)
                .assumeRolePolicyDocument(assumeRolePolicyDocument).build());
    }

    /**
     * Creates a role. Not retried once the request may have reached the server.
     *
     * @return the role, with its ARN (what {@link AssumeRoleRequest} takes) and its trust policy
     * @throws EntityAlreadyExistsException     when a role of that name (ignoring case) exists
     * @throws MalformedPolicyDocumentException when the trust policy is not valid (it needs a {@code Principal})
     * @throws ValidationException              when the name, path, description, maximum session duration (1 to 12
     *                                          hours) or a tag is invalid
     */
    public Role createRole(CreateRoleRequest createRole) {
        Objects.requireNonNull(createRole, "createRole");
        ObjectNode body = Json.object().put("roleName", createRole.roleName())
                .put("assumeRolePolicyDocument", createRole.assumeRolePolicyDocument());
        createRole.path().ifPresent(v -> body.put("path", v));
        createRole.description().ifPresent(v -> body.put("description", v));
        Integer seconds = Seconds.of(createRole.maxSessionDuration().orElse(null), "maxSessionDuration");
        if (seconds != null) {
            body.put("maxSessionDuration", seconds);
        }
        if (!createRole.tags().isEmpty()) {
            ArrayNode tags = body.putArray("tags");
            for (Tag tag : createRole.tags()) {
                tags.addObject().put("key", tag.key()).put("value", tag.value());
            }
        }
        ApiRequest request = new ApiRequest("POST", ApiRequest.IAM, UriEncoding.path(V1, ROLES), "",
                Json.write(body), false);
        return Responses.role(call(request));
    }

    /**
     * A role by name, with its trust policy.
     *
     * @throws NoSuchEntityException when there is no such role
     */
    public Role getRole(String roleName) {
        requireName(roleName, "roleName");
        return Responses.role(call(ApiRequest.get(ApiRequest.IAM, UriEncoding.path(V1, ROLES, roleName))));
    }

    /** The first page of all roles, with the server's default page size. */
    public Page<Role> listRoles() {
        return listRoles(null, null, null);
    }

    /**
     * One page of roles, in name order.
     *
     * @param pathPrefix only roles whose path starts with it, or {@code null} for all
     * @param marker     the marker of a previous page, or {@code null} for the first page
     * @param maxItems   the page size (1-1000), or {@code null} for the server's default (100)
     */
    public Page<Role> listRoles(String pathPrefix, String marker, Integer maxItems) {
        if (pathPrefix != null && pathPrefix.isEmpty()) {
            throw new IllegalArgumentException("pathPrefix must not be empty (pass null to list all roles)");
        }
        String query = pageQuery(marker, maxItems).add("pathPrefix", pathPrefix).build();
        return Responses.page(call(ApiRequest.get(ApiRequest.IAM, UriEncoding.path(V1, ROLES), query)), ROLES,
                Responses::role);
    }

    /** Every role, fetched page by page as the iteration goes. */
    public PagedIterable<Role> listAllRoles() {
        return listAllRoles(null);
    }

    /** Every role whose path starts with {@code pathPrefix} ({@code null}: all), fetched page by page. */
    public PagedIterable<Role> listAllRoles(String pathPrefix) {
        if (pathPrefix != null && pathPrefix.isEmpty()) {
            throw new IllegalArgumentException("pathPrefix must not be empty (pass null to list all roles)");
        }
        return new PagedIterable<>(null, marker -> listRoles(pathPrefix, marker, null));
    }

    /**
     * Changes a role's description and/or maximum session duration (UpdateRole); a {@code null} argument leaves
     * that setting as it is. Safe to repeat.
     *
     * @param maxSessionDuration 1 to 12 hours in whole seconds, or {@code null}
     * @throws NoSuchEntityException when there is no such role
     * @throws ValidationException   when a value is out of range
     */
    public void updateRole(String roleName, String description, Duration maxSessionDuration) {
        requireName(roleName, "roleName");
        ObjectNode body = Json.object();
        if (description != null) {
            body.put("description", description);
        }
        Integer seconds = Seconds.of(maxSessionDuration, "maxSessionDuration");
        if (seconds != null) {
            body.put("maxSessionDuration", seconds);
        }
        send(new ApiRequest("PATCH", ApiRequest.IAM, UriEncoding.path(V1, ROLES, roleName), "", Json.write(body),
                false));
    }

    /**
     * Replaces a role's trust policy (UpdateAssumeRolePolicy). Safe to repeat.
     *
     * @throws MalformedPolicyDocumentException when the document is not a valid trust policy
     * @throws NoSuchEntityException            when there is no such role
     */
    public void updateAssumeRolePolicy(String roleName, String policyDocument) {
        requireName(roleName, "roleName");
        requireName(policyDocument, "policyDocument");
        send(new ApiRequest("PUT", ApiRequest.IAM, UriEncoding.path(V1, ROLES, roleName, "trust-policy"), "",
                Json.write(Json.object().put("policyDocument", policyDocument)), false));
    }

    /**
     * Deletes a role.
     *
     * @throws DeleteConflictException while the role has inline or attached policies
     * @throws NoSuchEntityException   when there is no such role (also when a retried delete had already succeeded)
     */
    public void deleteRole(String roleName) {
        requireName(roleName, "roleName");
        send(ApiRequest.delete(UriEncoding.path(V1, ROLES, roleName)));
    }

    /**
     * Creates or replaces an inline policy of a role (PutRolePolicy). The document is sent verbatim and checked by
     * the service. Safe to repeat.
     *
     * @throws MalformedPolicyDocumentException when the document is not a valid identity-based policy
     * @throws LimitExceededException           when the role's inline policies would exceed the size quota
     * @throws NoSuchEntityException            when there is no such role
     */
    public void putRolePolicy(String roleName, String policyName, String policyDocument) {
        requireName(roleName, "roleName");
        requireName(policyName, "policyName");
        requireName(policyDocument, "policyDocument");
        send(new ApiRequest("PUT", ApiRequest.IAM, UriEncoding.path(V1, ROLES, roleName, POLICIES, policyName), "",
                Json.write(Json.object().put("policyDocument", policyDocument)), false));
    }

    /**
     * An inline policy of a role, with its document as it was put.
     *
     * @throws NoSuchEntityException when the role or the policy does not exist
     */
    public RolePolicy getRolePolicy(String roleName, String policyName) {
        requireName(roleName, "roleName");
        requireName(policyName, "policyName");
        return Responses.rolePolicy(call(ApiRequest.get(ApiRequest.IAM,
                UriEncoding.path(V1, ROLES, roleName, POLICIES, policyName))));
    }

    /**
     * Deletes an inline policy of a role.
     *
     * @throws NoSuchEntityException when the role or the policy does not exist
     */
    public void deleteRolePolicy(String roleName, String policyName) {
        requireName(roleName, "roleName");
        requireName(policyName, "policyName");
        send(ApiRequest.delete(UriEncoding.path(V1, ROLES, roleName, POLICIES, policyName)));
    }

    /** The first page of the names of a role's inline policies, in name order. */
    public Page<String> listRolePolicies(String roleName) {
        return listRolePolicies(roleName, null, null);
    }

    /**
     * One page of the names of a role's inline policies, in name order.
     *
     * @param marker   the marker of a previous page, or {@code null} for the first page
     * @param maxItems the page size (1-1000), or {@code null} for the server's default (100)
     * @throws NoSuchEntityException when there is no such role
     */
    public Page<String> listRolePolicies(String roleName, String marker, Integer maxItems) {
        requireName(roleName, "roleName");
        String query = pageQuery(marker, maxItems).build();
        return Responses.textPage(call(ApiRequest.get(ApiRequest.IAM, UriEncoding.path(V1, ROLES, roleName, POLICIES),
                query)), "policyNames");
    }

    /** The names of all of a role's inline policies, fetched page by page as the iteration goes. */
    public PagedIterable<String> listAllRolePolicies(String roleName) {
        requireName(roleName, "roleName");
        return new PagedIterable<>(null, marker -> listRolePolicies(roleName, marker, null));
    }

    /**
     * Attaches a managed policy to a role; attaching it again changes nothing. Safe to repeat.
     *
     * @throws NoSuchEntityException  when the role or the policy does not exist
     * @throws LimitExceededException when the role already has the maximum number of managed policies attached
     */
    public void attachRolePolicy(String roleName, String policyArn) {
        requireName(roleName, "roleName");
        requireName(policyArn, "policyArn");
        send(new ApiRequest("PUT", ApiRequest.IAM, UriEncoding.path(V1, ROLES, roleName, ATTACHED_POLICIES), "",
                Json.write(Json.object().put("policyArn", policyArn)), false));
    }

    /**
     * Detaches a managed policy from a role.
     *
     * @throws NoSuchEntityException when the role does not exist or the policy is not attached to it
     */
    public void detachRolePolicy(String roleName, String policyArn) {
        requireName(roleName, "roleName");
        requireName(policyArn, "policyArn");
        send(ApiRequest.delete(UriEncoding.path(V1, ROLES, roleName, ATTACHED_POLICIES, policyArn)));
    }

    /** The first page of the managed policies attached to a role, in name order. */
    public Page<AttachedPolicy> listAttachedRolePolicies(String roleName) {
        return listAttachedRolePolicies(roleName, null, null);
    }

    /**
     * One page of the managed policies attached to a role, in name order.
     *
     * @param marker   the marker of a previous page, or {@code null} for the first page
     * @param maxItems the page size (1-1000), or {@code null} for the server's default (100)
     * @throws NoSuchEntityException when there is no such role
     */
    public Page<AttachedPolicy> listAttachedRolePolicies(String roleName, String marker, Integer maxItems) {
        requireName(roleName, "roleName");
        String query = pageQuery(marker, maxItems).build();
        return Responses.page(call(ApiRequest.get(ApiRequest.IAM,
                UriEncoding.path(V1, ROLES, roleName, ATTACHED_POLICIES), query)), "attachedPolicies",
                Responses::attachedPolicy);
    }

    /** All managed policies attached to a role, fetched page by page as the iteration goes. */
    public PagedIterable<AttachedPolicy> listAllAttachedRolePolicies(String roleName) {
        requireName(roleName, "roleName");
        return new PagedIterable<>(null, marker -> listAttachedRolePolicies(roleName, marker, null));
    }

    // ---- revoking sessions -----------------------------------------------------------------------------------

    /**
     * Revokes every active session of a role (AWS's "revoke active sessions"): the server puts the role's inline
     * policy {@code AWSRevokeOlderSessions}, which denies everything to sessions issued before now
     * ({@code aws:TokenIssueTime}). Sessions assumed afterwards are unaffected. Not retried once the request may have
     * reached the server (repeating it would only move the cut-off later).
     *
     * @throws NoSuchEntityException when there is no such role
     */
    public void revokeRoleSessions(String roleName) {
        requireName(roleName, "roleName");
        send(new ApiRequest("POST", ApiRequest.IAM, UriEncoding.path(V1, ROLES, roleName, REVOKE_SESSIONS), "",
                null, false));
    }

    /**
     * Revokes every active GetSessionToken session of a user: the server puts the user's inline policy
     * {@code AWSRevokeOlderSessions} denying everything to sessions issued before now. The user's long-term keys
     * are unaffected.
     *
     * @throws NoSuchEntityException when there is no such user
     */
    public void revokeUserSessions(String userName) {
        requireName(userName, "userName");
        send(new ApiRequest("POST", ApiRequest.IAM, UriEncoding.path(V1, USERS, userName, REVOKE_SESSIONS), "",
                null, false));
    }

    // ---- tags ------------------------------------------------------------------------------------------------

    /**
     * Tags a user (TagUser): a key the user has (ignoring case) gets the new value. At most 50 tags per user,
     * access key descriptions included; keys starting with {@code aws:} are refused.
     *
     * @throws LimitExceededException when the user would have more than 50 tags
     * @throws NoSuchEntityException  when there is no such user
     */
    public void tagUser(String userName, List<Tag> tags) {
        requireName(userName, "userName");
        send(new ApiRequest("POST", ApiRequest.IAM, UriEncoding.path(V1, USERS, userName, TAGS), "",
                tagsBody(tags), false));
    }

    /** Removes the user's tags with these keys (UntagUser), ignoring case; keys it does not have are ignored. */
    public void untagUser(String userName, Collection<String> tagKeys) {
        requireName(userName, "userName");
        send(new ApiRequest("DELETE", ApiRequest.IAM, UriEncoding.path(V1, USERS, userName, TAGS),
                tagKeysQuery(tagKeys), null, false));
    }

    /** The first page of the user's tags (ListUserTags), in key order ignoring case. */
    public Page<Tag> listUserTags(String userName) {
        return listUserTags(userName, null, null);
    }

    /** One page of the user's tags; {@code marker} and {@code maxItems} as for the other listings. */
    public Page<Tag> listUserTags(String userName, String marker, Integer maxItems) {
        requireName(userName, "userName");
        return tagPage(UriEncoding.path(V1, USERS, userName, TAGS), marker, maxItems);
    }

    /** Tags a role (TagRole); as {@link #tagUser}. */
    public void tagRole(String roleName, List<Tag> tags) {
        requireName(roleName, "roleName");
        send(new ApiRequest("POST", ApiRequest.IAM, UriEncoding.path(V1, ROLES, roleName, TAGS), "",
                tagsBody(tags), false));
    }

    /** Removes the role's tags with these keys (UntagRole); as {@link #untagUser}. */
    public void untagRole(String roleName, Collection<String> tagKeys) {
        requireName(roleName, "roleName");
        send(new ApiRequest("DELETE", ApiRequest.IAM, UriEncoding.path(V1, ROLES, roleName, TAGS),
                tagKeysQuery(tagKeys), null, false));
    }

    /** The first page of the role's tags (ListRoleTags). */
    public Page<Tag> listRoleTags(String roleName) {
        return listRoleTags(roleName, null, null);
    }

    /** One page of the role's tags. */
    public Page<Tag> listRoleTags(String roleName, String marker, Integer maxItems) {
        requireName(roleName, "roleName");
        return tagPage(UriEncoding.path(V1, ROLES, roleName, TAGS), marker, maxItems);
    }

    private static byte[] tagsBody(List<Tag> tags) {
        Objects.requireNonNull(tags, "tags");
        if (tags.isEmpty()) {
            throw new IllegalArgumentException("tags must not be empty");
        }
        ObjectNode body = Json.object();
        ArrayNode array = body.putArray("tags");
        for (Tag tag : tags) {
            array.addObject().put("key", tag.key()).put("value", tag.value());
        }
        return Json.write(body);
    }

    private static String tagKeysQuery(Collection<String> tagKeys) {
        Objects.requireNonNull(tagKeys, "tagKeys");
        if (tagKeys.isEmpty()) {
            throw new IllegalArgumentException("tagKeys must not be empty");
        }
        QueryBuilder query = new QueryBuilder();
        tagKeys.forEach(k -> query.add("tagKeys", Objects.requireNonNull(k, "tag key")));
        return query.build();
    }

    private Page<Tag> tagPage(String path, String marker, Integer maxItems) {
        if (marker != null && marker.isEmpty()) {
            throw new IllegalArgumentException("marker must not be empty (pass null for the first page)");
        }
        PageSizes.check(maxItems);
        String query = new QueryBuilder().add("maxItems", maxItems).add("marker", marker).build();
        return Responses.page(call(ApiRequest.get(ApiRequest.IAM, path, query)), "tags", Responses::tag);
    }

    // ---- key hygiene -----------------------------------------------------------------------------------------

    /**
     * Quarantines a leaked key: attaches the built-in quarantine policy to its owner (denying everything but reading
     * and rotating the owner's own keys) and, when {@code deactivate}, makes the key Inactive. The reason is recorded
     * in the audit trail. Safe to repeat. Undo with {@link #detachUserPolicy} of the answer's {@code policyArn}.
     *
     * @param reason why (where it leaked, a ticket); may be {@code null}
     * @throws NoSuchEntityException when there is no such key
     * @throws KeywardenServiceException with code {@code InvalidInput} for a root key: deactivate or delete a root
     *                                   key with root credentials instead
     */
    public QuarantineResult quarantineAccessKey(String accessKeyId, String reason, boolean deactivate) {
        requireName(accessKeyId, "accessKeyId");
        ObjectNode body = Json.object().put("deactivate", deactivate);
        if (reason != null) {
            body.put("reason", reason);
        }
        return Responses.quarantine(call(new ApiRequest("POST", ApiRequest.IAM,
                UriEncoding.path(V1, ACCESS_KEYS, accessKeyId, QUARANTINE), "", Json.write(body), false)));
    }

    // ---- console passwords -----------------------------------------------------------------------------------

    /**
     * Gives a user (or, with {@code null}, the caller — how the root user sets its own) a console password
     * (CreateLoginProfile). The password is sent once and never returned.
     *
     * @throws EntityAlreadyExistsException when the user has a login profile already
     * @throws NoSuchEntityException        when there is no such user
     */
    public LoginProfile createLoginProfile(String userName, char[] password, boolean passwordResetRequired) {
        String user = userName == null ? ME : userName;
        requireName(user, "userName");
        Objects.requireNonNull(password, "password");
        ObjectNode body = Json.object();
        body.put("password", new String(password));
        body.put("passwordResetRequired", passwordResetRequired);
        return Responses.loginProfile(call(new ApiRequest("POST", ApiRequest.IAM,
                UriEncoding.path(V1, USERS, user, LOGIN_PROFILE), "", Json.write(body), true)));
    }

    /** A user's login profile ({@code null}: the caller's). */
    public LoginProfile getLoginProfile(String userName) {
        String user = userName == null ? ME : userName;
        requireName(user, "userName");
        return Responses.loginProfile(call(ApiRequest.get(ApiRequest.IAM,
                UriEncoding.path(V1, USERS, user, LOGIN_PROFILE))));
    }

    /** A new password and/or PasswordResetRequired (null: unchanged) for a user ({@code null}: the caller). */
    public void updateLoginProfile(String userName, char[] password, Boolean passwordResetRequired) {
        String user = userName == null ? ME : userName;
        requireName(user, "userName");
        ObjectNode body = Json.object();
        if (password != null) {
            body.put("password", new String(password));
        }
        if (passwordResetRequired != null) {
            body.put("passwordResetRequired", passwordResetRequired);
        }
        send(new ApiRequest("PATCH", ApiRequest.IAM, UriEncoding.path(V1, USERS, user, LOGIN_PROFILE), "",
                Json.write(body), false));
    }

    /** Removes a user's console password ({@code null}: the caller's). */
    public void deleteLoginProfile(String userName) {
        String user = userName == null ? ME : userName;
        requireName(user, "userName");
        send(ApiRequest.delete(UriEncoding.path(V1, USERS, user, LOGIN_PROFILE)));
    }

    /** The calling IAM user's own password (ChangePassword). */
    public void changePassword(char[] oldPassword, char[] newPassword) {
        Objects.requireNonNull(oldPassword, "oldPassword");
        Objects.requireNonNull(newPassword, "newPassword");
        ObjectNode body = Json.object();
        body.put("oldPassword", new String(oldPassword));
        body.put("newPassword", new String(newPassword));
        send(new ApiRequest("POST", ApiRequest.IAM, UriEncoding.path(V1, USERS, ME, "password"), "",
                Json.write(body), false));
    }

    /** Sets the account's one alias, replacing the one it had (CreateAccountAlias). */
    public void createAccountAlias(String alias) {
        requireName(alias, "accountAlias");
        ObjectNode body = Json.object();
        body.put("accountAlias", alias);
        send(new ApiRequest("POST", ApiRequest.IAM, UriEncoding.path(V1, "account", "aliases"), "",
                Json.write(body), false));
    }

    /** Deletes the account's alias (DeleteAccountAlias). */
    public void deleteAccountAlias(String alias) {
        requireName(alias, "accountAlias");
        send(ApiRequest.delete(UriEncoding.path(V1, "account", "aliases", alias)));
    }

    /**
     * The account's aliases (ListAccountAliases): at most one.
     *
     * @param marker   the marker of a previous page, or {@code null} for the first page
     * @param maxItems the page size (1-1000), or {@code null} for the server's default (100)
     */
    public Page<String> listAccountAliases(String marker, Integer maxItems) {
        String query = pageQuery(marker, maxItems).build();
        return Responses.textPage(call(ApiRequest.get(ApiRequest.IAM, UriEncoding.path(V1, "account", "aliases"),
                query)), "accountAliases");
    }

    /** The account's aliases (ListAccountAliases): at most one. */
    public Page<String> listAccountAliases() {
        return listAccountAliases(null, null);
    }

    /**
     * The account password policy (GetAccountPasswordPolicy).
     *
     * @throws NoSuchEntityException while none is set (AWS's default policy then applies)
     */
    public PasswordPolicy getAccountPasswordPolicy() {
        return Responses.passwordPolicy(call(ApiRequest.get(ApiRequest.IAM,
                UriEncoding.path(V1, "account", "password-policy"))));
    }

    /**
     * Sets the whole account password policy (UpdateAccountPasswordPolicy; {@link PasswordPolicy#builder()}):
     * what the policy leaves unset takes AWS's default. {@code expirePasswords} follows {@code maxPasswordAge}.
     *
     * @throws ValidationException when a value is out of range
     */
    public void updateAccountPasswordPolicy(PasswordPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        ObjectNode body = Json.object();
        body.put("minimumPasswordLength", policy.minimumPasswordLength());
        body.put("requireSymbols", policy.requireSymbols());
        body.put("requireNumbers", policy.requireNumbers());
        body.put("requireUppercaseCharacters", policy.requireUppercaseCharacters());
        body.put("requireLowercaseCharacters", policy.requireLowercaseCharacters());
        body.put("allowUsersToChangePassword", policy.allowUsersToChangePassword());
        if (policy.maxPasswordAge() != null) {
            body.put("maxPasswordAge", policy.maxPasswordAge());
        }
        if (policy.passwordReusePrevention() != null) {
            body.put("passwordReusePrevention", policy.passwordReusePrevention());
        }
        body.put("hardExpiry", policy.hardExpiry());
        send(new ApiRequest("PUT", ApiRequest.IAM, UriEncoding.path(V1, "account", "password-policy"), "",
                Json.write(body), false));
    }

    /**
     * Removes the account password policy (DeleteAccountPasswordPolicy); AWS's default applies again.
     *
     * @throws NoSuchEntityException when none is set
     */
    public void deleteAccountPasswordPolicy() {
        send(ApiRequest.delete(UriEncoding.path(V1, "account", "password-policy")));
    }

    // ---- console sign-in -------------------------------------------------------------------------------------

    /**
     * Signs in to the console with a password (ConsoleLogin; unsigned: needs no credentials): a console session,
     * temporary credentials of that user (or, with a {@code null} or empty user name, the root user) that may call
     * IAM. Sent once, never retried. Clears {@code password} before it returns.
     *
     * @param accountIdOrAlias the 12-digit account ID or the account's alias
     * @throws AccessDeniedException when the sign-in fails (one message whatever the reason: an unknown account or
     *                               user, a wrong password, a lock-out)
     * @throws ThrottlingException   after too many attempts (see its {@code Retry-After})
     */
    public ConsoleSession consoleSignIn(String accountIdOrAlias, String userName, char[] password) {
        requireName(accountIdOrAlias, "accountIdOrAlias");
        Objects.requireNonNull(password, "password");
        try {
            ObjectNode body = Json.object();
            body.put("account", accountIdOrAlias);
            body.put("userName", userName == null ? "" : userName);
            body.put("password", new String(password));
            return Responses.consoleSession(answerOnce(new ApiRequest("POST", ApiRequest.IAM,
                    UriEncoding.path(V1, "console", "sign-in"), "", Json.write(body), true), false));
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    /**
     * Signs in to the console as the owner of this client's own long-term access key (ConsoleLogin, signed): a
     * console session of that user or of the root user. Sent once, never retried.
     *
     * @throws AccessDeniedException when the key is refused, or is temporary (a session cannot sign in)
     */
    public ConsoleSession consoleSignIn() {
        return Responses.consoleSession(answerOnce(new ApiRequest("POST", ApiRequest.IAM,
                UriEncoding.path(V1, "console", "sign-in"), "", Json.write(Json.object()), true), true));
    }

    /**
     * Signs out (ConsoleSignOut): revokes the console session this client signs with (build it with the session's
     * credentials, e.g. {@code withCredentialsProvider(StaticCredentialsProvider.create(
     * session.credentials().toSigningCredentials()))}); its credentials are refused from then on, on every node.
     *
     * @throws AccessDeniedException when this client does not sign with a console session
     */
    public void consoleSignOut() {
        send(new ApiRequest("POST", ApiRequest.IAM, UriEncoding.path(V1, "console", "sign-out"), "", null, false));
    }

    // ---- simulation ------------------------------------------------------------------------------------------

    /**
     * Would {@code userName} be allowed {@code action} on {@code resource} (a user's ARN, or {@code *}), with the
     * context of this very request? Performs nothing. Needs {@code iam:SimulatePrincipalPolicy} on the user.
     */
    public SimulationResult simulate(String userName, String action, String resource) {
        return simulate(SimulationRequest.builder().userName(userName).action(action).resource(resource).build());
    }

    /**
     * Asks the policy simulator: the decision (Allow, ExplicitDeny or ImplicitDeny), why, which statements decided
     * and what could not be evaluated. Performs nothing. Needs {@code iam:SimulatePrincipalPolicy} on the user.
     *
     * @throws NoSuchEntityException when there is no such user
     */
    public SimulationResult simulate(SimulationRequest simulation) {
        Objects.requireNonNull(simulation, "simulation");
        ObjectNode body = Json.object().put("userName", simulation.userName()).put("action", simulation.action());
        simulation.resource().ifPresent(r -> body.put("resource", r));
        if (!simulation.context().isEmpty()) {
            ObjectNode context = body.putObject("context");
            for (Map.Entry<String, List<String>> entry : simulation.context().entrySet()) {
                ArrayNode values = context.putArray(entry.getKey());
                entry.getValue().forEach(values::add);
            }
        }
        ApiRequest request = new ApiRequest("POST", ApiRequest.IAM, UriEncoding.path(V1, "simulate"), "",
                Json.write(body), false);
        return Responses.simulation(call(request));
    }

    // ---- credential report ------------------------------------------------------------------------------------

    /**
     * Builds the account's credential report (GenerateCredentialReport). The server builds it before answering
     * {@code STARTED}; while its latest report is recent (the server's {@code keywarden.credential-report.max-age},
     * 1 minute by default) it keeps that one and answers {@code COMPLETE}.
     */
    public CredentialReportGeneration generateCredentialReport() {
        AnswerReader json = call(new ApiRequest("POST", ApiRequest.IAM, UriEncoding.path(V1, CREDENTIAL_REPORT), "",
                null, false));
        return new CredentialReportGeneration(json.requiredText("state"), json.optionalText("description"));
    }

    /**
     * The latest credential report (GetCredentialReport): its generation time, the CSV in AWS's columns and its rows
     * parsed, the root user first.
     *
     * @throws ReportNotPresentException when no report has been generated yet
     */
    public CredentialReport getCredentialReport() {
        ApiRequest request = ApiRequest.get(ApiRequest.IAM, UriEncoding.path(V1, CREDENTIAL_REPORT));
        ApiResponse response = pipeline.execute(request);
        String lastModified = response.header("Last-Modified").orElseThrow(() -> new KeywardenClientException(
                "the answer to " + request.describe() + " lacks its Last-Modified header (the report's generation time)"));
        Instant generated;
        try {
            generated = ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new KeywardenClientException("the answer to " + request.describe()
                    + " has a Last-Modified header that is not an HTTP date", e);
        }
        String csv = new String(response.body(), StandardCharsets.UTF_8);
        return new CredentialReport(generated, csv, CredentialReportCsv.parse(csv));
    }

    /** Releases the client's threads; calls made afterwards throw {@link IllegalStateException}. Idempotent. */
    @Override
    public void close() {
        pipeline.close();
    }

    @Override
    public String toString() {
        return "KeywardenClient[endpoint=" + endpoint + ", region=" + region + "]";
    }

    private AnswerReader call(ApiRequest request) {
        ApiResponse response = pipeline.execute(request);
        return Json.readAnswer(request, response);
    }

    private AnswerReader answerOnce(ApiRequest request, boolean signed) {
        return Json.readAnswer(request, pipeline.executeOnce(request, signed));
    }

    private void send(ApiRequest request) {
        pipeline.execute(request);
    }

    private static QueryBuilder pageQuery(String marker, Integer maxItems) {
        if (marker != null && marker.isEmpty()) {
            throw new IllegalArgumentException("marker must not be empty (pass null for the first page)");
        }
        PageSizes.check(maxItems);
        return new QueryBuilder().add("maxItems", maxItems).add("marker", marker);
    }

    private static void requireName(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }

    /**
     * Builds a {@link KeywardenClient}. Only the endpoint is required; {@link #build()} checks every setting.
     */
    public static final class Builder {
        private static final Pattern REGION = Pattern.compile("[A-Za-z0-9-]{1,64}");

        private URI endpoint;
        private String region = "us-east-1";
        private CredentialsProvider credentialsProvider;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private int maxRetries = 3;
        private Duration backoffBase = Duration.ofMillis(100);
        private Duration backoffMax = Duration.ofSeconds(20);
        private Clock clock = Clock.systemUTC();
        private SSLContext sslContext;
        private Sleeper sleeper = Sleeper.THREAD_SLEEP;
        private RandomGenerator random;

        private Builder() {
        }

        /** The server's base URI, {@code http(s)://host[:port][/prefix]}; required. */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /** The server's base URI as a string; see {@link #endpoint(URI)}. */
        public Builder endpoint(String endpoint) {
            return endpoint(URI.create(Objects.requireNonNull(endpoint, "endpoint")));
        }

        /** The region to sign with (any name: the server records it as the key's last-used region); default {@code us-east-1}. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** Where credentials come from; default {@link CredentialsProviderChain#defaultChain()} (environment, then profile). */
        public Builder credentialsProvider(CredentialsProvider credentialsProvider) {
            this.credentialsProvider = credentialsProvider;
            return this;
        }

        /** How long to wait for a connection; default 10 s. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** How long to wait for an answer once the request is sent, per attempt; default 30 s. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        /** How many times to retry a failed attempt when retrying is safe (0-10); default 3. */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * The back-off between attempts: the wait before retry {@code n} is between half and all of
         * {@code min(max, base * 2^n)}; default 100 ms and 20 s.
         */
        public Builder retryBackoff(Duration base, Duration max) {
            this.backoffBase = base;
            this.backoffMax = max;
            return this;
        }

        /** The clock that dates signatures; default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** The TLS context for {@code https} endpoints (e.g. trusting a private CA); default the JDK's. */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * @throws IllegalStateException    when no endpoint was set
         * @throws IllegalArgumentException when a setting is invalid (the message says which and why)
         */
        public KeywardenClient build() {
            if (endpoint == null) {
                throw new IllegalStateException("endpoint is required");
            }
            URI base = checkEndpoint(endpoint);
            if (region == null || !REGION.matcher(region).matches()) {
                throw new IllegalArgumentException("region must be 1-64 letters, digits or '-', got "
                        + (region == null ? "null" : "'" + region + "'"));
            }
            requirePositive(connectTimeout, "connectTimeout");
            requirePositive(requestTimeout, "requestTimeout");
            if (maxRetries < 0 || maxRetries > 10) {
                throw new IllegalArgumentException("maxRetries must be between 0 and 10, got " + maxRetries);
            }
            requirePositive(backoffBase, "retry back-off base");
            requirePositive(backoffMax, "retry back-off maximum");
            if (backoffMax.compareTo(backoffBase) < 0) {
                throw new IllegalArgumentException("the retry back-off maximum must not be less than its base");
            }
            Objects.requireNonNull(clock, "clock");
            CredentialsProvider credentials = credentialsProvider != null ? credentialsProvider
                    : CredentialsProviderChain.defaultChain();
            Backoff backoff = new Backoff(backoffBase, backoffMax, random != null ? random : new SecureRandom());
            HttpPipeline pipeline = new HttpPipeline(new HttpPipeline.Config(base, region, credentials, clock,
                    connectTimeout, requestTimeout, maxRetries, backoff, sleeper, sslContext, userAgent()));
            return new KeywardenClient(pipeline, base, region);
        }

        private static URI checkEndpoint(URI uri) {
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                throw new IllegalArgumentException("endpoint must be an http or https URI, got '" + uri + "'");
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new IllegalArgumentException("endpoint must name a host, got '" + uri + "'");
            }
            if (uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("endpoint must not carry user information");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("endpoint must not have a query or fragment, got '" + uri + "'");
            }
            return uri;
        }

        private static void requirePositive(Duration value, String what) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(what + " must be a positive duration, got " + value);
            }
        }

        private static String userAgent() {
            String version = KeywardenClient.class.getPackage().getImplementationVersion();
            return "keywarden-sdk-java/" + (version == null ? "dev" : version) + " java/"
                    + Runtime.version().feature();
        }
    }

    // ---------------------------------------------------------------- webhooks (docs/webhooks.md)

    /**
     * Creates a webhook. Its signing secret (generated when {@code secret} is null) is in the answer's
     * {@link io.keywarden.sdk.model.Webhook#secret()}: the only time it is shown. Not retried once the request may
     * have reached the server.
     *
     * @param events event names ({@code key.deactivated}, {@code policy.changed}, ...) or {@code *}
     * @throws ValidationException    when the URL or an event is not accepted
     * @throws LimitExceededException beyond 20 webhooks
     */
    public io.keywarden.sdk.model.Webhook createWebhook(String url, List<String> events, String secret) {
        requireName(url, "url");
        Objects.requireNonNull(events, "events");
        ObjectNode body = Json.object().put("url", url);
        ArrayNode list = body.putArray("events");
        events.forEach(list::add);
        if (secret != null) {
            body.put("secret", secret);
        }
        return Responses.webhook(call(new ApiRequest("POST", ApiRequest.IAM, UriEncoding.path(V1, WEBHOOKS), "",
                Json.write(body), false)));
    }

    /** Every webhook of the account, oldest first (never secrets). */
    public List<io.keywarden.sdk.model.Webhook> listWebhooks() {
        return call(ApiRequest.get(ApiRequest.IAM, UriEncoding.path(V1, WEBHOOKS))).requiredArray("webhooks").stream()
                .map(Responses::webhook).toList();
    }

    /** @throws NoSuchEntityException when there is no such webhook */
    public io.keywarden.sdk.model.Webhook getWebhook(String webhookId) {
        requireName(webhookId, "webhookId");
        return Responses.webhook(call(ApiRequest.get(ApiRequest.IAM, UriEncoding.path(V1, WEBHOOKS, webhookId))));
    }

    /**
     * Changes what is not null; {@code rotateSecret} generates a new secret (in the answer's
     * {@link io.keywarden.sdk.model.Webhook#secret()}, shown once).
     */
    public io.keywarden.sdk.model.Webhook updateWebhook(String webhookId, String url, List<String> events,
                                                        boolean rotateSecret) {
        requireName(webhookId, "webhookId");
        ObjectNode body = Json.object();
        if (url != null) {
            body.put("url", url);
        }
        if (events != null) {
            ArrayNode list = body.putArray("events");
            events.forEach(list::add);
        }
        if (rotateSecret) {
            body.put("rotateSecret", true);
        }
        return Responses.webhook(call(new ApiRequest("PATCH", ApiRequest.IAM, UriEncoding.path(V1, WEBHOOKS,
                webhookId), "", Json.write(body), false)));
    }

    /** Deletes a webhook with its pending deliveries and its log. */
    public void deleteWebhook(String webhookId) {
        requireName(webhookId, "webhookId");
        send(ApiRequest.delete(UriEncoding.path(V1, WEBHOOKS, webhookId)));
    }

    /**
     * One page of a webhook's delivery log (one entry per attempt), newest first.
     *
     * @param marker   the marker of a previous page, or {@code null} for the first page
     * @param maxItems the page size (1-1000), or {@code null} for the server's default (100)
     */
    public Page<io.keywarden.sdk.model.WebhookDelivery> listWebhookDeliveries(String webhookId, String marker,
                                                                               Integer maxItems) {
        requireName(webhookId, "webhookId");
        String query = pageQuery(marker, maxItems).build();
        return Responses.page(call(ApiRequest.get(ApiRequest.IAM, UriEncoding.path(V1, WEBHOOKS, webhookId,
                "deliveries"), query)), "deliveries", Responses::webhookDelivery);
    }

    // ---- key expiry policies (docs/key-hygiene.md "Expiry policies") ------------------------------------------------

    /**
     * The account's key expiry policy (GetKeyExpiryPolicy).
     *
     * @throws NoSuchEntityException while none is set
     */
    public io.keywarden.sdk.model.KeyExpiryPolicy getKeyExpiryPolicy() {
        return Responses.keyExpiryPolicy(call(ApiRequest.get(ApiRequest.IAM, UriEncoding.path(V1, KEY_HYGIENE,
                "policy"), "")));
    }

    /**
     * Sets the account's key expiry policy, replacing the one it had (PutKeyExpiryPolicy); answers it as set. Set
     * {@code dryRun} first and read {@link #getKeyHygieneReport} before letting it act.
     *
     * @throws KeywardenServiceException with code {@code ValidationError} or {@code InvalidInput} for a policy the
     *                                   server refuses (days outside 1-3650, a warning not before its action, no rule)
     */
    public io.keywarden.sdk.model.KeyExpiryPolicy putKeyExpiryPolicy(io.keywarden.sdk.model.KeyExpiryPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        ObjectNode body = Json.object();
        putDays(body, "warnAfterDays", policy.warnAfterDays());
        putDays(body, "deactivateAfterDays", policy.deactivateAfterDays());
        putDays(body, "deleteAfterDays", policy.deleteAfterDays());
        putDays(body, "unusedWarnAfterDays", policy.unusedWarnAfterDays());
        putDays(body, "unusedDeactivateAfterDays", policy.unusedDeactivateAfterDays());
        com.fasterxml.jackson.databind.node.ArrayNode exemptions = body.putArray("exemptions");
        for (io.keywarden.sdk.model.KeyExpiryPolicy.Exemption e : policy.exemptions()) {
            ObjectNode item = exemptions.addObject().put("tagKey", e.tagKey());
            if (e.tagValue() != null) {
                item.put("tagValue", e.tagValue());
            }
        }
        body.put("dryRun", policy.dryRun());
        return Responses.keyExpiryPolicy(call(new ApiRequest("PUT", ApiRequest.IAM, UriEncoding.path(V1, KEY_HYGIENE,
                "policy"), "", Json.write(body), false)));
    }

    private static void putDays(ObjectNode body, String field, Integer days) {
        if (days != null) {
            body.put(field, days);
        }
    }

    /**
     * Deletes the account's key expiry policy (DeleteKeyExpiryPolicy): the scheduler stops acting.
     *
     * @throws NoSuchEntityException when none was set
     */
    public void deleteKeyExpiryPolicy() {
        send(ApiRequest.delete(UriEncoding.path(V1, KEY_HYGIENE, "policy")));
    }

    /**
     * One page of the key hygiene report (GetKeyHygieneReport): every live key's age, last use and state, and what the
     * expiry policy does to it next and when, with counts over all keys; works without a policy (ages only).
     *
     * @param marker   the marker of a previous page, or {@code null} for the first page
     * @param maxItems the page size (1-1000), or {@code null} for the server's default (100)
     */
    public io.keywarden.sdk.model.KeyHygieneReport getKeyHygieneReport(String marker, Integer maxItems) {
        String query = pageQuery(marker, maxItems).build();
        return Responses.keyHygieneReport(call(ApiRequest.get(ApiRequest.IAM, UriEncoding.path(V1, KEY_HYGIENE),
                query)));
    }
}
