package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * A page of tags (ListUserTags, ListRoleTags); {@code marker} is present exactly when {@code isTruncated}.
 *
 * @param tags        the tags of this page, in key order (ignoring case)
 * @param isTruncated whether more tags follow
 * @param marker      the next page's marker, present exactly when isTruncated
 */
@Serdeable
@Schema(name = "TagList")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TagListDto(List<TagBody> tags, boolean isTruncated, @Nullable String marker) {
}
