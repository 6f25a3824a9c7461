package io.keywarden.server.support;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A suite that takes more than about ten seconds, or starts servers or processes of its own: {@code mvn verify} runs
 * it, {@code mvn verify -Pfast} leaves it out (README, "Development"). Subclasses inherit the tag.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("slow")
public @interface SlowTest {
}
