package org.postedit.workbench.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The shipped samples load on the first start and never twice. */
@SpringBootTest
@ActiveProfiles("test")
class SampleDocumentsTest {

    @Autowired
    SampleDocuments samples;
    @Autowired
    DocumentService documents;
    @Autowired
    JdbcClient jdbc;

    @Test
    void samplesAndGlossaryAreLoadedOnceOnly() throws Exception {
        int before = documents.list(true).size();
        int terms = jdbc.sql("select count(*) from glossary_term").query(Integer.class).single();
        assertThat(before).isGreaterThanOrEqualTo(2);
        assertThat(terms).isGreaterThan(10);

        samples.run(new DefaultApplicationArguments());

        assertThat(documents.list(true)).hasSize(before);
        assertThat(documents.list(true)).anySatisfy(p -> {
            assertThat(p.document().hasSource()).isTrue();
            assertThat(p.document().format()).isEqualTo(DocumentFormat.XLIFF12);
        });
    }
}
