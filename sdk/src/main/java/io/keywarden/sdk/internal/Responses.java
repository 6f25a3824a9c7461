package io.keywarden.sdk.internal;

import io.keywarden.sdk.exception.KeywardenClientException;
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

    public static AccessKeyMetadata accessKey(AnswerReader json) {
        return new AccessKeyMetadata(json.requiredText("accessKeyId"), json.requiredStatus("status"),
                json.requiredInstant("createDate"), json.optionalText("userName"));
    }

    public static CreatedAccessKey createdAccessKey(AnswerReader json) {
        return new CreatedAccessKey(json.requiredText("accessKeyId"), json.requiredText("secretAccessKey"),
                json.requiredStatus("status"), json.requiredInstant("createDate"), json.optionalText("userName"));
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

    /** {@code {"<itemsField>":[…],"isTruncated","marker"?}}. */
    public static <T> Page<T> page(AnswerReader json, String itemsField, Function<AnswerReader, T> item) {
        List<T> items = json.requiredArray(itemsField).stream().map(item).toList();
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
                json.optionalText("reason"));
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
