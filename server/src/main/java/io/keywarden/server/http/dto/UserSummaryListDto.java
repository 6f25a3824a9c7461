package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * A page of the console's Users table (ListUserSummaries); {@code marker} is present exactly when
 * {@code isTruncated}.
 *
 * @param users       the users of this page, in the requested order
 * @param isTruncated whether more users follow
 * @param marker      the next page's marker (valid only with the same sort, order and search), present exactly when
 *                    isTruncated
 */
@Serdeable
@Schema(name = "UserSummaryList")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserSummaryListDto(List<UserSummaryDto> users, boolean isTruncated, @Nullable String marker) {

    /**
     * A user with what the console's columns show.
     *
     * @param userName            the user name
     * @param userId              the user ID
     * @param arn                 the user's ARN
     * @param path                the path
     * @param createDate          when the user was created
     * @param accessKeys          its access keys, oldest first (empty without keys)
     * @param activeKeyAgeDays    whole days since its oldest Active key was created; absent without an Active key
     * @param accessKeyLastUsed   the most recent use of any of its keys; when none was ever used, no key ID and date,
     *                            and {@code N/A} as service and region (as GetAccessKeyLastUsed answers)
     * @param passwordEnabled     whether it has a console password
     * @param passwordLastChanged when the password was last set; absent without a password
     * @param passwordAgeDays     whole days since then; absent without a password
     * @param consoleLastSignIn   its last console sign-in with the password; absent when never
     */
    @Serdeable
    @Schema(name = "UserSummary")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UserSummaryDto(
            String userName,
            String userId,
            String arn,
            String path,
            @Schema(format = "date-time", requiredMode = REQUIRED) String createDate,
            List<UserSummaryKeyDto> accessKeys,
            @Nullable Long activeKeyAgeDays,
            UserSummaryLastUsedDto accessKeyLastUsed,
            boolean passwordEnabled,
            @Nullable @Schema(format = "date-time") String passwordLastChanged,
            @Nullable Long passwordAgeDays,
            @Nullable @Schema(format = "date-time") String consoleLastSignIn) {
    }

    /**
     * A key of a user summary.
     *
     * @param accessKeyId the key ID
     * @param status      {@code Active} or {@code Inactive}
     * @param createDate  when it was created
     */
    @Serdeable
    @Schema(name = "UserSummaryKey")
    public record UserSummaryKeyDto(String accessKeyId,
                                    @Schema(allowableValues = {"Active", "Inactive"}, requiredMode = REQUIRED)
                                    String status,
                                    @Schema(format = "date-time", requiredMode = REQUIRED) String createDate) {
    }

    /**
     * The most recent use of any of a user's keys.
     *
     * @param accessKeyId  the key used; absent when none was ever used
     * @param lastUsedDate when; absent when none was ever used
     * @param serviceName  for which service; {@code N/A} when none was ever used
     * @param region       in which region; {@code N/A} when none was ever used
     */
    @Serdeable
    @Schema(name = "UserSummaryLastUsed")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UserSummaryLastUsedDto(@Nullable String accessKeyId,
                                         @Nullable @Schema(format = "date-time") String lastUsedDate,
                                         String serviceName, String region) {
    }
}
