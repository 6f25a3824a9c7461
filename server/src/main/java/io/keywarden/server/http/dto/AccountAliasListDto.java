package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * The account's aliases (at most one).
 *
 * @param accountAliases the alias, or none
 * @param isTruncated    whether more follow (never: an account has at most one)
 * @param marker         the next page's marker, present exactly when isTruncated
 */
@Serdeable
@Schema(name = "AccountAliasList")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountAliasListDto(List<String> accountAliases, boolean isTruncated, @Nullable String marker) {
}
