package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** The answer to creating a key: the only time the secret is ever returned. {@link #toString()} redacts it. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewAccessKeyDto(String accessKeyId, String secretAccessKey, String status, String createDate,
                              String userName) {
    @Override
    public String toString() {
        return "NewAccessKeyDto[accessKeyId=" + accessKeyId + ", secretAccessKey=[redacted], status=" + status
                + ", createDate=" + createDate + ", userName=" + userName + "]";
    }
}
