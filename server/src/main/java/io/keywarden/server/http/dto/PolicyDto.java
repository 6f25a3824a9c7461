package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A managed policy, as IAM's {@code Policy} (one version, {@code v1}). {@code description} is absent when empty;
 * {@code policyDocument} (the JSON document as a string) is present when one policy is created or read, not in lists.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyDto(String policyName, String policyId, String arn, String path, String defaultVersionId,
                        int attachmentCount, boolean isAttachable, String description, String createDate,
                        String updateDate, String policyDocument) {
}
