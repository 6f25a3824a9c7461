package io.keywarden.core.identity;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.port.Page;
import io.keywarden.core.port.PageRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TagsTest {
    private static List<Tag> tags(int n) {
        return IntStream.range(0, n).mapToObj(i -> new Tag("k" + i, "v")).toList();
    }

    @Test
    void taggingAKeyAgainIgnoringCaseReplacesItsValueAndSpelling() {
        List<Tag> merged = Tags.merge(List.of(new Tag("team", "a"), new Tag("env", "prod")),
                List.of(new Tag("TEAM", "b")), "user alice");
        assertThat(merged).containsExactly(new Tag("env", "prod"), new Tag("TEAM", "b"));
    }

    @Test
    void theFiftyFirstTagIsLimitExceeded() {
        assertThat(Tags.merge(tags(49), List.of(new Tag("new", "v")), "user alice")).hasSize(50);
        assertThat(Tags.merge(tags(50), List.of(new Tag("K3", "v")), "user alice")).hasSize(50);
        assertThatThrownBy(() -> Tags.merge(tags(50), List.of(new Tag("new", "v")), "user alice"))
                .isInstanceOfSatisfying(KeywardenException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
                    assertThat(e.getMessage()).isEqualTo("The number of tags on user alice cannot exceed 50 tags.");
                });
    }

    @Test
    void removingIgnoresCaseAndAbsentKeys() {
        assertThat(Tags.remove(List.of(new Tag("Team", "a"), new Tag("env", "x")), List.of("TEAM", "nope")))
                .containsExactly(new Tag("env", "x"));
    }

    @Test
    void pagesFollowTheKeyOrderIgnoringCase() {
        List<Tag> all = List.of(new Tag("b", "2"), new Tag("A", "1"), new Tag("c", "3"));
        Page<Tag> first = Tags.page(all, PageRequest.of(null, 2));
        assertThat(first.items()).containsExactly(new Tag("A", "1"), new Tag("b", "2"));
        assertThat(first.isTruncated()).isTrue();
        Page<Tag> second = Tags.page(all, PageRequest.of(first.nextMarker(), 2));
        assertThat(second.items()).containsExactly(new Tag("c", "3"));
        assertThat(second.isTruncated()).isFalse();
    }

    @Test
    void theAwsPrefixIsReservedIgnoringCase() {
        assertThatThrownBy(() -> Tag.fromCaller(List.of(Map.of("Key", "AWS:owner", "Value", "x"))))
                .isInstanceOfSatisfying(KeywardenException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_INPUT));
        assertThat(Tag.fromCaller(List.of(Map.of("Key", "awsome", "Value", "x")))).hasSize(1);
    }

    @Test
    void untagKeysAreOneToFiftyWellFormedKeys() {
        assertThatThrownBy(() -> Tag.keys(List.of())).isInstanceOf(KeywardenException.class);
        assertThatThrownBy(() -> Tag.keys(IntStream.range(0, 51).mapToObj(i -> "k" + i).toList()))
                .isInstanceOf(KeywardenException.class);
        assertThatThrownBy(() -> Tag.keys(List.of("bad#key"))).isInstanceOf(KeywardenException.class);
        assertThat(Tag.keys(List.of("ok"))).containsExactly("ok");
    }
}
