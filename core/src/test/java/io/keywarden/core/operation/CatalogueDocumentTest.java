package io.keywarden.core.operation;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/catalogue.md} lists every operation of the catalogue as the catalogue says it: the docs cannot drift.
 * When this fails, copy the expected table into the document.
 */
class CatalogueDocumentTest {
    private static final String BEGIN = "<!-- catalogue:begin -->";
    private static final String END = "<!-- catalogue:end -->";

    @Test
    void theDocumentListsTheCatalogue() throws IOException {
        StringBuilder table = new StringBuilder("| operation | service | IAM action | kind | AWS face | resource |\n"
                + "|---|---|---|---|---|---|\n");
        for (Operation<?, ?> op : Catalogue.all()) {
            table.append(op.markdownRow()).append('\n');
        }
        String doc = Files.readString(Path.of("..", "docs", "catalogue.md"), StandardCharsets.UTF_8);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("the document marks the table").isNotNegative();
        assertThat(doc.substring(begin + BEGIN.length(), end).strip()).isEqualTo(table.toString().strip());
    }
}
