package org.postedit.workbench.glossary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** TBX reading and writing without the database: the shipped file, third-party samples, bad and hostile files. */
class GlossaryTbxTest {

    private static final Path V2_SAMPLE = Path.of("src/test/resources/tbx/tbxutils-ValidDTD-v2.tbx");
    private static final Path V3_SAMPLE = Path.of("src/test/resources/tbx/ltac-Example_Astronomy_DCA_VALID-v3.tbx");

    @Test
    void shippedGlossaryIsTheSeedCsvAsTbx() throws Exception {
        byte[] generated = TbxTestSupport.generateShipped();
        if (Boolean.getBoolean("glossary.regenerate")) {
            Files.write(TbxTestSupport.SHIPPED, generated);
        }
        assertThat(new String(Files.readAllBytes(TbxTestSupport.SHIPPED), StandardCharsets.UTF_8))
                .as("glossary/%s is generated from the seed CSV (run with -Dglossary.regenerate=true)",
                        SampleGlossary.FILE_NAME)
                .isEqualTo(new String(generated, StandardCharsets.UTF_8));

        List<Concept> concepts = TbxTestSupport.read(TbxTestSupport.SHIPPED);
        assertThat(concepts).hasSize(19);
        Concept first = concepts.getFirst();
        assertThat(first.key()).isEqualTo("c1");
        assertThat(first.note()).isEqualTo("official English name of the foundation");
        assertThat(first.terms()).extracting(Term::language, Term::text, Term::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("zh", "开放原子开源基金会", TermStatus.PREFERRED),
                org.assertj.core.groups.Tuple.tuple("en", "OpenAtom Foundation", TermStatus.PREFERRED),
                org.assertj.core.groups.Tuple.tuple("en", "Open Atom Open Source Foundation", TermStatus.DEPRECATED),
                org.assertj.core.groups.Tuple.tuple("en", "Open Atom Foundation", TermStatus.DEPRECATED));
        Concept myCountry = concepts.stream().filter(c -> "我国".equals(c.headTerm("zh"))).findFirst().orElseThrow();
        assertThat(myCountry.terms()).anySatisfy(t -> {
            assertThat(t.text()).isEqualTo("my country");
            assertThat(t.status()).isEqualTo(TermStatus.FORBIDDEN);
        });
        Concept viceMinister = concepts.stream().filter(c -> "副部长".equals(c.headTerm("zh"))).findFirst().orElseThrow();
        assertThat(viceMinister.terms()).filteredOn(t -> t.language().equals("en"))
                .allSatisfy(t -> assertThat(t.caseSensitive()).isTrue());
        assertThat(new String(generated, StandardCharsets.UTF_8))
                .contains("<martif type=\"TBX-Basic\" xml:lang=\"zh\">")
                .contains("<termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</termNote>")
                .contains("<note>" + TbxReader.FORBIDDEN_NOTE + "</note>");
    }

    @Test
    void shippedGlossaryIsValidAgainstTheTbxCoreDtd() throws Exception {
        assertThat(TbxTestSupport.validateAgainstCoreDtd(Files.readAllBytes(TbxTestSupport.SHIPPED))).isEmpty();
    }

