package io.keywarden.server.http;

import io.micronaut.http.HttpRequest;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The per-request ID sent back as {@code x-amzn-RequestId} and in error bodies: a random (v4) UUID. */
public final class RequestIds {
    public static final String HEADER = "x-amzn-RequestId";
    static final String ATTRIBUTE = "keywarden.requestId";

    private RequestIds() {
    }

    /** The request's ID, assigned on first use. */
    public static String of(HttpRequest<?> request) {
        if (request == null) {
            return newId();
        }
        return request.getAttribute(ATTRIBUTE, String.class).orElseGet(() -> {
            String id = newId();
            request.setAttribute(ATTRIBUTE, id);
            return id;
        });
    }

    /** A version-4 UUID from a fast non-cryptographic generator: request IDs are identifiers, not secrets. */
    public static String newId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(msb, lsb).toString();
    }
}
