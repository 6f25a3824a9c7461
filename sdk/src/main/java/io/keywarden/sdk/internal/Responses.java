package io.keywarden.sdk.internal;

import io.keywarden.core.authz.Decision;
import io.keywarden.sdk.exception.KeywardenClientException;
import io.keywarden.sdk.model.AssumedRole;
import io.keywarden.sdk.model.AttachedPolicy;
import io.keywarden.sdk.model.QuarantineResult;
import io.keywarden.sdk.model.Role;
import io.keywarden.sdk.model.RoleLastUsed;
import io.keywarden.sdk.model.RolePolicy;
import io.keywarden.sdk.model.SessionCredentials;
import io.keywarden.sdk.model.Tag;
import io.keywarden.sdk.model.ManagedPolicy;
import io.keywarden.sdk.model.SimulationResult;
import io.keywarden.sdk.model.UserPolicy;
import io.keywarden.sdk.model.AccessKeyInfo;
import io.keywarden.sdk.model.AuditEvent;
import io.keywarden.sdk.model.AuditVerification;
import io.keywarden.sdk.model.AccessKeyLastUsed;
import io.keywarden.sdk.model.AccessKeyMetadata;
import io.keywarden.sdk.model.CallerIdentity;
import io.keywarden.sdk.model.CreatedAccessKey;
import io.keywarden.sdk.model.KeyOwner;
import io.keywarden.sdk.model.Page;
import io.keywarden.sdk.model.User;
import io.keywarden.sdk.model.UserSummary;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/** Maps the JSON answers of {@code docs/rest-api.md} to the SDK's records. */
public final class Responses {
    private Responses() {
    }

    public static CallerIdentity callerIdentity(AnswerReader json) {
        return new CallerIdentity(json.requiredText("account"), json.requiredText("userId"), json.requiredText("arn"));
    }

    /** {@code User}: {@code userName} and {@code path} are absent for the root user. */
    public static User user(AnswerReader json) {
        return new User(json.optionalText("userName"), json.requiredText("userId"), json.requiredText("arn"),
                json.optionalText("path"), json.requiredInstant("createDate"));
    }

    public static UserSummary userSummary(AnswerReader json) {
        return new UserSummary(user(json), json.optionalLong("keyAgeDays"));
    }

    public static io.keywarden.sdk.model.UserOverview userOverview(AnswerReader json) {
        AnswerReader used = json.optionalObject("accessKeyLastUsed");
        return new io.keywarden.sdk.model.UserOverview(json.requiredText("userName"), json.requiredText("userId"),
                json.requiredText("arn"), json.requiredText("path"), json.requiredInstant("createDate"),
                json.requiredArray("accessKeys").stream().map(k -> new io.keywarden.sdk.model.UserOverview.Key(
                        k.requiredText("accessKeyId"), k.requiredStatus("status"), k.requiredInstant("createDate")))
                        .toList(),
                json.optionalLong("activeKeyAgeDays"),
                used == null || used.optionalInstant("lastUsedDate") == null ? null
                        : new io.keywarden.sdk.model.UserOverview.LastUse(used.optionalText("accessKeyId"),
                        used.requiredInstant("lastUsedDate"), used.requiredText("serviceName"),
                        used.requiredText("region")),
                json.optionalBoolean("passwordEnabled", false), json.optionalInstant("passwordLastChanged"),
                json.optionalLong("passwordAgeDays"), json.optionalInstant("consoleLastSignIn"));
    }

    public static AccessKeyMetadata accessKey(AnswerReader json) {
        return new AccessKeyMetadata(json.requiredText("accessKeyId"), json.requiredStatus("status"),
                json.requiredInstant("createDate"), json.optionalText("userName"), json.optionalText("description"));
    }

    public static CreatedAccessKey createdAccessKey(AnswerReader json) {
        return new CreatedAccessKey(json.requiredText("accessKeyId"), json.requiredText("secretAccessKey"),
                json.requiredStatus("status"), json.requiredInstant("createDate"), json.optionalText("userName"),
                json.optionalText("description"));
    }

    /** {@code {"userName","accessKeyLastUsed":{"lastUsedDate"?,"serviceName","region"}}}. */
    public static AccessKeyLastUsed lastUsed(String accessKeyId, AnswerReader json) {
        AnswerReader used = json.requiredObject("accessKeyLastUsed");
        return new AccessKeyLastUsed(accessKeyId, json.optionalText("userName"), used.optionalInstant("lastUsedDate"),
                used.requiredText("serviceName"), used.requiredText("region"));
    }

