package io.keywarden.core.policy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConditionContextTest {

    @Test
    void keysAreCaseInsensitive() {
        ConditionContext context = ConditionContext.builder().put("aws:SourceIp", "203.0.113.7").build();
        assertThat(context.values("AWS:sourceip")).containsExactly("203.0.113.7");
        assertThat(context.contains("aws:sourceIP")).isTrue();
        assertThat(context.keys()).containsExactly("aws:sourceip");
    }

    @Test
    void keysThatDifferOnlyInCaseAreMerged() {
        ConditionContext context = ConditionContext.builder()
                .add("aws:TagKeys", "a").add("AWS:tagkeys", "b").build();
        assertThat(context.values("aws:tagkeys")).containsExactly("a", "b");
        assertThat(ConditionContext.of(Map.of("K", List.of("1"), "k", List.of("2"))).values("k")).hasSize(2);
    }

    @Test
    void aKeyWithNoValuesIsAbsent() {
        ConditionContext context = ConditionContext.builder().put("aws:username", "alice")
                .put("aws:username", List.of()).put("aws:userid").build();
        assertThat(context.contains("aws:username")).isFalse();
        assertThat(context.values("aws:username")).isEmpty();
        assertThat(context).isEqualTo(ConditionContext.empty());
    }

    @Test
    void isImmutable() {
        List<String> values = new ArrayList<>(List.of("a"));
        ConditionContext.Builder builder = ConditionContext.builder().put("k", values);
        ConditionContext context = builder.build();
        values.add("b");
        builder.add("k", "c");
        assertThat(context.values("k")).containsExactly("a");
        assertThatThrownBy(() -> context.values("k").add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> context.asMap().put("x", List.of())).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void singleValueOnlyForOneValue() {
        ConditionContext context = ConditionContext.builder().put("one", "1").put("two", "1", "2").build();
        assertThat(context.singleValue("one")).contains("1");
        assertThat(context.singleValue("two")).isEmpty();
        assertThat(context.singleValue("none")).isEmpty();
    }

    @Test
    void toBuilderCopies() {
        ConditionContext context = ConditionContext.builder().put("a", "1").build();
        ConditionContext more = context.toBuilder().put("b", "2").build();
        assertThat(context.keys()).containsExactly("a");
        assertThat(more.keys()).containsExactly("a", "b");
    }
}
