package io.keywarden.sdk.internal;

import io.keywarden.sdk.exception.KeywardenClientException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialReportCsvTest {

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() {
        assertThat(CredentialReportCsv.records("a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"\r\n1,,3\n"))
                .containsExactly(List.of("a", "b,c", "say \"hi\"", "x\ny"), List.of("1", "", "3"));
    }

    @Test
    void blankLinesAndAMissingFinalLineBreakAreFine() {
        assertThat(CredentialReportCsv.records("h1,h2\n\nv1,v2")).containsExactly(List.of("h1", "h2"), List.of("v1", "v2"));
        assertThat(CredentialReportCsv.records("")).isEmpty();
        assertThat(CredentialReportCsv.records("a,\n")).containsExactly(List.of("a", ""));
    }

    @Test
    void anUnterminatedQuoteIsAClientError() {
        assertThatThrownBy(() -> CredentialReportCsv.records("a,\"b\n")).isInstanceOf(KeywardenClientException.class);
    }

    @Test
    void anEmptyReportIsAClientError() {
        assertThatThrownBy(() -> CredentialReportCsv.parse("")).isInstanceOf(KeywardenClientException.class);
    }
}
