package io.keywarden.server.http;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.operation.Parameters;
import io.keywarden.core.operation.Requests;
import io.keywarden.core.operation.Results.UserSummaryEntry;
import io.keywarden.server.http.dto.UserSummaryListDto;
import io.keywarden.server.http.dto.UserSummaryListDto.UserSummaryDto;
import io.keywarden.server.http.dto.UserSummaryListDto.UserSummaryKeyDto;
import io.keywarden.server.http.dto.UserSummaryListDto.UserSummaryLastUsedDto;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.concurrent.CompletableFuture;

/** ListUserSummaries: the console's Users table, one page in one query whatever the page size. */
@Controller("/v1/user-summaries")
@Tag(name = "users")
public class UserSummariesController {
    private final OperationCalls calls;

    public UserSummariesController(OperationCalls calls) {
        this.calls = calls;
    }

    /**
     * ListUserSummaries: a page of users with their access keys (ID, status, created), active key age, the most recent
     * key use, password age and last console sign-in. Needs {@code keywarden:ListUserSummaries} and, since it
     * reveals what they reveal, {@code iam:ListUsers}, {@code iam:ListAccessKeys}, {@code iam:GetAccessKeyLastUsed}
     * and {@code iam:GetLoginProfile}, all on {@code arn:aws:iam::{account}:user/*}.
     *
     * @param sort   {@code userName} (default), {@code createDate}, {@code activeKeyAge}, {@code accessKeyLastUsed},
     *               {@code passwordAge} or {@code consoleLastSignIn}; ties are ordered by name; "None" comes first in
     *               ascending order
     * @param order  {@code asc} (default) or {@code desc}
     * @param search a user-name prefix (case-insensitive), or an access key ID to find its owner
     * @return one page of user summaries
     */
    @Operation(operationId = "ListUserSummaries")
    @ApiDocs.SignedCall
    @Get
    public CompletableFuture<UserSummaryListDto> list(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                      @Nullable @QueryValue String sort,
                                                      @Nullable @QueryValue String order,
                                                      @Nullable @QueryValue String search,
                                                      @ApiDocs.MaxItems @Nullable @QueryValue String maxItems,
                                                      @ApiDocs.Marker @Nullable @QueryValue String marker) {
        return calls.call(http, caller, Catalogue.LIST_USER_SUMMARIES,
                        () -> new Requests.ListUserSummaries(sort, order, search, Parameters.page(marker, maxItems)),
                        200)
                .thenApply(r -> new UserSummaryListDto(r.users().stream().map(UserSummariesController::summary)
                        .toList(), r.isTruncated(), r.marker()));
    }

    /** As GetAccessKeyLastUsed answers for a key never used: no date, {@code N/A} as service and region. */
    private static final UserSummaryLastUsedDto NEVER_USED = new UserSummaryLastUsedDto(null, null, "N/A", "N/A");

    private static UserSummaryDto summary(UserSummaryEntry u) {
        return new UserSummaryDto(u.userName(), u.userId(), u.arn(), u.path(), Wire.date(u.createDate()),
                u.accessKeys().stream().map(k -> new UserSummaryKeyDto(k.accessKeyId(), k.status(),
                        Wire.date(k.createDate()))).toList(),
                u.activeKeyAgeDays(),
                u.accessKeyLastUsed() == null ? NEVER_USED : new UserSummaryLastUsedDto(u.accessKeyLastUsed().accessKeyId(),
                        Wire.date(u.accessKeyLastUsed().lastUsedDate()), u.accessKeyLastUsed().serviceName(),
                        u.accessKeyLastUsed().region()),
                u.passwordEnabled(), Wire.date(u.passwordLastChanged()), u.passwordAgeDays(),
                Wire.date(u.consoleLastSignIn()));
    }
}
