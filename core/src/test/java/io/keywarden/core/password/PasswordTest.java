package io.keywarden.core.password;

import io.keywarden.core.audit.EventJson;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.operation.Requests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordTest {
    @Test
    void isRedactedInToStringAndHiddenInTheAuditTrail() {
        Password p = Password.parse("Sup3r-Secret!", "password");
        assertThat(p.toString()).doesNotContain("Sup3r");
        String json = EventJson.write(new Requests.ChangePassword(Password.parse("Old-Secret-1", "oldPassword"),
                Password.parse("New-Secret-2", "newPassword")));
        assertThat(json).doesNotContain("Secret").contains(EventJson.HIDDEN);
        String create = EventJson.write(new Requests.CreateLoginProfile("alice", p, true));
        assertThat(create).contains("\"userName\":\"alice\"").doesNotContain("Sup3r");
    }

    @Test
    void clearOverwritesTheCharacters() {
        Password p = Password.parse("Sup3r-Secret!", "password");
        p.clear();
        assertThat(new String(p.chars())).isEqualTo("\0".repeat(13));
    }

    @Test
    void awsPatternAndLengthAreChecked() {
        assertThat(Password.parse(null, "password")).isNull();
        assertThat(Password.parse("tab\there é", "password").length()).isEqualTo(10);
        assertThatThrownBy(() -> Password.parse("", "password")).isInstanceOf(KeywardenException.class);
        assertThatThrownBy(() -> Password.parse("x".repeat(129), "password")).isInstanceOf(KeywardenException.class);
        assertThatThrownBy(() -> Password.parse("snow\u2603man", "newPassword"))
                .hasMessageContaining("'newPassword'");
    }
}
