package io.keywarden.server.http.dto;

import io.micronaut.serde.annotation.Serdeable;

/** Every error answer: {@code {"code","message","requestId"}}; {@code code} is AWS's error code. */
@Serdeable
public record ErrorDto(String code, String message, String requestId) {
}
