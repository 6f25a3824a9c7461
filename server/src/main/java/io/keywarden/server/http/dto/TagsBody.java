package io.keywarden.server.http.dto;

import io.micronaut.core.annotation.Introspected;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * TagUser's and TagRole's body, read strictly by {@code JsonBodies}.
 *
 * @param tags 1 to 50 tags; a key the entity has (ignoring case) gets the new value
 */
@Introspected
@Schema(name = "TagRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record TagsBody(@Schema(requiredMode = REQUIRED, minLength = 1) List<TagBody> tags) {
}