    @Test
    void shippedGlossaryRoundTripsExactly() throws Exception {
        List<Concept> concepts = TbxTestSupport.read(TbxTestSupport.SHIPPED);
        byte[] again = TbxTestSupport.write(concepts, "zh", Glossary.GENERAL);
        assertThat(new String(again, StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(TbxTestSupport.SHIPPED, StandardCharsets.UTF_8));
    }

    @Test
    void readsATbxV2SampleFromTbxUtils() throws Exception {
        List<Concept> concepts = TbxTestSupport.read(V2_SAMPLE);
        assertThat(concepts).hasSize(1);
        Concept c = concepts.getFirst();
        assertThat(c.key()).isEqualTo("ID67");
        assertThat(c.domain()).isEqualTo("manufacturing");
        assertThat(c.definition()).isEqualTo("A value hello between 0 and 1 used in ...");
        assertThat(c.terms()).extracting(Term::language).containsExactly("en", "hu");
        assertThat(c.terms().getFirst().text()).isEqualTo("alpha smoothing factor");
        assertRoundTrip(concepts, "en");
    }

    @Test
    void readsTheTbxV3BasicSampleFromLtac() throws Exception {
        List<Concept> concepts = TbxTestSupport.read(V3_SAMPLE);
        assertThat(concepts).hasSizeGreaterThan(40);
        Concept c1 = concepts.getFirst();
        assertThat(c1.key()).isEqualTo("c1");
        assertThat(c1.domain()).isEqualTo("General");
        assertThat(c1.definition()).startsWith("A group of stars formed together in the spiral arms");
        assertThat(c1.terms()).extracting(Term::text, Term::status, Term::partOfSpeech).containsExactly(
                org.assertj.core.groups.Tuple.tuple("open cluster", TermStatus.PREFERRED, "noun"),
                org.assertj.core.groups.Tuple.tuple("galactic cluster", TermStatus.DEPRECATED, "noun"),
                org.assertj.core.groups.Tuple.tuple("cúmulo abierto", TermStatus.ADMITTED, "noun"));
        assertThat(c1.terms().getFirst().example()).startsWith("Over 1100 open clusters are known");
        assertThat(c1.terms().get(1).note()).contains("Another name for an open star cluster").contains("\n");
        assertThat(concepts.stream().flatMap(c -> c.terms().stream()).map(Term::status))
                .contains(TermStatus.PREFERRED, TermStatus.ADMITTED, TermStatus.DEPRECATED);
        assertRoundTrip(concepts, "en");
    }

    /** v2 export of what was read validates against the core DTD and reads back identically. */
    private static void assertRoundTrip(List<Concept> concepts, String sourceLanguage) throws Exception {
        byte[] tbx = TbxTestSupport.write(concepts, sourceLanguage, "sample");
        assertThat(TbxTestSupport.validateAgainstCoreDtd(tbx)).isEmpty();
        List<Concept> again = TbxTestSupport.read(new ByteArrayInputStream(tbx));
        assertThat(again).hasSameSizeAs(concepts);
        for (int i = 0; i < concepts.size(); i++) {
            assertThat(again.get(i).sameContent(concepts.get(i))).as(concepts.get(i).key()).isTrue();
        }
    }

    @Test
    void forbiddenAndEveryFieldSurviveTheRoundTrip() throws Exception {
        Concept c = Concept.draft("k-1", "politics", "the country", "concept note\nsecond line", List.of(
                new Term(0, "zh-CN", "我国", TermStatus.PREFERRED, "noun", false, null, null),
                new Term(0, "en-US", "China", TermStatus.PREFERRED, "properNoun", true, "term note", "China said"),
                new Term(0, "en-US", "our country", TermStatus.ADMITTED, null, false, null, null),
                new Term(0, "en-US", "my country", TermStatus.FORBIDDEN, null, false, "literal MT", null),
                new Term(0, "en-US", "the motherland", TermStatus.DEPRECATED, null, false, null, null)));
        byte[] tbx = TbxTestSupport.write(List.of(c), "zh-CN", "t");
        assertThat(TbxTestSupport.validateAgainstCoreDtd(tbx)).isEmpty();
        Concept back = TbxTestSupport.read(new ByteArrayInputStream(tbx)).getFirst();
        assertThat(back.sameContent(c)).as(new String(tbx, StandardCharsets.UTF_8)).isTrue();
    }

    @Test
    void anEntityBombIsRefusedQuickly() {
        String bomb = """
                <?xml version="1.0"?>
                <!DOCTYPE martif [
                 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
                 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
                 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
                 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
                 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
                 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
                 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
                ]>
                <martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc>
                </martifHeader><text><body><termEntry id="c1"><langSet xml:lang="en"><tig><term>&g;</term></tig>
                </langSet></termEntry></body></text></martif>
                """;
        long start = System.nanoTime();
        assertThatThrownBy(() -> TbxTestSupport.read(new ByteArrayInputStream(bomb.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(GlossaryImportException.class)
                .satisfies(e -> assertThat(((GlossaryImportException) e).problems().getFirst().line()).isEqualTo(12));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
    }

    @Test
    void anExternalEntityIsNotRead() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE martif [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
                <martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc>
                </martifHeader><text><body><termEntry id="c1"><langSet xml:lang="en"><tig><term>&secret;</term></tig>
                </langSet></termEntry></body></text></martif>
                """;
        assertThatThrownBy(() -> TbxTestSupport.read(new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(GlossaryImportException.class).hasMessageNotContaining("root:");
    }

    @Test
    void malformedTbxNamesTheLine() {
        String bad = """
                <?xml version="1.0"?>
                <martif type="TBX" xml:lang="en">
                <text><body>
                <termEntry id="c1"><langSet xml:lang="en"><tig><term>open</term></tig>
                </langSet></termEntry>
                <termEntry id="c2"><langSet xml:lang="en"><tig><term>close</tig>
                </langSet></termEntry></body></text></martif>
                """;
        assertThatThrownBy(() -> TbxTestSupport.read(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(GlossaryImportException.class).hasMessageStartingWith("Line 6: ")
                .hasMessageContaining("not well-formed");
    }

    @Test
    void structuralErrorsNameTheLine() {
        assertRefused("<html><body/></html>", 1, "root element is <html>");
        assertRefused("""
                <martif type="TBX" xml:lang="en"><text><body>
                <termEntry id="c1"><langSet><tig><term>x</term></tig></langSet></termEntry>
                </body></text></martif>""", 2, "xml:lang");
        assertRefused("""
                <tbx type="TBX-Basic" style="dca" xml:lang="en"><text><body>
                <conceptEntry id="c1"><langSec xml:lang="en">
                <termSec><term>  </term></termSec></langSec></conceptEntry>
                </body></text></tbx>""", 3, "empty or missing <term>");
        assertRefused("""
                <martif type="TBX" xml:lang="en"><text><body>
                <termEntry id="c1"></termEntry>
                </body></text></martif>""", 2, "has no term");
    }

    private static void assertRefused(String xml, int line, String message) {
        assertThatThrownBy(() -> TbxTestSupport.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(GlossaryImportException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((GlossaryImportException) e).problems().getFirst().line()).isEqualTo(line));
    }
}