    public static AccessKeyInfo accessKeyInfo(String accessKeyId, AnswerReader json) {
        return new AccessKeyInfo(accessKeyId, json.requiredText("account"));
    }

    public static KeyOwner keyOwner(AnswerReader json) {
        return new KeyOwner(json.requiredText("account"), json.requiredText("arn"), json.optionalText("userName"),
                json.requiredText("userId"), accessKey(json.requiredObject("accessKey")));
    }

    public static UserPolicy userPolicy(AnswerReader json) {
        return new UserPolicy(json.requiredText("userName"), json.requiredText("policyName"),
                json.requiredText("policyDocument"));
    }

    /** {@code Policy}; {@code policyDocument} is absent in listings. */
    public static ManagedPolicy managedPolicy(AnswerReader json) {
        return new ManagedPolicy(json.requiredText("policyName"), json.requiredText("policyId"), json.requiredText("arn"),
                json.requiredText("path"), json.requiredText("defaultVersionId"), json.optionalInt("attachmentCount", 0),
                json.optionalBoolean("isAttachable", true), json.optionalText("description"),
                json.requiredInstant("createDate"), json.requiredInstant("updateDate"), json.optionalText("policyDocument"));
    }

    public static AttachedPolicy attachedPolicy(AnswerReader json) {
        return new AttachedPolicy(json.requiredText("policyName"), json.requiredText("policyArn"));
    }

    /** {@code Role}: {@code description}, {@code tags} and {@code roleLastUsed} are optional. */
    public static Role role(AnswerReader json) {
        AnswerReader used = json.optionalObject("roleLastUsed");
        return new Role(json.requiredText("roleName"), json.requiredText("roleId"), json.requiredText("arn"),
                json.requiredText("path"), json.requiredInstant("createDate"),
                json.requiredText("assumeRolePolicyDocument"), json.optionalText("description"),
                Duration.ofSeconds(json.requiredLong("maxSessionDuration")),
                json.optionalArray("tags").stream().map(Responses::tag).toList(),
                used == null ? null : new RoleLastUsed(used.optionalInstant("lastUsedDate"), used.optionalText("region")));
    }

    public static Tag tag(AnswerReader json) {
        String value = json.optionalText("value");
        return new Tag(json.requiredText("key"), value == null ? "" : value);
    }

    public static QuarantineResult quarantine(AnswerReader json) {
        return new QuarantineResult(json.requiredText("userName"), json.requiredText("accessKeyId"),
                json.requiredStatus("status"), json.requiredText("policyArn"), json.optionalBoolean("alreadyAttached", false));
    }

    /** {@code {"userName"?,"createDate","passwordResetRequired","passwordLastChanged"}}. */
    public static io.keywarden.sdk.model.LoginProfile loginProfile(AnswerReader json) {
        return new io.keywarden.sdk.model.LoginProfile(json.optionalText("userName"), json.requiredInstant("createDate"),
                json.optionalBoolean("passwordResetRequired", false), json.requiredInstant("passwordLastChanged"));
    }

    /** {@code {"credentials":{…},"principal":{"arn","accountId","userName"?,"type"},"passwordResetRequired"}}. */
    public static io.keywarden.sdk.model.ConsoleSession consoleSession(AnswerReader json) {
        AnswerReader p = json.requiredObject("principal");
        return new io.keywarden.sdk.model.ConsoleSession(sessionCredentials(json), p.requiredText("arn"),
                p.requiredText("accountId"), p.optionalText("userName"), p.requiredText("type"),
                json.optionalBoolean("passwordResetRequired", false));
    }

    /** The account password policy, AWS's fields. */
    public static io.keywarden.sdk.model.PasswordPolicy passwordPolicy(AnswerReader json) {
        Long maxAge = json.optionalLong("maxPasswordAge");
        Long reuse = json.optionalLong("passwordReusePrevention");
        return new io.keywarden.sdk.model.PasswordPolicy(json.requiredInt("minimumPasswordLength"),
                json.optionalBoolean("requireSymbols", false), json.optionalBoolean("requireNumbers", false),
                json.optionalBoolean("requireUppercaseCharacters", false),
                json.optionalBoolean("requireLowercaseCharacters", false),
                json.optionalBoolean("allowUsersToChangePassword", false),
                json.optionalBoolean("expirePasswords", false), maxAge == null ? null : Math.toIntExact(maxAge),
                reuse == null ? null : Math.toIntExact(reuse), json.optionalBoolean("hardExpiry", false));
    }

