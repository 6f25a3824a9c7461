package io.keywarden.server.http;

import io.keywarden.core.audit.AuditEvent;
import io.keywarden.core.audit.AuditRecord;
import io.keywarden.core.operation.Results.*;
import io.keywarden.server.http.dto.AccessKeyDto;
import io.keywarden.server.http.dto.AccessKeyLastUsedDto;
import io.keywarden.server.http.dto.AttachedPolicyDto;
import io.keywarden.server.http.dto.RoleLastUsedDto;
import io.keywarden.server.http.dto.AuditEventDto;
import io.keywarden.server.http.dto.KeyOwnerDto;
import io.keywarden.server.http.dto.LastUsedDto;
import io.keywarden.server.http.dto.NewAccessKeyDto;
import io.keywarden.server.http.dto.PolicyDto;
import io.keywarden.server.http.dto.RoleDto;
import io.keywarden.server.http.dto.QuarantineDto;
import io.keywarden.server.http.dto.TagBody;
import io.keywarden.server.http.dto.TagListDto;
import io.keywarden.server.http.dto.UserDto;

import java.time.Instant;
import java.util.List;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The REST face's shapes of the catalogue's typed results. Dates are ISO-8601 UTC with milliseconds
 * ({@code 2026-11-29T15:22:15.123Z}).
 */
final class Wire {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Wire() {
    }

    static String date(Instant instant) {
        return instant == null ? null : DATE.format(instant);
    }

    static UserDto user(UserEntry u) {
        return new UserDto(u.userName(), u.userId(), u.arn(), u.path(), date(u.createDate()), u.keyAgeDays(),
                tags(u.tags()));
    }

    static AccessKeyDto accessKey(KeyEntry k) {
        return new AccessKeyDto(k.accessKeyId(), k.status(), date(k.createDate()), k.userName(), k.description());
    }

    static NewAccessKeyDto newAccessKey(NewKeyEntry k) {
        return new NewAccessKeyDto(k.accessKeyId(), k.secretAccessKey().reveal(), k.status(), date(k.createDate()),
                k.userName(), k.description());
    }

    static AccessKeyLastUsedDto lastUsed(LastUsedResult r) {
        LastUsedEntry u = r.accessKeyLastUsed();
        return new AccessKeyLastUsedDto(r.userName(), new LastUsedDto(date(u.lastUsedDate()), u.serviceName(),
                u.region()));
    }

    static KeyOwnerDto owner(KeyOwnerResult o) {
        return new KeyOwnerDto(o.account(), o.arn(), o.userName(), o.userId(), accessKey(o.accessKey()));
    }

    /** A managed policy, with its document when the result carries it (answers about one policy). */
    static PolicyDto policy(PolicyEntry p) {
        return new PolicyDto(p.policyName(), p.policyId(), p.arn(), p.path(), p.defaultVersionId(), p.attachmentCount(),
                p.isAttachable(), p.description(), date(p.createDate()), date(p.updateDate()), p.policyDocument());
    }

    /** Tags as the REST face shows them; null (left out) stays null. */
    static List<TagBody> tags(List<TagEntry> tags) {
        return tags == null ? null : tags.stream().map(t -> new TagBody(t.key(), t.value())).toList();
    }

    /** Tags of a request body as the typed requests take them ({@code Key}/{@code Value} maps). */
    static List<java.util.Map<String, String>> tagMaps(List<TagBody> tags) {
        if (tags == null) {
            return List.of();
        }
        return tags.stream().map(t -> {
            java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
            m.put("Key", t.key());
            m.put("Value", t.value());
            return m;
        }).toList();
    }

    static TagListDto tagList(TagList list) {
        return new TagListDto(tags(list.tags()), list.isTruncated(), list.marker());
    }

    static QuarantineDto quarantine(QuarantineResult q) {
        return new QuarantineDto(q.userName(), q.accessKeyId(), q.status(), q.policyArn(), q.alreadyAttached());
    }

    static RoleDto role(RoleEntry r) {
        return new RoleDto(r.roleName(), r.roleId(), r.arn(), r.path(), date(r.createDate()),
                r.assumeRolePolicyDocument(), r.description(), r.maxSessionDuration(),
                r.tags() == null ? null : r.tags().stream().map(t -> new TagBody(t.key(), t.value())).toList(),
                r.roleLastUsed() == null ? null : new RoleLastUsedDto(
                        r.roleLastUsed().lastUsedDate() == null ? null : date(r.roleLastUsed().lastUsedDate()),
                        r.roleLastUsed().region()));
    }

    static AttachedPolicyDto attachedPolicy(AttachedPolicyEntry p) {
        return new AttachedPolicyDto(p.policyName(), p.policyArn());
    }

    static AuditEventDto event(AuditEvent e) {
        AuditRecord r = e.record();
        return new AuditEventDto(e.seq(), r.eventId(), date(r.eventTime()), r.eventSource(), r.eventName(),
                r.readOnly(), r.principalType(), r.principalArn(), r.principalId(), r.userName(), r.accessKeyId(),
                r.sourceIp(), r.userAgent(), r.requestParameters(), r.responseElements(), r.errorCode(),
                r.errorMessage(), r.requestId(), r.httpStatus(), e.prevHash(), e.hash());
    }
}
