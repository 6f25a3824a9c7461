package io.keywarden.core.operation;

import io.keywarden.core.audit.AuditEvent;
import io.keywarden.core.keys.SecretAccessKey;
import io.keywarden.core.session.SessionToken;

import java.time.Instant;
import java.util.List;

/**
 * The typed results of the catalogue's operations, shaped as AWS shapes them: a component is a response element,
 * written by the Query face as the component's name with a capital first letter, in declaration order, null ones
 * left out, lists as {@code <member>} elements. Components marked {@link Extension} are Keywarden's additions, not on
 * AWS's wire (the REST face shows them). A {@link SecretAccessKey} is never serialised into the audit trail.
 */
public final class Results {
    private Results() {
    }

    // ---------------------------------------------------------------- users

    /**
     * A user (or, for the root user, its account identity without name and path). {@code tags} is null when the user
     * has none, and in listings (as ListUsers answers).
     */
    public record UserEntry(String path, String userName, String userId, String arn, Instant createDate,
                            List<TagEntry> tags, @Extension Long keyAgeDays) {
        public UserEntry(String path, String userName, String userId, String arn, Instant createDate,
                         Long keyAgeDays) {
            this(path, userName, userId, arn, createDate, null, keyAgeDays);
        }
    }

    public record UserResult(UserEntry user) {
    }

    public record UserList(List<UserEntry> users, boolean isTruncated, String marker) {
    }

    /** A key in a user summary: its ID, status and creation date. */
    public record SummaryKeyEntry(String accessKeyId, String status, Instant createDate) {
    }

    /** The most recent use of any of a user's keys: which key, when, for which service, in which region. */
    public record SummaryLastUsedEntry(String accessKeyId, Instant lastUsedDate, String serviceName, String region) {
    }

    /**
     * A row of the console's Users table. {@code activeKeyAgeDays}, {@code accessKeyLastUsed},
     * {@code passwordLastChanged}, {@code passwordAgeDays} and {@code consoleLastSignIn} are null when there is none.
     */
    public record UserSummaryEntry(String path, String userName, String userId, String arn, Instant createDate,
                                   List<SummaryKeyEntry> accessKeys, Long activeKeyAgeDays,
                                   SummaryLastUsedEntry accessKeyLastUsed, boolean passwordEnabled,
                                   Instant passwordLastChanged, Long passwordAgeDays, Instant consoleLastSignIn) {
    }

    public record UserSummaryList(List<UserSummaryEntry> users, boolean isTruncated, String marker) {
    }

    // ---------------------------------------------------------------- access keys

    /** {@code description} (REST only) is the owner's tag keyed by the key's ID; null when there is none. */
    public record KeyEntry(String userName, String accessKeyId, String status, Instant createDate,
                           @Extension String description) {
        public KeyEntry(String userName, String accessKeyId, String status, Instant createDate) {
            this(userName, accessKeyId, status, createDate, null);
        }
    }

    public record NewKeyEntry(String userName, String accessKeyId, String status, SecretAccessKey secretAccessKey,
                              Instant createDate, @Extension String description) {
        public NewKeyEntry(String userName, String accessKeyId, String status, SecretAccessKey secretAccessKey,
                           Instant createDate) {
            this(userName, accessKeyId, status, secretAccessKey, createDate, null);
        }
    }

    public record CreatedKey(NewKeyEntry accessKey) {
    }

    public record KeyList(String userName, List<KeyEntry> accessKeyMetadata, boolean isTruncated, String marker) {
    }

    /** UpdateAccessKey has no output on AWS's wire; the REST face answers the updated key. */
    public record UpdatedKey(@Extension KeyEntry accessKey) {
    }

    public record LastUsedEntry(Instant lastUsedDate, String serviceName, String region) {
    }

    public record LastUsedResult(String userName, LastUsedEntry accessKeyLastUsed) {
    }

    public record CallerIdentityResult(String userId, String account, String arn) {
    }

    public record AccountResult(String account) {
    }

    /** Temporary credentials: the secret and the session token are shown to their requester only, never recorded. */
    public record SessionCredentials(String accessKeyId, SecretAccessKey secretAccessKey, SessionToken sessionToken,
                                     Instant expiration) {
    }

    public record SessionTokenResult(SessionCredentials credentials) {
    }

    /** {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION} and {@code AROA…:SESSION}. */
    public record AssumedRoleUser(String assumedRoleId, String arn) {
    }

    /** @param packedPolicySize the session policies' packed size, percent of the allowed size */
    public record AssumeRoleResult(SessionCredentials credentials, AssumedRoleUser assumedRoleUser,
                                   int packedPolicySize, String sourceIdentity) {
    }

    public record KeyOwnerResult(String account, String arn, String userName, String userId, KeyEntry accessKey) {
    }

