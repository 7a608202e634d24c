package org.postedit.workbench.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Java regex constructs PostgreSQL would read differently are rewritten; everything else passes through. */
class PostgresRegexTest {

    @Test
    void wordBoundariesBecomePostgresOnes() {
        assertThat(PostgresRegex.of("\\bred\\b")).isEqualTo("\\yred\\y");
        assertThat(PostgresRegex.of("\\Bed\\z")).isEqualTo("\\Yed\\Z");
    }

    @Test
    void escapedBackslashesAndCharacterClassesAreLeftAlone() {
        assertThat(PostgresRegex.of("\\\\b")).isEqualTo("\\\\b");
        assertThat(PostgresRegex.of("[\\b]x\\b")).isEqualTo("[\\b]x\\y");
        assertThat(PostgresRegex.of("^B\\w+s \\d{2,}(?:a|b)$")).isEqualTo("^B\\w+s \\d{2,}(?:a|b)$");
    }

    @Test
    void quotedTextIsEscapedCharacterByCharacter() {
        assertThat(PostgresRegex.of("\\Q1+1=2.\\E!")).isEqualTo("1\\+1\\=2\\.!");
        assertThat(PostgresRegex.of("a\\Q(b")).isEqualTo("a\\(b");
    }

    @Test
    void h2KeepsJavaSyntax() {
        assertThat(SqlDialect.H2.regex("\\bred\\b")).isEqualTo("\\bred\\b");
        assertThat(SqlDialect.POSTGRESQL.regex("\\bred\\b")).isEqualTo("\\yred\\y");
    }
}
