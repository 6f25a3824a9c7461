package io.keywarden.core.operation;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.port.PageRequest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The typed requests of the catalogue's operations, one record per operation named after it. A component is a
 * request parameter: the Query face reads it as the component's name with a capital first letter ({@code UserName},
 * {@code MaxItems} and {@code Marker} for a {@link PageRequest}), the REST face binds it from the path, the query
 * string or the JSON body, and the audit trail records the record as the event's request parameters. Rules about a
 * parameter alone (required, allowed values, pages) are checked here, once for both faces; path prefixes, which the
 * use cases default and read, are checked there ({@link Parameters#pathPrefix}); rules that need state are the use
 * cases'.
 */
public final class Requests {
    private Requests() {
    }

    /** A required parameter: AWS answers a missing one with a ValidationError naming the member. */
    static String required(String value, String member) {
        if (value == null) {
            throw KeywardenException.validation(member, "Member must not be null");
        }
        return value;
    }

    static PageRequest orFirst(PageRequest page) {
        return page == null ? PageRequest.first() : page;
    }

    // ---------------------------------------------------------------- users

    /**
     * Tags are {@code Tags.member.N.Key/Value} (at most 50; setting them needs {@code iam:TagUser} too, as in AWS).
     * Permission boundaries are not supported: refused rather than ignored.
     */
    public record CreateUser(String userName, String path, List<Map<String, String>> tags, String permissionsBoundary) {
        public CreateUser {
            required(userName, "userName");
            tags = tags == null ? List.of() : List.copyOf(tags);
            if (permissionsBoundary != null) {
                throw KeywardenException.of(ErrorCode.INVALID_INPUT, "permissions boundaries are not supported");
            }
        }

        public CreateUser(String userName, String path) {
            this(userName, path, List.of(), null);
        }
    }

    /** With no user name: the caller. */
    public record GetUser(String userName) {
    }

    public record ListUsers(String pathPrefix, PageRequest page) {
        public ListUsers {
            page = orFirst(page);
        }
    }

    public record DeleteUser(String userName) {
        public DeleteUser {
            required(userName, "userName");
        }
    }

    /**
     * ListUserSummaries, the console's Users table.
     *
     * @param sort   {@code userName} (default), {@code createDate}, {@code activeKeyAge}, {@code accessKeyLastUsed},
     *               {@code passwordAge} or {@code consoleLastSignIn}
     * @param order  {@code asc} (default) or {@code desc}
     * @param search a user-name prefix (case-insensitive) or an access key ID (its owner); null for every user
     */
    public record ListUserSummaries(String sort, String order, String search, PageRequest page) {
        public ListUserSummaries {
            if (sort != null && io.keywarden.core.port.UserSummaryStore.Sort.fromWire(sort).isEmpty()) {
                throw KeywardenException.validation("sort", "Member must satisfy enum value set: [userName,"
                        + " createDate, activeKeyAge, accessKeyLastUsed, passwordAge, consoleLastSignIn]");
            }
            if (order != null && !order.equals("asc") && !order.equals("desc")) {
                throw KeywardenException.validation("order", "Member must satisfy enum value set: [asc, desc]");
            }
            if (search != null && search.length() > 128) {
                throw KeywardenException.validation("search", "Member must have length less than or equal to 128");
            }
            page = orFirst(page);
        }

        public io.keywarden.core.port.UserSummaryStore.Sort sortOrder() {
            return sort == null ? io.keywarden.core.port.UserSummaryStore.Sort.USER_NAME
                    : io.keywarden.core.port.UserSummaryStore.Sort.fromWire(sort).orElseThrow();
        }

        public boolean descending() {
            return "desc".equals(order);
        }
    }

    // ---------------------------------------------------------------- access keys

    /**
     * With no user name: for the caller. The description (REST and SDK only: AWS's CreateAccessKey has none, so the
     * Query face does not read it) is stored as AWS's console stores it, as the owner's tag keyed by the key's ID.
     */
    public record CreateAccessKey(String userName, @Extension String description) {
        public CreateAccessKey(String userName) {
            this(userName, null);
        }
    }

    /** With no user name: the caller's keys. */
    public record ListAccessKeys(String userName, PageRequest page) {
        public ListAccessKeys {
            page = orFirst(page);
        }
    }

    public record UpdateAccessKey(String userName, String accessKeyId, String status) {
        public UpdateAccessKey {
            required(accessKeyId, "accessKeyId");
            required(status, "status");
        }
    }

    public record DeleteAccessKey(String userName, String accessKeyId) {
        public DeleteAccessKey {
            required(accessKeyId, "accessKeyId");
        }
    }

    public record GetAccessKeyLastUsed(String accessKeyId) {
        public GetAccessKeyLastUsed {
            required(accessKeyId, "accessKeyId");
        }
    }

    public record GetAccessKeyInfo(String accessKeyId) {
        public GetAccessKeyInfo {
            required(accessKeyId, "accessKeyId");
        }
    }

    public record FindAccessKeyOwner(String accessKeyId) {
        public FindAccessKeyOwner {
            required(accessKeyId, "accessKeyId");
        }
    }

    public record GetCallerIdentity() {
    }

    /**
     * @param durationSeconds 900 to 129,600; null for the default (43,200; root sessions last at most 3,600)
     * @param serialNumber    an MFA device (Keywarden has none: refused)
     * @param tokenCode       an MFA code (refused likewise)
     */
    public record GetSessionToken(Integer durationSeconds, String serialNumber, String tokenCode) {
        public GetSessionToken {
            if (durationSeconds != null && durationSeconds < io.keywarden.core.session.SessionService.MIN_DURATION) {
                throw outOfRange(durationSeconds, "greater than or equal to "
                        + io.keywarden.core.session.SessionService.MIN_DURATION);
            }
            if (durationSeconds != null && durationSeconds > io.keywarden.core.session.SessionService.MAX_DURATION) {
                throw outOfRange(durationSeconds, "less than or equal to "
                        + io.keywarden.core.session.SessionService.MAX_DURATION);
            }
        }

        public GetSessionToken(Integer durationSeconds) {
            this(durationSeconds, null, null);
        }

        private static KeywardenException outOfRange(int value, String bound) {
            return KeywardenException.of(ErrorCode.VALIDATION_ERROR, "1 validation error detected: Value '" + value
                    + "' at 'durationSeconds' failed to satisfy constraint: Member must have value " + bound);
        }
    }

    /**
     * STS AssumeRole, with AWS's constraints on each member.
     *
     * @param policyArns the managed session policies, {@code PolicyArns.member.N.arn} on the Query face
     */
    public record AssumeRole(String roleArn, String roleSessionName, Integer durationSeconds, String externalId,
                             String policy, List<Map<String, String>> policyArns, String sourceIdentity) {
        private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[\\w+=,.@-]*");
        private static final java.util.regex.Pattern EXTERNAL_ID = java.util.regex.Pattern.compile("[\\w+=,.@:/-]*");

        public AssumeRole {
            required(roleArn, "roleArn");
            required(roleSessionName, "roleSessionName");
            check(roleArn.length() >= 20 && roleArn.length() <= 2048, "roleArn",
                    "Member must have length between 20 and 2048");
            checkName(roleSessionName, "roleSessionName");
            if (durationSeconds != null && (durationSeconds < 900 || durationSeconds > 43_200)) {
                throw KeywardenException.of(ErrorCode.VALIDATION_ERROR, "1 validation error detected: Value '"
                        + durationSeconds + "' at 'durationSeconds' failed to satisfy constraint: Member must have value "
                        + (durationSeconds < 900 ? "greater than or equal to 900" : "less than or equal to 43200"));
            }
            if (externalId != null) {
                check(externalId.length() >= 2 && externalId.length() <= 1224
                        && EXTERNAL_ID.matcher(externalId).matches(), "externalId",
                        "Member must have length between 2 and 1224 and satisfy regular expression pattern"
                                + " [\\w+=,.@:\\/-]*");
            }
            if (sourceIdentity != null) {
                checkName(sourceIdentity, "sourceIdentity");
                check(!sourceIdentity.regionMatches(true, 0, "aws:", 0, 4), "sourceIdentity",
                        "Member must not begin with 'aws:'");
            }
            if (policy != null) {
                check(policy.length() >= 1 && policy.length() <= 2048, "policy",
                        "Member must have length less than or equal to 2048");
            }
            policyArns = policyArns == null ? List.of() : List.copyOf(policyArns);
            for (Map<String, String> member : policyArns) {
                check(member.keySet().equals(java.util.Set.of("arn")) && member.get("arn").length() >= 20,
                        "policyArns", "Member must be a list of {arn} of at least 20 characters");
            }
        }

        /** The managed session policies' ARNs. */
        public List<String> arns() {
            return policyArns.stream().map(m -> m.get("arn")).toList();
        }

        private static void checkName(String value, String member) {
            check(value.length() >= 2 && value.length() <= 64 && NAME.matcher(value).matches(), member,
                    "Member must have length between 2 and 64 and satisfy regular expression pattern [\\w+=,.@-]*");
        }

        private static void check(boolean ok, String member, String constraint) {
            if (!ok) {
                throw KeywardenException.validation(member, constraint);
            }
        }
    }

    /**
     * Quarantines a leaked access key: attaches the built-in quarantine policy to its owner and, when
     * {@code deactivate}, makes the key Inactive. The reason is recorded in the audit trail.
     */
    public record QuarantineAccessKey(String accessKeyId, String reason, Boolean deactivate) {
        public QuarantineAccessKey {
            required(accessKeyId, "accessKeyId");
            if (reason != null && reason.length() > 1000) {
                throw KeywardenException.validation("reason", "Member must have length less than or equal to 1000");
            }
        }
    }

    public record RevokeRoleSessions(String roleName) {
        public RevokeRoleSessions {
            required(roleName, "roleName");
        }
    }

    public record RevokeUserSessions(String userName) {
        public RevokeUserSessions {
            required(userName, "userName");
        }
    }

    // ---------------------------------------------------------------- credential report

    public record GenerateCredentialReport() {
    }

    public record GetCredentialReport() {
    }

    // ---------------------------------------------------------------- inline policies

    public record PutUserPolicy(String userName, String policyName, String policyDocument) {
        public PutUserPolicy {
            required(userName, "userName");
            required(policyName, "policyName");
            required(policyDocument, "policyDocument");
        }
    }

    public record GetUserPolicy(String userName, String policyName) {
        public GetUserPolicy {
            required(userName, "userName");
            required(policyName, "policyName");
        }
    }

    public record DeleteUserPolicy(String userName, String policyName) {
        public DeleteUserPolicy {
            required(userName, "userName");
            required(policyName, "policyName");
        }
    }

    public record ListUserPolicies(String userName, PageRequest page) {
        public ListUserPolicies {
            required(userName, "userName");
            page = orFirst(page);
        }
    }

    // ---------------------------------------------------------------- managed policies

    public record CreatePolicy(String policyName, String path, String policyDocument, String description) {
        public CreatePolicy {
            required(policyName, "policyName");
            required(policyDocument, "policyDocument");
        }
    }

    public record GetPolicy(String policyArn) {
        public GetPolicy {
            required(policyArn, "policyArn");
        }
    }

    public record GetPolicyVersion(String policyArn, String versionId) {
        public GetPolicyVersion {
            required(policyArn, "policyArn");
            required(versionId, "versionId");
        }
    }

    public record DeletePolicy(String policyArn) {
        public DeletePolicy {
            required(policyArn, "policyArn");
        }
    }

    /** {@code onlyAttached} is false when absent. */
    public record ListPolicies(String scope, boolean onlyAttached, String pathPrefix, PageRequest page) {
        public ListPolicies {
            page = orFirst(page);
        }
    }

    public record AttachUserPolicy(String userName, String policyArn) {
        public AttachUserPolicy {
            required(userName, "userName");
            required(policyArn, "policyArn");
        }
    }

    public record DetachUserPolicy(String userName, String policyArn) {
        public DetachUserPolicy {
            required(userName, "userName");
            required(policyArn, "policyArn");
        }
    }

    public record ListAttachedUserPolicies(String userName, String pathPrefix, PageRequest page) {
        public ListAttachedUserPolicies {
            required(userName, "userName");
            page = orFirst(page);
        }
    }

    /**
     * Would the user be allowed the action on the resource? The simulated request's context is the caller's own
     * request with the keys of {@code context} overriding (a key with no values removes it).
     */
    public record SimulatePrincipalPolicy(String userName, String action, String resource,
                                          Map<String, List<String>> context) {
        public SimulatePrincipalPolicy {
            required(userName, "userName");
            required(action, "action");
            context = context == null ? Map.of() : Map.copyOf(context);
        }
    }

    // ---------------------------------------------------------------- roles

    /**
     * The trust policy is {@code AssumeRolePolicyDocument}; tags are {@code Tags.member.N.Key/Value}. Permissions
     * boundaries are not supported: refused rather than ignored.
     */
    public record CreateRole(String roleName, String path, String assumeRolePolicyDocument, String description,
                             Integer maxSessionDuration, List<Map<String, String>> tags, String permissionsBoundary) {
        public CreateRole {
            required(roleName, "roleName");
            required(assumeRolePolicyDocument, "assumeRolePolicyDocument");
            tags = tags == null ? List.of() : List.copyOf(tags);
            if (permissionsBoundary != null) {
                throw KeywardenException.of(ErrorCode.INVALID_INPUT, "permissions boundaries are not supported");
            }
        }

        public CreateRole(String roleName, String path, String assumeRolePolicyDocument) {
            this(roleName, path, assumeRolePolicyDocument, null, null, List.of(), null);
        }
    }

    public record GetRole(String roleName) {
        public GetRole {
            required(roleName, "roleName");
        }
    }

    public record ListRoles(String pathPrefix, PageRequest page) {
        public ListRoles {
            page = orFirst(page);
        }
    }

    /** What is not given stays as it is. */
    public record UpdateRole(String roleName, String description, Integer maxSessionDuration) {
        public UpdateRole {
            required(roleName, "roleName");
        }
    }

    public record UpdateAssumeRolePolicy(String roleName, String policyDocument) {
        public UpdateAssumeRolePolicy {
            required(roleName, "roleName");
            required(policyDocument, "policyDocument");
        }
    }

    public record DeleteRole(String roleName) {
        public DeleteRole {
            required(roleName, "roleName");
        }
    }

    public record PutRolePolicy(String roleName, String policyName, String policyDocument) {
        public PutRolePolicy {
            required(roleName, "roleName");
            required(policyName, "policyName");
            required(policyDocument, "policyDocument");
        }
    }

    public record GetRolePolicy(String roleName, String policyName) {
        public GetRolePolicy {
            required(roleName, "roleName");
            required(policyName, "policyName");
        }
    }

    public record DeleteRolePolicy(String roleName, String policyName) {
        public DeleteRolePolicy {
            required(roleName, "roleName");
            required(policyName, "policyName");
        }
    }

    public record ListRolePolicies(String roleName, PageRequest page) {
        public ListRolePolicies {
            required(roleName, "roleName");
            page = orFirst(page);
        }
    }

    public record AttachRolePolicy(String roleName, String policyArn) {
        public AttachRolePolicy {
            required(roleName, "roleName");
            required(policyArn, "policyArn");
        }
    }

    public record DetachRolePolicy(String roleName, String policyArn) {
        public DetachRolePolicy {
            required(roleName, "roleName");
            required(policyArn, "policyArn");
        }
    }

    public record ListAttachedRolePolicies(String roleName, String pathPrefix, PageRequest page) {
        public ListAttachedRolePolicies {
            required(roleName, "roleName");
            page = orFirst(page);
        }
    }

    // ---------------------------------------------------------------- tags

    public record TagUser(String userName, List<Map<String, String>> tags) {
        public TagUser {
            required(userName, "userName");
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    public record UntagUser(String userName, List<String> tagKeys) {
        public UntagUser {
            required(userName, "userName");
            tagKeys = tagKeys == null ? List.of() : List.copyOf(tagKeys);
        }
    }

    public record ListUserTags(String userName, PageRequest page) {
        public ListUserTags {
            required(userName, "userName");
            page = orFirst(page);
        }
    }

    public record TagRole(String roleName, List<Map<String, String>> tags) {
        public TagRole {
            required(roleName, "roleName");
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    public record UntagRole(String roleName, List<String> tagKeys) {
        public UntagRole {
            required(roleName, "roleName");
            tagKeys = tagKeys == null ? List.of() : List.copyOf(tagKeys);
        }
    }

    public record ListRoleTags(String roleName, PageRequest page) {
        public ListRoleTags {
            required(roleName, "roleName");
            page = orFirst(page);
        }
    }

    // ---------------------------------------------------------------- audit trail

    /**
     * CloudTrail's LookupEvents: every given filter must match ({@code from} inclusive, {@code to} exclusive); what
     * each matches is {@link io.keywarden.core.audit.AuditQuery}'s. The filters are CloudTrail's lookup attributes
     * ({@code AccessKeyId}, {@code Username}, {@code EventName}, {@code ReadOnly}, {@code ResourceName},
     * {@code ResourceType}, {@code EventId}, {@code EventSource}); the JSON 1.1 face allows one of them, as CloudTrail
     * does, the REST face any combination.
     */
    public record LookupEvents(String accessKeyId, String userName, String eventName, Boolean readOnly,
                               String resourceName, String resourceType, String eventId, String eventSource,
                               Instant from, Instant to, PageRequest page) {
        public LookupEvents {
            page = orFirst(page);
            if (from != null && to != null && from.isAfter(to)) {
                throw KeywardenException.validation("from", "Member must not be after to");
            }
        }

        /** A look-up by access key, user name, event name and time only. */
        public LookupEvents(String accessKeyId, String userName, String eventName, Instant from, Instant to,
                            PageRequest page) {
            this(accessKeyId, userName, eventName, null, null, null, null, null, from, to, page);
        }
    }

    public record VerifyAuditTrail() {
    }

    public record GetMasterKeyStatus() {
    }

    // ---------------------------------------------------------------- webhooks (docs/webhooks.md)

    /** A webhook ID from a path: at most 64 characters (an unknown one is NoSuchEntity). */
    static String requireWebhookId(String webhookId) {
        required(webhookId, "webhookId");
        if (webhookId.isEmpty() || webhookId.length() > 64) {
            throw KeywardenException.validation("webhookId", "Member must have length between 1 and 64");
        }
        return webhookId;
    }

    /** {@code secret} null: one is generated. */
    public record CreateWebhook(String url, List<String> events, io.keywarden.core.notify.WebhookSecret secret) {
        public CreateWebhook {
            required(url, "url");
            events = events == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(events));
        }
    }

    public record ListWebhooks() {
    }

    public record GetWebhook(String webhookId) {
        public GetWebhook {
            requireWebhookId(webhookId);
        }
    }

    /** What is null stays; {@code rotateSecret} true generates a new secret when none is given. */
    public record UpdateWebhook(String webhookId, String url, List<String> events,
                                io.keywarden.core.notify.WebhookSecret secret, boolean rotateSecret) {
        public UpdateWebhook {
            requireWebhookId(webhookId);
            events = events == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(events));
        }
    }

    public record DeleteWebhook(String webhookId) {
        public DeleteWebhook {
            requireWebhookId(webhookId);
        }
    }

    public record ListWebhookDeliveries(String webhookId, PageRequest page) {
        public ListWebhookDeliveries {
            requireWebhookId(webhookId);
            page = orFirst(page);
        }
    }

    // ---------------------------------------------------------------- console passwords

    /**
     * With no user name: the caller's own (how the root user sets its console password). The password is
     * {@link io.keywarden.core.audit.Sensitive}: never in the audit trail.
     */
    public record CreateLoginProfile(String userName, io.keywarden.core.password.Password password,
                                     boolean passwordResetRequired) {
    }

    /** With no user name: the caller's own. */
    public record GetLoginProfile(String userName) {
    }

    /** A new password and/or PasswordResetRequired; what is absent stays. With no user name: the caller's own. */
    public record UpdateLoginProfile(String userName, io.keywarden.core.password.Password password,
                                     Boolean passwordResetRequired) {
    }

    /** With no user name: the caller's own. */
    public record DeleteLoginProfile(String userName) {
    }

    /** The calling IAM user's own password. */
    public record ChangePassword(io.keywarden.core.password.Password oldPassword,
                                 io.keywarden.core.password.Password newPassword) {
        public ChangePassword {
            if (oldPassword == null) {
                throw KeywardenException.validation("oldPassword", "Member must not be null");
            }
            if (newPassword == null) {
                throw KeywardenException.validation("newPassword", "Member must not be null");
            }
        }
    }

    public record GetAccountPasswordPolicy() {
    }

    /**
     * Replaces the whole policy; an absent value takes AWS's default (minimum length 6, the rest off, passwords that
     * never expire, no reuse prevention). Ranges: length 6 to 128, age 1 to 1095 days, reuse prevention 1 to 24.
     */
    public record UpdateAccountPasswordPolicy(Integer minimumPasswordLength, boolean requireSymbols,
                                              boolean requireNumbers, boolean requireUppercaseCharacters,
                                              boolean requireLowercaseCharacters, boolean allowUsersToChangePassword,
                                              Integer maxPasswordAge, Integer passwordReusePrevention,
                                              boolean hardExpiry) {
        public UpdateAccountPasswordPolicy {
            policy(minimumPasswordLength, requireSymbols, requireNumbers, requireUppercaseCharacters,
                    requireLowercaseCharacters, allowUsersToChangePassword, maxPasswordAge, passwordReusePrevention,
                    hardExpiry); // checks the ranges
        }

        private static io.keywarden.core.password.PasswordPolicy policy(Integer length, boolean symbols,
                                                                        boolean numbers, boolean upper, boolean lower,
                                                                        boolean change, Integer age, Integer reuse,
                                                                        boolean hard) {
            return io.keywarden.core.password.PasswordPolicy.of(length, symbols, numbers, upper, lower, change, age,
                    reuse, hard);
        }

        /** The policy these parameters set. */
        public io.keywarden.core.password.PasswordPolicy policy() {
            return policy(minimumPasswordLength, requireSymbols, requireNumbers, requireUppercaseCharacters,
                    requireLowercaseCharacters, allowUsersToChangePassword, maxPasswordAge, passwordReusePrevention,
                    hardExpiry);
        }
    }

    public record DeleteAccountPasswordPolicy() {
    }

    /** AWS's alias pattern: 3 to 63 lower-case letters, digits and single hyphens, not at either end. */
    static final java.util.regex.Pattern ALIAS = java.util.regex.Pattern.compile(
            "^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$");

    static String alias(String alias) {
        required(alias, "accountAlias");
        if (alias.length() < 3) {
            throw KeywardenException.validation("accountAlias", "Member must have length greater than or equal to 3");
        }
        if (alias.length() > 63) {
            throw KeywardenException.validation("accountAlias", "Member must have length less than or equal to 63");
        }
        if (!ALIAS.matcher(alias).matches()) {
            throw KeywardenException.validation("accountAlias",
                    "Member must satisfy regular expression pattern: ^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$");
        }
        if (alias.matches("\\d{12}")) {
            // the sign-in page takes an account ID or an alias: an alias that reads as an ID would be ambiguous
            throw KeywardenException.of(ErrorCode.INVALID_INPUT, "an account alias may not be a 12-digit number");
        }
        return alias;
    }

    public record CreateAccountAlias(String accountAlias) {
        public CreateAccountAlias {
            alias(accountAlias);
        }
    }

    public record ListAccountAliases(PageRequest page) {
        public ListAccountAliases {
            page = orFirst(page);
        }
    }

    public record DeleteAccountAlias(String accountAlias) {
        public DeleteAccountAlias {
            alias(accountAlias);
        }
    }

    // ---------------------------------------------------------------- console sign-in

    /**
     * The console's sign-in: the account (12-digit ID or alias), the IAM user name (blank for the root user) and the
     * password, all absent when the request is signed with an access key instead. Nothing is checked here: every
     * malformed value is refused as a failed sign-in, with the one generic answer. Not in the audit trail (a sign-in
     * event records no parameters); the password is {@link io.keywarden.core.audit.Sensitive} anyway.
     */
    public record ConsoleLogin(String account, String userName, io.keywarden.core.password.Password password) {
    }

    /** Signs out the console session that signs the request. */
    public record ConsoleSignOut() {
    }

    // ---------------------------------------------------------------- key expiry policies

    public record GetKeyExpiryPolicy() {
    }

    /**
     * Sets the account's key expiry policy, replacing the one it had; the checks are {@link
     * io.keywarden.core.expiry.KeyExpiryPolicy}'s.
     */
    public record PutKeyExpiryPolicy(Integer warnAfterDays, Integer deactivateAfterDays, Integer deleteAfterDays,
                                     Integer unusedWarnAfterDays, Integer unusedDeactivateAfterDays,
                                     List<io.keywarden.core.expiry.KeyExpiryPolicy.Exemption> exemptions,
                                     boolean dryRun) {
        public PutKeyExpiryPolicy {
            exemptions = exemptions == null ? List.of() : List.copyOf(exemptions);
            policy(warnAfterDays, deactivateAfterDays, deleteAfterDays, unusedWarnAfterDays,
                    unusedDeactivateAfterDays, exemptions, dryRun); // the checks
        }

        private static io.keywarden.core.expiry.KeyExpiryPolicy policy(
                Integer w, Integer d, Integer z, Integer uw, Integer ud,
                List<io.keywarden.core.expiry.KeyExpiryPolicy.Exemption> exemptions, boolean dryRun) {
            return new io.keywarden.core.expiry.KeyExpiryPolicy(w, d, z, uw, ud, exemptions, dryRun);
        }

        /** The policy these parameters set. */
        public io.keywarden.core.expiry.KeyExpiryPolicy policy() {
            return policy(warnAfterDays, deactivateAfterDays, deleteAfterDays, unusedWarnAfterDays,
                    unusedDeactivateAfterDays, exemptions, dryRun);
        }
    }

    public record DeleteKeyExpiryPolicy() {
    }

    public record GetKeyHygieneReport(PageRequest page) {
        public GetKeyHygieneReport {
            page = orFirst(page);
        }
    }
}
