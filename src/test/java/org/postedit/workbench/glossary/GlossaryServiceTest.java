package org.postedit.workbench.glossary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/** GlossaryService against the real application and H2: rules, search, audit, import (preview/apply), export. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@WithMockUser(username = "terry", roles = "TERMINOLOGIST")
class GlossaryServiceTest {

    @Autowired
    GlossaryService glossary;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path temp;

    private long newGlossary() {
        return glossary.createGlossary("test " + UUID.randomUUID(), null, "terry").id();
    }

    @Test
    void theShippedTbxIsLoadedIntoTheGeneralGlossary() {
        long general = glossary.generalGlossary().id();
        GlossaryQuery inGeneral = GlossaryQuery.all().withGlossary(general);
        assertThat(glossary.countConcepts(inGeneral)).isEqualTo(19);
        List<TermHit> forbidden = glossary.searchTerms(new GlossaryQuery("my country", GlossaryQuery.Match.PREFIX,
                "en", TermStatus.FORBIDDEN, null, general, GlossaryQuery.Sort.TERM), 0, 10);
        assertThat(forbidden).singleElement().satisfies(hit -> {
            assertThat(hit.term().text()).isEqualTo("my country");
            assertThat(hit.conceptNote()).startsWith("literal MT of 我国");
        });
        assertThat(glossary.matchableTerms(List.of(general))).hasSizeGreaterThan(40)
                .anySatisfy(t -> {
                    assertThat(t.text()).isEqualTo("Vice Minister");
                    assertThat(t.caseSensitive()).isTrue();
                    assertThat(t.status()).isEqualTo(org.postedit.workbench.glossary.matching.TermStatus.PREFERRED);
                });
        // the rows feed the term matcher directly
        var matcher = new org.postedit.workbench.glossary.matching.TermMatcher(glossary.matchableTerms(List.of(general)),
                org.postedit.workbench.glossary.matching.Lemmatizer.NONE);
        assertThat(matcher.find("en-US", "The Open Atom Foundation said so."))
                .extracting(m -> m.term().text()).contains("Open Atom Foundation");
    }

    @Test
    void createUpdateDeleteWithValidationAuditAndVersion() {
        long g = newGlossary();
        long version = glossary.glossaryVersion();
        Concept created = glossary.createConcept(g, Concept.draft(null, "tech", null, null, List.of(
                Term.of("zh-cn", " 开源 ", TermStatus.PREFERRED),
                Term.of("en", "open source", TermStatus.PREFERRED),
                Term.of("en", "open-source", TermStatus.ADMITTED))), "terry");
        assertThat(created.key()).isEqualTo("c1");
        assertThat(created.terms()).extracting(Term::language).containsExactly("zh-CN", "en", "en");
        assertThat(created.terms().getFirst().text()).isEqualTo("开源");
        assertThat(glossary.glossaryVersion()).isGreaterThan(version);

        assertThatThrownBy(() -> glossary.createConcept(g, Concept.draft(null, null, null, null, List.of(
                Term.of("en", "Open Source", TermStatus.PREFERRED))), "terry"))
                .isInstanceOf(GlossaryValidationException.class)
                .hasMessageContaining("The preferred en term 'Open Source' is already the preferred term of concept c1");
        assertThatThrownBy(() -> glossary.createConcept(g, Concept.draft(null, null, null, null, List.of(
                Term.of("en", "  ", TermStatus.PREFERRED))), "terry"))
                .isInstanceOf(GlossaryValidationException.class).hasMessageContaining("term is empty");
        assertThatThrownBy(() -> glossary.createConcept(g, Concept.draft(null, null, null, null, List.of()), "terry"))
                .hasMessageContaining("at least one term");

        List<Term> terms = new ArrayList<>(created.terms());
        terms.set(2, new Term(0, "en", "open-source", TermStatus.DEPRECATED, "adjective", false, "as modifier", null));
        Concept updated = glossary.updateConcept(created.id(), Concept.draft(null, "software", "def", null, terms),
                "terry");
        assertThat(updated.key()).isEqualTo("c1");
        assertThat(updated.domain()).isEqualTo("software");
        assertThat(updated.terms().get(2).status()).isEqualTo(TermStatus.DEPRECATED);
        // its own preferred term is no conflict on update
        assertThat(glossary.updateConcept(created.id(), updated, "terry").terms()).hasSize(3);

        glossary.deleteConcept(created.id(), "terry");
        assertThat(glossary.concept(created.id())).isEmpty();
        assertThat(glossary.audit(g, null, 0, 10)).extracting(AuditEntry::action)
                .containsExactly("DELETE", "UPDATE", "UPDATE", "CREATE", "CREATE");
        assertThat(glossary.audit(g, created.id(), 0, 10)).allSatisfy(a -> assertThat(a.author()).isEqualTo("terry"))
                .first().satisfies(a -> assertThat(a.summary()).contains("open source"));
        assertThat(glossary.countAudit(g, null)).isEqualTo(5);
    }

    @Test
    void searchesByPrefixContainsLanguageStatusAndDomain() {
        long g = newGlossary();
        glossary.createConcept(g, Concept.draft(null, "astronomy", null, null, List.of(
                Term.of("en-US", "open cluster", TermStatus.PREFERRED), Term.of("es", "cúmulo abierto",
                        TermStatus.PREFERRED))), "terry");
        glossary.createConcept(g, Concept.draft(null, "software", null, null, List.of(
                Term.of("en", "open source", TermStatus.PREFERRED), Term.of("en", "opensource",
                        TermStatus.FORBIDDEN))), "terry");
        GlossaryQuery base = GlossaryQuery.all().withGlossary(g);
        assertThat(glossary.countTerms(base.withText("OPEN", GlossaryQuery.Match.PREFIX))).isEqualTo(3);
        assertThat(glossary.countTerms(base.withText("cluster", GlossaryQuery.Match.PREFIX))).isZero();
        assertThat(glossary.countTerms(base.withText("cluster", GlossaryQuery.Match.CONTAINS))).isEqualTo(1);
        assertThat(glossary.countTerms(base.withText("100%", GlossaryQuery.Match.CONTAINS))).isZero();
        assertThat(glossary.searchTerms(new GlossaryQuery(null, null, "en", null, null, g, GlossaryQuery.Sort.TERM),
                0, 10)).extracting(h -> h.term().text()).containsExactly("open cluster", "open source", "opensource");
        assertThat(glossary.searchTerms(new GlossaryQuery(null, null, null, TermStatus.FORBIDDEN, null, g, null), 0, 10))
                .extracting(h -> h.term().text()).containsExactly("opensource");
        GlossaryQuery astronomy = new GlossaryQuery("abierto", GlossaryQuery.Match.CONTAINS, null, null, "Astronomy", g,
                GlossaryQuery.Sort.DOMAIN);
        assertThat(glossary.searchConcepts(astronomy, 0, 10)).singleElement()
                .satisfies(c -> assertThat(c.terms()).hasSize(2));
        assertThat(glossary.countConcepts(base.withText("open", GlossaryQuery.Match.PREFIX))).isEqualTo(2);
        assertThat(glossary.searchConcepts(base, 1, 1)).hasSize(1);
        assertThat(glossary.domains(g)).containsExactly("astronomy", "software");
    }

    @Test
    void previewChangesNothingAndMergeAppliesIt() throws Exception {
        long g = newGlossary();
        Path first = write("first.csv", """
                concept_id,language,term,status,part_of_speech,case_sensitive,note,example,domain,definition,concept_note
                a1,zh,开源,preferred,,no,,,,,
                a1,en,open source,preferred,noun,no,"noun, not modifier",,tech,,
                a2,en,flagship project,preferred,,no,,,,,
                a2,en,star project,deprecated,,no,,,,,
                """);
        ImportSummary preview = glossary.importFile(g, first, "first.csv", ImportMode.MERGE, true, "terry", p -> { });
        assertThat(preview.applied()).isFalse();
        assertThat(preview.conceptsAdded()).isEqualTo(2);
        assertThat(preview.termsAdded()).isEqualTo(4);
        assertThat(preview.samples()).first().asString().startsWith("added a1: 开源 (zh, preferred)");
        assertThat(glossary.countConcepts(GlossaryQuery.all().withGlossary(g))).isZero();

        List<Double> progress = new ArrayList<>();
        ImportSummary applied = glossary.importFile(g, first, "first.csv", ImportMode.MERGE, false, "terry",
                progress::add);
        assertThat(applied.applied()).isTrue();
        assertThat(progress).last().isEqualTo(1.0);
        assertThat(glossary.countConcepts(GlossaryQuery.all().withGlossary(g))).isEqualTo(2);

        // merge by preferred term (no id): updates a2, adds a new concept; replace would remove a1
        Path second = write("second.tsv", "language\tterm\tstatus\n"
                + "en\tflagship project\tpreferred\nen\tgreen field\tadmitted\n");
        ImportSummary merge = glossary.importFile(g, second, "second.tsv", ImportMode.MERGE, true, "terry", null);
        assertThat(merge.format()).isEqualTo("tsv");
        assertThat(merge.conceptsAdded()).isEqualTo(1);
        assertThat(merge.conceptsUpdated()).isEqualTo(1);
        assertThat(merge.termsRemoved()).isEqualTo(1);
        ImportSummary replace = glossary.importFile(g, second, "second.tsv", ImportMode.REPLACE, false, "terry", null);
        assertThat(replace.conceptsRemoved()).isEqualTo(1);
        assertThat(glossary.searchConcepts(GlossaryQuery.all().withGlossary(g), 0, 10))
                .extracting(Concept::key).containsExactlyInAnyOrder("a2", "c1");
        assertThat(glossary.audit(g, null, 0, 1)).first().satisfies(a -> {
            assertThat(a.action()).isEqualTo("IMPORT");
            assertThat(a.summary()).contains("second.tsv");
        });
    }

    @Test
    void aFileWithBadRowsImportsNothingAndListsEveryRow() throws Exception {
        long g = newGlossary();
        Path bad = write("bad.csv", """
                language,term,status,case_sensitive
                en,fine term,preferred,no
                en,,preferred,no
                xx-!!,term,preferred,no
                en,other,wrong,no
                en,too,many,cells,here
                en,case,admitted,maybe
                """);
        assertThatThrownBy(() -> glossary.importFile(g, bad, "bad.csv", ImportMode.MERGE, false, "terry", null))
                .isInstanceOf(GlossaryImportException.class)
                .hasMessageContaining("5 row(s) have errors")
                .satisfies(e -> assertThat(((GlossaryImportException) e).problems())
                        .extracting(ImportProblem::line).containsExactly(3, 4, 5, 6, 7))
                .satisfies(e -> assertThat(((GlossaryImportException) e).problems().get(2).message())
                        .isEqualTo("row 5: unknown status 'wrong' (preferred, admitted, deprecated or forbidden)."));
        assertThatThrownBy(() -> glossary.importFile(g, write("cols.csv", "lang,word\nen,x\n"), "cols.csv",
                ImportMode.MERGE, false, "terry", null)).hasMessageContaining("unknown column 'word'");
        // a duplicate preferred term across concepts refuses the whole file
        assertThatThrownBy(() -> glossary.importFile(g, write("dup.csv", """
                concept_id,language,term,status
                x1,en,Summit,preferred
                x2,en,summit,preferred
                """), "dup.csv", ImportMode.MERGE, false, "terry", null))
                .hasMessageContaining("line 3: the preferred en term 'summit' is already the preferred term of concept x1");
        assertThat(glossary.countConcepts(GlossaryQuery.all().withGlossary(g))).isZero();
    }

    @Test
    void encodingsAreCheckedBomsAccepted() throws Exception {
        long g = newGlossary();
        byte[] latin1 = "language,term\nen,caf\u00e9\nen,na\u00efve\n".getBytes(StandardCharsets.ISO_8859_1);
        Path bad = temp.resolve("latin1.csv");
        Files.write(bad, latin1);
        assertThatThrownBy(() -> glossary.importFile(g, bad, "latin1.csv", ImportMode.MERGE, false, "terry", null))
                .isInstanceOf(GlossaryImportException.class).hasMessageContaining("not valid UTF-8");

        Path bom = temp.resolve("bom.csv");
        Files.write(bom, ("\uFEFFlanguage,term\nen,café\n").getBytes(StandardCharsets.UTF_8));
        assertThat(glossary.importFile(g, bom, "bom.csv", ImportMode.MERGE, false, "terry", null).conceptsAdded())
                .isEqualTo(1);
        Path utf16 = temp.resolve("utf16.csv");
        Files.write(utf16, ("\uFEFFlanguage,term\nen,naïve\n").getBytes(StandardCharsets.UTF_16LE));
        assertThat(glossary.importFile(g, utf16, "utf16.csv", ImportMode.MERGE, false, "terry", null).conceptsAdded())
                .isEqualTo(1);
    }

    @Test
    void shippedFileRoundTripsThroughTheDatabase() throws Exception {
        long g = newGlossary();
        ImportSummary summary = glossary.importFile(g, TbxTestSupport.SHIPPED, "shipped", ImportMode.REPLACE, false,
                "terry", null);
        assertThat(summary.conceptsAdded()).isEqualTo(19);
        ByteArrayOutputStream exported = new ByteArrayOutputStream();
        glossary.exportTbx(g, exported);
        String expected = Files.readString(TbxTestSupport.SHIPPED, StandardCharsets.UTF_8)
                .replace("<title>General</title>", "<title>" + glossary.glossary(g).orElseThrow().name() + "</title>");
        assertThat(exported.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(TbxTestSupport.validateAgainstCoreDtd(exported.toByteArray())).isEmpty();

        // importing the export again changes nothing; CSV export re-imports unchanged as well
        Path tbx = temp.resolve("again.tbx");
        Files.write(tbx, exported.toByteArray());
        ImportSummary again = glossary.importFile(g, tbx, "again.tbx", ImportMode.REPLACE, true, "terry", null);
        assertThat(again.conceptsUnchanged()).isEqualTo(19);
        assertThat(again.conceptsUpdated() + again.conceptsAdded() + again.conceptsRemoved()).isZero();
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        glossary.exportCsv(g, csv, ',');
        Path csvFile = temp.resolve("again.csv");
        Files.write(csvFile, csv.toByteArray());
        ImportSummary fromCsv = glossary.importFile(g, csvFile, "again.csv", ImportMode.REPLACE, true, "terry", null);
        assertThat(fromCsv.conceptsUnchanged()).as(csv.toString(StandardCharsets.UTF_8)).isEqualTo(19);
    }

    @Test
    void theThirdPartyV3SampleImportsAndExportsValidTbx() throws Exception {
        long g = newGlossary();
        ImportSummary summary = glossary.importFile(g,
                Path.of("src/test/resources/tbx/ltac-Example_Astronomy_DCA_VALID-v3.tbx"), "astronomy.tbx",
                ImportMode.MERGE, false, "terry", null);
        assertThat(summary.conceptsAdded()).isGreaterThan(40);
        ByteArrayOutputStream exported = new ByteArrayOutputStream();
        glossary.exportTbx(g, exported);
        assertThat(TbxTestSupport.validateAgainstCoreDtd(exported.toByteArray())).isEmpty();
        Path tbx = temp.resolve("astronomy-v2.tbx");
        Files.write(tbx, exported.toByteArray());
        assertThat(glossary.importFile(g, tbx, "v2", ImportMode.REPLACE, true, "terry", null).conceptsUnchanged())
                .isEqualTo(summary.conceptsAdded());
    }

    @Test
    void documentsUseTheGeneralGlossaryUnlessToldOtherwise() {
        long document = jdbc.sql("select min(id) from document").query(Long.class).single();
        long general = glossary.generalGlossary().id();
        assertThat(glossary.documentGlossaries(document)).containsExactly(general);
        long client = newGlossary();
        glossary.setDocumentGlossaries(document, List.of(general, client), "terry");
        assertThat(glossary.documentGlossaries(document)).containsExactly(general, client);
        glossary.setDocumentGlossaries(document, List.of(), "terry");
        assertThat(glossary.documentGlossaries(document)).containsExactly(general);
    }

    @Test
    @WithMockUser(username = "rita", roles = "REVIEWER")
    void reviewersCannotChangeTheGlossary() {
        long general = glossary.generalGlossary().id();
        assertThat(glossary.countConcepts(GlossaryQuery.all())).isPositive();
        assertThatThrownBy(() -> glossary.createConcept(general, Concept.draft(null, null, null, null,
                List.of(Term.of("en", "x", TermStatus.ADMITTED))), "rita")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> glossary.importFile(general, TbxTestSupport.SHIPPED, "x", ImportMode.MERGE, true,
                "rita", null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> glossary.deleteConcept(1, "rita")).isInstanceOf(AccessDeniedException.class);
    }

    private Path write(String name, String content) throws Exception {
        Path file = temp.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
