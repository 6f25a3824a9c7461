package io.keywarden.server.http;

import io.keywarden.core.identity.User;
import io.keywarden.core.identity.UserName;
import io.keywarden.core.identity.UserPath;
import io.keywarden.core.keys.AccessKey;
import io.keywarden.core.keys.NewAccessKey;
import io.keywarden.core.authz.AuthorizationResult;
import io.keywarden.core.permissions.ManagedPolicy;
import io.keywarden.server.auth.AuditingAuthorizer;
import io.keywarden.server.http.dto.AttachedPolicyDto;
import io.keywarden.server.http.dto.PolicyDto;
import io.keywarden.server.http.dto.SimulationResultDto;
import io.keywarden.core.service.CallerIdentity;
import io.keywarden.core.service.KeyLastUsedInfo;
import io.keywarden.core.service.KeyOwnerInfo;
import io.keywarden.core.service.UserInfo;
import io.keywarden.core.service.UserSummary;
import io.keywarden.server.http.dto.AccessKeyDto;
import io.keywarden.server.http.dto.AccessKeyLastUsedDto;
import io.keywarden.server.http.dto.CallerIdentityDto;
import io.keywarden.server.http.dto.KeyOwnerDto;
import io.keywarden.server.http.dto.LastUsedDto;
import io.keywarden.server.http.dto.NewAccessKeyDto;
import io.keywarden.server.http.dto.UserDto;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Core results to wire DTOs. Dates are ISO-8601 UTC with milliseconds ({@code 2026-11-29T15:22:15.123Z}). */
final class Wire {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Wire() {
    }

    static String date(Instant instant) {
        return instant == null ? null : DATE.format(instant);
    }

    static UserDto user(User u) {
        return new UserDto(u.userName().value(), u.userId(), u.arn(), u.path().value(), date(u.createDate()), null);
    }

    static UserDto user(UserInfo u) {
        return new UserDto(u.name().map(UserName::value).orElse(null), u.userId(), u.arn(),
                u.userPath().map(UserPath::value).orElse(null), date(u.createDate()), null);
    }

    static UserDto user(UserSummary s) {
        User u = s.user();
        return new UserDto(u.userName().value(), u.userId(), u.arn(), u.path().value(), date(u.createDate()),
                s.keyAgeDays());
    }

    static AccessKeyDto accessKey(AccessKey k) {
        return new AccessKeyDto(k.id().value(), k.status().wireName(), date(k.createDate()),
                k.owner().name().map(UserName::value).orElse(null));
    }

    static NewAccessKeyDto newAccessKey(NewAccessKey n) {
        AccessKey k = n.key();
        return new NewAccessKeyDto(k.id().value(), n.secret().reveal(), k.status().wireName(), date(k.createDate()),
                k.owner().name().map(UserName::value).orElse(null));
    }

    static CallerIdentityDto callerIdentity(CallerIdentity c) {
        return new CallerIdentityDto(c.account(), c.userId(), c.arn());
    }

    static AccessKeyLastUsedDto lastUsed(KeyLastUsedInfo info) {
        return new AccessKeyLastUsedDto(info.userName(), new LastUsedDto(
                info.record().map(r -> date(r.date())).orElse(null), info.serviceName(), info.region()));
    }

    static KeyOwnerDto owner(KeyOwnerInfo o) {
        return new KeyOwnerDto(o.account(), o.arn(), o.userName(), o.userId(), accessKey(o.key()));
    }

    /** A managed policy, with its document or (in lists) without. */
    static PolicyDto policy(ManagedPolicy p, boolean withDocument) {
        return new PolicyDto(p.policyName(), p.policyId(), p.arn(), p.path(), p.defaultVersionId(), p.attachmentCount(),
                true, p.description().isEmpty() ? null : p.description(), date(p.createDate()), date(p.updateDate()),
                withDocument ? p.document() : null);
    }

    static AttachedPolicyDto attachedPolicy(ManagedPolicy p) {
        return new AttachedPolicyDto(p.policyName(), p.arn());
    }

    static SimulationResultDto simulation(AuthorizationResult r) {
        return new SimulationResultDto(AuditingAuthorizer.wireName(r.decision()), r.explanation(),
                r.decidingStatements(), r.errors());
    }
}