    /**
     * A quarantine's outcome: the key's owner now has {@code policyArn} attached ({@code alreadyAttached} when it had
     * it before) and the key has {@code status}.
     */
    public record QuarantineResult(String userName, String accessKeyId, String status, String policyArn,
                                   boolean alreadyAttached) {
    }

    // ---------------------------------------------------------------- tags

    /** ListUserTags and ListRoleTags. */
    public record TagList(List<TagEntry> tags, boolean isTruncated, String marker) {
    }

    // ---------------------------------------------------------------- credential report

    public record ReportState(String state, String description) {
    }

    /** The report's CSV bytes (base64 on the Query face, as AWS sends it). */
    public record ReportContent(byte[] content, String reportFormat, Instant generatedTime) {
    }

    // ---------------------------------------------------------------- policies

    /** The document is URL-encoded on the Query face, as AWS sends it. */
    public record UserPolicyResult(String userName, String policyName, @UrlEncoded String policyDocument) {
    }

    public record PolicyNameList(List<String> policyNames, boolean isTruncated, String marker) {
    }

    /** A managed policy; its document only in answers about one policy, and only on the REST face. */
    public record PolicyEntry(String policyName, String policyId, String arn, String path, String defaultVersionId,
                              int attachmentCount, int permissionsBoundaryUsageCount, boolean isAttachable,
                              String description, Instant createDate, Instant updateDate,
                              @Extension String policyDocument) {
    }

    public record PolicyResult(PolicyEntry policy) {
    }

    public record PolicyVersionEntry(@UrlEncoded String document, String versionId, boolean isDefaultVersion,
                                     Instant createDate) {
    }

    public record PolicyVersionResult(PolicyVersionEntry policyVersion) {
    }

    public record PolicyList(List<PolicyEntry> policies, boolean isTruncated, String marker) {
    }

    public record AttachedPolicyEntry(String policyName, String policyArn) {
    }

    public record AttachedPolicyList(List<AttachedPolicyEntry> attachedPolicies, boolean isTruncated, String marker) {
    }

    /**
     * @param decision {@code Allow}, {@code ExplicitDeny} or {@code ImplicitDeny}
     */
    public record SimulationResult(String decision, String explanation, List<String> decidingStatements,
                                   List<String> errors) {
    }

    // ---------------------------------------------------------------- roles

    public record TagEntry(String key, String value) {
    }

    /**
     * A role as AWS shapes it; the trust policy is URL-encoded on the Query face, as AWS sends it. {@code tags} is null
     * when the role has none, and in listings (as ListRoles answers); {@code roleLastUsed} is null in listings.
     */
    public record RoleEntry(String path, String roleName, String roleId, String arn, Instant createDate,
                            @UrlEncoded String assumeRolePolicyDocument, String description,
                            Integer maxSessionDuration, List<TagEntry> tags, RoleLastUsedEntry roleLastUsed) {
    }

    /**
     * IAM's {@code RoleLastUsed} of one role (GetRole, not listings, as AWS): both fields null (an empty element)
     * until a session of the role has made a request.
     */
    public record RoleLastUsedEntry(Instant lastUsedDate, String region) {
    }

    public record RoleResult(RoleEntry role) {
    }

    public record RoleList(List<RoleEntry> roles, boolean isTruncated, String marker) {
    }

    /** The document is URL-encoded on the Query face, as AWS sends it. */
    public record RolePolicyResult(String roleName, String policyName, @UrlEncoded String policyDocument) {
    }

    // ---------------------------------------------------------------- audit trail

    public record EventList(List<AuditEvent> events, boolean isTruncated, String marker) {
    }

    /**
     * {@code brokenAtSeq} and {@code reason} are null when the chain is intact; {@code checkpointSeq} is null when the
     * whole chain was checked, else the position of the signed checkpoint verification started after (the events up
     * to it were archived and pruned).
     */
    public record Verification(boolean intact, long eventsChecked, long lastSeq, String lastHash, Long brokenAtSeq,
                               String reason, Long checkpointSeq) {
    }

    // ---------------------------------------------------------------- master keys

    /** One master key version: configured on the answering node?, the newest?, live secrets sealed under it. */
    public record MasterKeyVersionEntry(int version, boolean configured, boolean newest, long sealedSecrets) {
    }

    /**
     * The background re-seal: {@code running}, {@code finished}, {@code pending} or {@code failed}; the node holding
     * (or last holding) the lease; progress towards {@code targetVersion}.
     */
    public record ResealEntry(String state, Integer targetVersion, String leaseHolder, Instant leaseExpiresAt,
                              long resealed, long remaining, Instant startedAt, Instant lastBatchAt, Instant finishedAt,
                              String lastError) {
    }

    public record MasterKeyStatus(int newestVersion, List<MasterKeyVersionEntry> versions, ResealEntry reseal) {
    }

    // ---------------------------------------------------------------- webhooks