    public static RolePolicy rolePolicy(AnswerReader json) {
        return new RolePolicy(json.requiredText("roleName"), json.requiredText("policyName"),
                json.requiredText("policyDocument"));
    }

    /** {@code {"credentials":{"accessKeyId","secretAccessKey","sessionToken","expiration"}}}. */
    public static SessionCredentials sessionCredentials(AnswerReader json) {
        AnswerReader c = json.requiredObject("credentials");
        return new SessionCredentials(c.requiredText("accessKeyId"), c.requiredText("secretAccessKey"),
                c.requiredText("sessionToken"), c.requiredInstant("expiration"));
    }

    /** {@code {"credentials":{…},"assumedRoleUser":{"assumedRoleId","arn"},"packedPolicySize","sourceIdentity"?}}. */
    public static AssumedRole assumedRole(AnswerReader json) {
        AnswerReader user = json.requiredObject("assumedRoleUser");
        return new AssumedRole(sessionCredentials(json), user.requiredText("assumedRoleId"), user.requiredText("arn"),
                json.requiredInt("packedPolicySize"), json.optionalText("sourceIdentity"));
    }

    /** {@code {"decision":"Allow|ExplicitDeny|ImplicitDeny","explanation","decidingStatements","errors"}}. */
    public static SimulationResult simulation(AnswerReader json) {
        String decision = json.requiredText("decision");
        Decision d = switch (decision) {
            case "Allow" -> Decision.ALLOW;
            case "ExplicitDeny" -> Decision.EXPLICIT_DENY;
            case "ImplicitDeny" -> Decision.IMPLICIT_DENY;
            default -> throw new KeywardenClientException("the simulator answered an unknown decision '" + decision + "'");
        };
        return new SimulationResult(d, json.requiredText("explanation"), json.requiredTextArray("decidingStatements"),
                json.requiredTextArray("errors"));
    }

    /** {@code {"<itemsField>":["…"],"isTruncated","marker"?}}. */
    public static Page<String> textPage(AnswerReader json, String itemsField) {
        return page(json.requiredTextArray(itemsField), json);
    }

    /** {@code {"<itemsField>":[…],"isTruncated","marker"?}}. */
    public static <T> Page<T> page(AnswerReader json, String itemsField, Function<AnswerReader, T> item) {
        return page(json.requiredArray(itemsField).stream().map(item).toList(), json);
    }

    private static <T> Page<T> page(List<T> items, AnswerReader json) {
        boolean truncated = json.optionalBoolean("isTruncated", false);
        String marker = json.optionalText("marker");
        if (truncated && (marker == null || marker.isEmpty())) {
            throw new KeywardenClientException("the answer is truncated but carries no marker for the next page");
        }
        return new Page<>(items, truncated, truncated ? marker : null);
    }

    public static AuditEvent auditEvent(AnswerReader json) {
        Long status = json.optionalLong("httpStatus");
        return new AuditEvent(orZero(json.optionalLong("seq")), json.requiredText("eventId"),
                json.requiredInstant("eventTime"), json.optionalText("eventSource"), json.requiredText("eventName"),
                json.optionalBoolean("readOnly", false), json.optionalText("principalType"),
                json.optionalText("principalArn"), json.optionalText("principalId"), json.optionalText("userName"),
                json.optionalText("accessKeyId"), json.optionalText("sourceIpAddress"), json.optionalText("userAgent"),
                json.optionalText("requestParameters"), json.optionalText("responseElements"),
                json.optionalText("errorCode"), json.optionalText("errorMessage"), json.optionalText("requestId"),
                status == null ? 0 : status.intValue(), json.optionalText("previousHash"), json.requiredText("hash"));
    }

