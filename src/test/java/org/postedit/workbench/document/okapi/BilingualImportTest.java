package org.postedit.workbench.document.okapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import org.postedit.workbench.document.DocumentFormat;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.ImportRejectedException;
import org.postedit.workbench.document.ImportedDocument;
import org.postedit.workbench.document.ImportedSegment;
import org.postedit.workbench.document.SegmentStatus;

/** XLIFF, PO and TMX keep their own units, ids, languages, statuses, notes and locks. */
class BilingualImportTest {

    private static final OkapiDocumentImporter IMPORTER = new OkapiDocumentImporter();

    @TempDir
    Path dir;

    @Test
    void shippedSampleImportsWithSourceAndMachineTranslation() {
        ImportedDocument document = IMPORTER.read(Path.of("seeds/opensource-summit.zh-en.xlf"),
                "opensource-summit.zh-en.xlf", ImportOptions.DETECT);
        assertThat(document.format()).isEqualTo(DocumentFormat.XLIFF12);
        assertThat(document.sourceLanguage()).isEqualTo("zh-CN");
        assertThat(document.targetLanguage()).isEqualTo("en-US");
        assertThat(document.segments()).hasSizeBetween(15, 25)
                .allSatisfy(s -> {
                    assertThat(s.source().isBlank()).isFalse();
                    assertThat(s.mt().isBlank()).isFalse();
                    assertThat(s.status()).isEqualTo(SegmentStatus.NEW);   // raw MT: mt-suggestion
                });
        assertThat(document.segments()).filteredOn(ImportedSegment::locked).extracting(ImportedSegment::unitId)
                .containsExactly("product");
        assertThat(document.segments()).anySatisfy(s -> assertThat(s.note()).contains("OpenAtom Foundation"));
        assertThat(document.segments()).anySatisfy(s -> assertThat(s.mt().plainText()).contains("my country"));
        assertThat(document.segments()).anySatisfy(s -> assertThat(s.mt().plainText()).contains("held.The content"));
        assertThat(document.segments()).filteredOn(s -> s.mt().hasCodes()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void xliff12StatusesMapToTheReviewWorkflow() {
        ImportedDocument document = read("states.xlf", """
                <?xml version="1.0" encoding="UTF-8"?>
                <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
                 <file original="a" source-language="de" target-language="en-US" datatype="plaintext"><body>
                  <trans-unit id="a" approved="yes"><source>A</source><target state="translated">A</target></trans-unit>
                  <trans-unit id="b"><source>B</source><target state="final">B</target></trans-unit>
                  <trans-unit id="c"><source>C</source><target state="signed-off">C</target></trans-unit>
                  <trans-unit id="d"><source>D</source><target state="translated">D</target></trans-unit>
                  <trans-unit id="e"><source>E</source><target state="needs-review-translation">E</target></trans-unit>
                  <trans-unit id="f"><source>F</source><target state="needs-review-translation" state-qualifier="mt-suggestion">F</target></trans-unit>
                  <trans-unit id="g"><source>G</source><target state="new">G</target></trans-unit>
                  <trans-unit id="h"><source>H</source><target state="final"></target></trans-unit>
                  <trans-unit id="i"><source>I</source><target state="x-reviewed">I</target></trans-unit>
                  <trans-unit id="j"><source>J</source><target state="x-rejected">J</target></trans-unit>
                  <trans-unit id="k"><source>K</source><target>K</target></trans-unit>
                  <trans-unit id="l"><source>L</source></trans-unit>
                  <trans-unit id="m" translate="no"><source>M</source><target>M</target><note>keep as is</note></trans-unit>
                 </body></file>
                </xliff>""");
        assertThat(document.segments()).extracting(ImportedSegment::unitId, ImportedSegment::status)
                .containsExactly(tuple("a", SegmentStatus.APPROVED), tuple("b", SegmentStatus.APPROVED),
                        tuple("c", SegmentStatus.APPROVED), tuple("d", SegmentStatus.EDITED),
                        tuple("e", SegmentStatus.EDITED), tuple("f", SegmentStatus.NEW),
                        tuple("g", SegmentStatus.NEW), tuple("h", SegmentStatus.NEW),
                        tuple("i", SegmentStatus.REVIEWED), tuple("j", SegmentStatus.REJECTED),
                        tuple("k", SegmentStatus.NEW), tuple("l", SegmentStatus.NEW), tuple("m", SegmentStatus.NEW));
        ImportedSegment locked = document.segments().getLast();
        assertThat(locked.locked()).isTrue();
        assertThat(locked.note()).isEqualTo("keep as is");
        assertThat(document.segments().get(11).mt().isBlank()).isTrue();
    }

    @Test
    void xliff2KeepsItsSegmentsAndStates() {
        ImportedDocument document = read("states2.xlf", """
                <?xml version="1.0" encoding="UTF-8"?>
                <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="zh-CN" trgLang="en-US">
                 <file id="f1">
                  <unit id="u1"><notes><note>Check the name.</note></notes>
                   <segment id="s1" state="initial"><source>一。</source><target>One.</target></segment>
                   <ignorable><source> </source><target> </target></ignorable>
                   <segment id="s2" state="translated"><source>二。</source><target>Two.</target></segment>
                   <segment id="s3" state="reviewed"><source>三。</source><target>Three.</target></segment>
                   <segment id="s4" state="final"><source>四。</source><target>Four.</target></segment>
                   <segment id="s5" state="final"><source>五。</source></segment>
                  </unit>
                  <unit id="u2" translate="no"><segment id="s1"><source>OpenHarmony</source></segment></unit>
                 </file>
                 <file id="f2"><unit id="u1"><segment id="s1"><source>再见。</source><target>Bye.</target></segment></unit></file>
                </xliff>""");
        assertThat(document.format()).isEqualTo(DocumentFormat.XLIFF2);
        assertThat(document.segments()).extracting(ImportedSegment::unitId, ImportedSegment::segmentKey,
                        ImportedSegment::status, ImportedSegment::spaceAfter)
                .containsExactly(tuple("u1", "s1", SegmentStatus.NEW, " "), tuple("u1", "s2", SegmentStatus.EDITED, ""),
                        tuple("u1", "s3", SegmentStatus.REVIEWED, ""), tuple("u1", "s4", SegmentStatus.APPROVED, ""),
                        tuple("u1", "s5", SegmentStatus.NEW, ""), tuple("u2", "s1", SegmentStatus.NEW, ""),
                        tuple("u1#2", "s1", SegmentStatus.NEW, ""));
        assertThat(document.segments().getFirst().note()).isEqualTo("Check the name.");
        assertThat(document.segments().get(5).locked()).isTrue();
    }

    @Test
    void poFuzzyEntriesStayNewAndIdsComeFromTheMessage() {
        String po = """
                msgid ""
                msgstr ""
                "Content-Type: text/plain; charset=UTF-8\\n"
                "Language: fr\\n"

                #. Shown on the button
                msgctxt "button"
                msgid "Open"
                msgstr "Ouvrir"

                #, fuzzy
                msgid "Close"
                msgstr "Fermer"

                msgid "Quit"
                msgstr ""
                """;
        ImportedDocument first = read("fr.po", po);
        assertThat(first.targetLanguage()).isEqualTo("fr");
        assertThat(first.segments()).extracting(s -> s.source().plainText(), ImportedSegment::status)
                .containsExactly(tuple("Open", SegmentStatus.EDITED), tuple("Close", SegmentStatus.NEW),
                        tuple("Quit", SegmentStatus.NEW));
        assertThat(first.segments().getFirst().note()).isEqualTo("Shown on the button");
        // ids survive reordering: they are built from msgctxt and msgid, not from the position
        String reordered = po.substring(0, po.indexOf("#. Shown")) + po.substring(po.indexOf("msgid \"Quit\""))
                + "\n" + po.substring(po.indexOf("#. Shown"), po.indexOf("msgid \"Quit\""));
        ImportedDocument second = read("fr2.po", reordered);
        assertThat(second.segments()).extracting(ImportedSegment::unitId)
                .containsExactlyInAnyOrderElementsOf(first.segments().stream().map(ImportedSegment::unitId).toList());
    }

    @Test
    void userLanguagesOverrideTheFileButTargetsAreStillRead() {
        ImportedDocument document = IMPORTER.read(Path.of("seeds/opensource-summit.zh-en.xlf"), "summit.xlf",
                new ImportOptions("zh-Hans", "en-GB"));
        assertThat(document.sourceLanguage()).isEqualTo("zh-Hans");
        assertThat(document.targetLanguage()).isEqualTo("en-GB");
        assertThat(document.segments()).allSatisfy(s -> assertThat(s.mt().isBlank()).isFalse());
    }

    @Test
    void xliffWithRepeatedIdsGetsUniqueStableIds() {
        ImportedDocument document = read("dup.xlf", """
                <?xml version="1.0" encoding="UTF-8"?>
                <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
                 <file original="a" source-language="en" target-language="de" datatype="plaintext"><body>
                  <trans-unit id="1"><source>One</source><target>Eins</target></trans-unit>
                 </body></file>
                 <file original="b" source-language="en" target-language="de" datatype="plaintext"><body>
                  <trans-unit id="1"><source>Two</source><target>Zwei</target></trans-unit>
                 </body></file>
                </xliff>""");
        assertThat(document.segments()).extracting(ImportedSegment::unitId).containsExactly("1", "1#2");
    }

    /**
     * The validator's samples: the valid ones import; those that are not well-formed, carry entity bombs, external
     * entities or a DOCTYPE are refused; the well-formed but schema-invalid ones are imported when Okapi can read
     * them (the importer does not validate against the schema) and refused when Okapi cannot.
     */
    @TestFactory
    Stream<DynamicTest> validatorSamples() {
        Path samples = Corpus.validatorSamples();
        Set<String> refused = Set.of("empty.xlf", "not-a-zip.docx",
                "xliff12-invalid-truncated.xlf", "xliff12-invalid-billion-laughs.xlf", "xliff12-invalid-xxe.xlf",
                "xliff12-invalid-doctype.xlf", "xliff20-invalid-entities.xlf", "xliff20-invalid-namespace.xlf",
                // refused by Okapi's own checks
                "xliff20-invalid-state.xlf", "xliff20-invalid-duplicate-unit-id.xlf",
                "xliff20-invalid-dangling-dataref.xlf", "xliff20-invalid-target-without-trglang.xlf",
                "okapi-invalid-EcBeforeSc.xlf", "okapi-invalid-DataIdNotUnique.xlf",
                "okapi-invalid-FileIdNotUnique.xlf", "okapi-invalid-InvalidFragIdSyntax.xlf",
                "tmx14b-invalid-no-srclang-tuv.tmx");
        Map<String, DocumentFormat> imported = Map.ofEntries(
                Map.entry("xliff12-valid.xlf", DocumentFormat.XLIFF12),
                Map.entry("xliff12-valid-utf16.xlf", DocumentFormat.XLIFF12),
                Map.entry("xliff20-valid.xlf", DocumentFormat.XLIFF2),
                Map.entry("xliff21-valid.xlf", DocumentFormat.XLIFF2),
                Map.entry("xliff22-valid.xlf", DocumentFormat.XLIFF2),
                Map.entry("okapi-valid-everything-core.xlf", DocumentFormat.XLIFF2),
                Map.entry("okapi-valid-withMatches.xlf", DocumentFormat.XLIFF2),
                Map.entry("okapi-valid-withGlossary.xlf", DocumentFormat.XLIFF2),
                Map.entry("okapi148-writer-xliff12.xlf", DocumentFormat.XLIFF12),
                Map.entry("okapi148-writer-xliff20.xlf", DocumentFormat.XLIFF2),
                Map.entry("okapi148-writer-tmx14b.tmx", DocumentFormat.TMX),
                Map.entry("tmx14b-valid.tmx", DocumentFormat.TMX),
                // schema-invalid but readable: imported as the file has it
                Map.entry("xliff11-unsupported.xlf", DocumentFormat.XLIFF12),
                Map.entry("xliff12-invalid-schema.xlf", DocumentFormat.XLIFF12),
                Map.entry("xliff12-invalid-duplicate-id.xlf", DocumentFormat.XLIFF12),
                Map.entry("xliff12-invalid-lang-mismatch.xlf", DocumentFormat.XLIFF12),
                Map.entry("xliff12-invalid-no-namespace.xlf", DocumentFormat.XLIFF12),
                Map.entry("tmx14b-invalid-missing-otmf.tmx", DocumentFormat.TMX),
                Map.entry("tmx14b-invalid-empty-header-attr.tmx", DocumentFormat.TMX),
                Map.entry("tmx14b-invalid-segtype.tmx", DocumentFormat.TMX),
                Map.entry("tmx14b-invalid-seg-missing.tmx", DocumentFormat.TMX),
                Map.entry("tmx14b-invalid-single-tuv.tmx", DocumentFormat.TMX),
                Map.entry("tmx14b-invalid-lang-underscore.tmx", DocumentFormat.TMX),
                Map.entry("tmx14b-invalid-date-format.tmx", DocumentFormat.TMX),
                Map.entry("tmx14b-invalid-version.tmx", DocumentFormat.TMX),
                // not XLIFF or TMX for the validator, but files the workbench reads
                Map.entry("html-root.xml", DocumentFormat.HTML),
                Map.entry("not-xml.txt", DocumentFormat.PLAIN_TEXT));
        return Stream.concat(
                refused.stream().map(name -> dynamicTest("refuses " + name, () ->
                        assertThatThrownBy(() -> IMPORTER.read(samples.resolve(name), name, ImportOptions.DETECT))
                                .isInstanceOf(ImportRejectedException.class)
                                .hasMessageContaining(name))),
                imported.entrySet().stream().map(entry -> dynamicTest("imports " + entry.getKey(), () -> {
                    ImportedDocument document = IMPORTER.read(samples.resolve(entry.getKey()), entry.getKey(),
                            ImportOptions.DETECT);
                    assertThat(document.format()).isEqualTo(entry.getValue());
                    assertThat(document.segments()).isNotEmpty().allSatisfy(CorpusManifestTest::assertCleanText);
                })));
    }

    private ImportedDocument read(String name, String content) {
        return IMPORTER.read(TestFiles.text(dir, name, content), name, ImportOptions.DETECT);
    }
}