    public record WebhookEntry(String webhookId, String url, List<String> events, Instant createDate,
                               Instant updateDate) {
    }

    /** A webhook with its secret: the one answer that shows it (create, or an update that replaced it; else null). */
    public record CreatedWebhook(WebhookEntry webhook, io.keywarden.core.notify.WebhookSecret secret) {
    }

    public record WebhookResult(WebhookEntry webhook) {
    }

    public record WebhookList(List<WebhookEntry> webhooks) {
    }

    /** One row of the delivery log ({@link io.keywarden.core.notify.DeliveryAttempt}). */
    public record DeliveryEntry(String deliveryId, String event, int attempt, Instant attemptedAt, Integer statusCode,
                                String error, long durationMillis, String outcome) {
    }

    public record DeliveryList(List<DeliveryEntry> deliveries, boolean isTruncated, String marker) {
    }

    // ---------------------------------------------------------------- console passwords

    /**
     * A login profile as AWS shapes it: never the password. {@code userName} is null for the root user's;
     * {@code passwordLastChanged} (Keywarden's, for the console's "Console password" line) is when it was last set.
     */
    public record LoginProfileEntry(String userName, Instant createDate, boolean passwordResetRequired,
                                    @Extension Instant passwordLastChanged) {
    }

    public record LoginProfileResult(LoginProfileEntry loginProfile) {
    }

    /** The account password policy, AWS's fields in AWS's order; absent numbers are left out. */
    public record PasswordPolicyEntry(int minimumPasswordLength, boolean requireSymbols, boolean requireNumbers,
                                      boolean requireUppercaseCharacters, boolean requireLowercaseCharacters,
                                      boolean allowUsersToChangePassword, boolean expirePasswords,
                                      Integer maxPasswordAge, Integer passwordReusePrevention, Boolean hardExpiry) {
    }

    public record PasswordPolicyResult(PasswordPolicyEntry passwordPolicy) {
    }

    public record AccountAliasList(List<String> accountAliases, boolean isTruncated, String marker) {
    }

    // ---------------------------------------------------------------- console sign-in

    /**
     * Who a console session acts as.
     *
     * @param type CloudTrail's {@code userIdentity.type}: {@code Root} or {@code IAMUser}
     * @param userName null for the root user
     */
    public record ConsolePrincipal(String arn, String accountId, String userName, String type, String userId) {
    }

    /** A console session: its temporary credentials, shown this once, who it acts as, and whether the password must change first. */
    public record ConsoleSession(SessionCredentials credentials, ConsolePrincipal principal,
                                 boolean passwordResetRequired) implements SignInResult {
        @Override
        public String identityType() {
            return principal.type();
        }

        @Override
        public String arn() {
            return principal.arn();
        }

        @Override
        public String userId() {
            return principal.userId();
        }

        @Override
        public String userName() {
            return principal.userName();
        }

        @Override
        public String accessKeyId() {
            return credentials.accessKeyId();
        }
    }

    // ---------------------------------------------------------------- key expiry policies

    /** An exemption of the expiry policy: the owner's tag key and, when given, its value. */
    public record ExemptionEntry(String tagKey, String tagValue) {
    }

    /** The key expiry policy and when it was last set. */
    public record KeyExpiryPolicyResult(Integer warnAfterDays, Integer deactivateAfterDays, Integer deleteAfterDays,
                                        Integer unusedWarnAfterDays, Integer unusedDeactivateAfterDays,
                                        List<ExemptionEntry> exemptions, boolean dryRun, Instant updateDate) {
    }

    /**
     * The report's counts over every key (exempt keys count as exempt only), and the policy-independent baseline:
     * Active root keys, Active keys older than / unused for more than 90 days.
     */
    public record KeyHygieneSummary(int keys, int ok, int due, int overdue, int exempt, int overWarn,
                                    int overDeactivate, int overDelete, int activeRootKeys, int activeOlderThan90Days,
                                    int activeUnusedFor90Days) {
    }

    /**
     * One key of the report: its age and days unused, its state ({@code ok}, {@code due}: past a warning threshold,
     * {@code overdue}: past an action threshold), whether it is exempt, what the policy does to it next, when
     * (already past: at the scheduler's next run), by which rule and threshold and why.
     */
    public record KeyHygieneEntry(String accessKeyId, String userName, boolean root, String status,
                                  Instant createDate, Instant lastUsedDate, long ageDays, long unusedDays,
                                  String state, boolean exempt, String exemptBy, String nextAction,
                                  Instant nextActionDate, String rule, Integer thresholdDays, String reason,
                                  String note) {
    }

    /** GetKeyHygieneReport: the policy (null when none), counts over all keys, and a page of keys by key ID. */
    public record KeyHygieneReport(KeyExpiryPolicyResult policy, Instant generatedAt, KeyHygieneSummary summary,
                                   List<KeyHygieneEntry> keys, boolean isTruncated, String marker) {
    }
}