    public static AuditVerification auditVerification(AnswerReader json) {
        return new AuditVerification(json.optionalBoolean("intact", false), orZero(json.optionalLong("eventsChecked")),
                orZero(json.optionalLong("lastSeq")), json.optionalText("lastHash"), json.optionalLong("firstBrokenSeq"),
                json.optionalText("reason"), json.optionalLong("checkpointSeq"));
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    public static io.keywarden.sdk.model.MasterKeyStatus masterKeyStatus(AnswerReader json) {
        AnswerReader r = json.requiredObject("reseal");
        Long target = r.optionalLong("targetVersion");
        return new io.keywarden.sdk.model.MasterKeyStatus(json.requiredInt("newestVersion"),
                json.requiredArray("versions").stream().map(v -> new io.keywarden.sdk.model.MasterKeyStatus.Version(
                        v.requiredInt("version"), v.optionalBoolean("configured", false),
                        v.optionalBoolean("newest", false), orZero(v.optionalLong("sealedSecrets")))).toList(),
                new io.keywarden.sdk.model.MasterKeyStatus.Reseal(r.requiredText("state"),
                        target == null ? null : target.intValue(), r.optionalText("leaseHolder"),
                        r.optionalInstant("leaseExpiresAt"), orZero(r.optionalLong("resealed")),
                        orZero(r.optionalLong("remaining")), r.optionalInstant("startedAt"),
                        r.optionalInstant("lastBatchAt"), r.optionalInstant("finishedAt"),
                        r.optionalText("lastError")));
    }

    public static io.keywarden.sdk.model.Webhook webhook(AnswerReader json) {
        return new io.keywarden.sdk.model.Webhook(json.requiredText("webhookId"), json.requiredText("url"),
                json.requiredTextArray("events"), json.requiredInstant("createDate"),
                json.requiredInstant("updateDate"), java.util.Optional.ofNullable(json.optionalText("secret")));
    }

    public static io.keywarden.sdk.model.WebhookDelivery webhookDelivery(AnswerReader json) {
        Long status = json.optionalLong("statusCode");
        return new io.keywarden.sdk.model.WebhookDelivery(json.requiredText("deliveryId"), json.requiredText("event"),
                json.requiredInt("attempt"), json.requiredInstant("attemptedAt"),
                status == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(status.intValue()),
                java.util.Optional.ofNullable(json.optionalText("error")),
                Duration.ofMillis(json.requiredLong("durationMillis")), json.requiredText("outcome"));
    }

    public static io.keywarden.sdk.model.KeyExpiryPolicy keyExpiryPolicy(AnswerReader json) {
        return new io.keywarden.sdk.model.KeyExpiryPolicy(optionalInteger(json, "warnAfterDays"),
                optionalInteger(json, "deactivateAfterDays"), optionalInteger(json, "deleteAfterDays"),
                optionalInteger(json, "unusedWarnAfterDays"), optionalInteger(json, "unusedDeactivateAfterDays"),
                json.requiredArray("exemptions").stream().map(e -> new io.keywarden.sdk.model.KeyExpiryPolicy.Exemption(
                        e.requiredText("tagKey"), e.optionalText("tagValue"))).toList(),
                json.optionalBoolean("dryRun", false), json.requiredInstant("updateDate"));
    }

    public static io.keywarden.sdk.model.KeyHygieneReport keyHygieneReport(AnswerReader json) {
        AnswerReader policy = json.optionalObject("policy");
        AnswerReader s = json.requiredObject("summary");
        return new io.keywarden.sdk.model.KeyHygieneReport(
                java.util.Optional.ofNullable(policy == null ? null : keyExpiryPolicy(policy)),
                json.requiredInstant("generatedAt"),
                new io.keywarden.sdk.model.KeyHygieneSummary(s.requiredInt("keys"), s.requiredInt("ok"),
                        s.requiredInt("due"), s.requiredInt("overdue"), s.requiredInt("exempt"),
                        s.requiredInt("overWarn"), s.requiredInt("overDeactivate"), s.requiredInt("overDelete"),
                        s.requiredInt("activeRootKeys"), s.requiredInt("activeOlderThan90Days"),
                        s.requiredInt("activeUnusedFor90Days")),
                page(json, "keys", Responses::keyHygieneKey));
    }

    private static io.keywarden.sdk.model.KeyHygieneKey keyHygieneKey(AnswerReader k) {
        return new io.keywarden.sdk.model.KeyHygieneKey(k.requiredText("accessKeyId"), k.optionalText("userName"),
                k.optionalBoolean("root", false), k.requiredStatus("status"), k.requiredInstant("createDate"),
                k.optionalInstant("lastUsedDate"), k.requiredLong("ageDays"), k.requiredLong("unusedDays"),
                k.requiredText("state"), k.optionalBoolean("exempt", false), k.optionalText("exemptBy"),
                k.optionalText("nextAction"), k.optionalInstant("nextActionDate"), k.optionalText("rule"),
                optionalInteger(k, "thresholdDays"), k.optionalText("reason"), k.optionalText("note"));
    }

    private static Integer optionalInteger(AnswerReader json, String field) {
        Long value = json.optionalLong(field);
        return value == null ? null : Math.toIntExact(value);
    }
}
