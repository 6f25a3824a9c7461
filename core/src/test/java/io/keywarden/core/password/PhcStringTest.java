package io.keywarden.core.password;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhcStringTest {
    // a sample in the PHC form (salt "somesaltsomesalt", m=19456, t=2, p=1; the hash bytes are arbitrary)
    private static final String SAMPLE = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
            + "Z2C6zJVjTGMg3nDvXH0jKRFhXa8JwqLXMr2EjUxuOXk";

    @Test
    void parsesParametersSaltAndHashAndFormatsBackTheSameText() {
        PhcString phc = PhcString.parse(SAMPLE).orElseThrow();
        assertThat(phc.version()).isEqualTo(19);
        assertThat(phc.parameters()).isEqualTo(new Argon2Parameters(19456, 2, 1, 16, 32));
        assertThat(new String(phc.salt())).isEqualTo("somesaltsomesalt");
        assertThat(phc.hash()).hasSize(32);
        assertThat(phc.format()).isEqualTo(SAMPLE);
    }

    @Test
    void refusesWhatIsNotArgon2id() {
        assertThat(PhcString.parse(null)).isEmpty();
        assertThat(PhcString.parse("")).isEmpty();
        assertThat(PhcString.parse(SAMPLE.replace("argon2id", "argon2i"))).isEmpty();
        assertThat(PhcString.parse(SAMPLE.replace("m=19456", "m=1"))).isEmpty(); // below 8 KiB per lane
        assertThat(PhcString.parse(SAMPLE + "$extra")).isEmpty();
        assertThat(PhcString.parse("$2a$10$abcdefghijklmnopqrstuv")).isEmpty();
    }

    @Test
    void defaultParametersAreOwaspsMinimum() {
        assertThat(Argon2Parameters.DEFAULT.memoryKiB()).isEqualTo(19 * 1024);
        assertThat(Argon2Parameters.DEFAULT.iterations()).isEqualTo(2);
        assertThat(Argon2Parameters.DEFAULT.parallelism()).isEqualTo(1);
    }

    @Test
    void toStringShowsNoSaltOrHash() {
        assertThat(PhcString.parse(SAMPLE).orElseThrow().toString()).doesNotContain("c29tZXNhbHQ");
    }
}
