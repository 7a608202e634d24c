package org.postedit.workbench.document.okapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.postedit.workbench.document.DocumentFormat;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.ImportRejectedException;
import org.postedit.workbench.document.ImportedDocument;
import org.postedit.workbench.document.ImportedSegment;
import org.postedit.workbench.document.TaggedText;

/** Every row of the real-file corpus behaves as docs/MANIFEST.tsv says. */
class CorpusManifestTest {

    /** Outside any assertThatThrownBy, so a missing corpus skips the test instead of being taken for a refusal. */
    @org.junit.jupiter.api.BeforeEach
    void corpusIsThere() {
        Corpus.root();
    }

    private static final OkapiDocumentImporter IMPORTER = new OkapiDocumentImporter();
    private static final Pattern OKAPI_COUNTS = Pattern.compile("(\\d+) text units, (\\d+) with (\\S+) target");
    /** What the text of each monolingual file is written in (declared by the file, or detected). */
    private static final Map<String, String> MONOLINGUAL_LANGUAGE = Map.ofEntries(
            Map.entry("txt-zh-omegat-readme.txt", "zh-CN"),
            Map.entry("txt-de-omegat-readme.txt", "de-DE"),
            Map.entry("txt-en-apache-license.txt", "en-US"),
            Map.entry("html-ja-en-de-omegat.html", "en"),        // <html lang="en">
            Map.entry("html-de-wordpress-shortcodes.html", "de-DE"),
            Map.entry("md-zh-antd-readme.md", "zh-CN"),
            Map.entry("md-en-okapi-mathml.md", "en-US"),
            Map.entry("docx-ja-okapi-endgroup.docx", "ja"),
            Map.entry("docx-en-okapi-reference.docx", "en-US"),
            Map.entry("odt-en-okapi-testdoc.odt", "en-US"),
            Map.entry("encoding-utf16le-no-bom.txt", "en-US"),
            Map.entry("encoding-gbk-zh.txt", "zh-CN"));

    @TestFactory
    Stream<DynamicTest> everyRowBehavesAsTheManifestSays() {
        return Corpus.manifest().stream().map(row -> dynamicTest(row.expected() + " " + row.file(), () -> {
            Path file = Corpus.doc(row.file());
            switch (row.expected()) {
                case "accept" -> checkAccepted(row, IMPORTER.read(file, row.file(), ImportOptions.DETECT));
                case "reject" -> {
                    ImportRejectedException refused = catchThrowableOfType(ImportRejectedException.class,
                            () -> IMPORTER.read(file, row.file(), ImportOptions.DETECT));
                    assertThat(refused).as("refused").isNotNull();
                    assertThat(refused.getMessage()).contains(row.file());
                }
                case "decode-or-reject" -> checkDecodedOrRefused(row, file);
                default -> throw new AssertionError("unknown expectation " + row.expected());
            }
        }));
    }

    private static void checkAccepted(Corpus.Row row, ImportedDocument document) {
        assertThat(document.format()).isEqualTo(formatOf(row.format()));
        assertThat(document.segments()).isNotEmpty();
        document.segments().forEach(CorpusManifestTest::assertCleanText);
        Matcher counts = OKAPI_COUNTS.matcher(row.okapiFilter());
        assertThat(counts.find()).as("okapi column of " + row.file()).isTrue();
        int okapiUnits = Integer.parseInt(counts.group(1));
        int okapiTargets = Integer.parseInt(counts.group(2));
        long units = document.segments().stream().map(ImportedSegment::unitId).distinct().count();
        if (document.format().bilingual()) {
            // never re-segmented, never dropped: the file's units, its languages, its translations
            assertThat(units).isEqualTo(okapiUnits);
            assertThat(document.targetLanguage()).isEqualToIgnoringCase(counts.group(3));
            assertThat(document.segments()).allSatisfy(s -> assertThat(s.source()).isNotNull());
            long unitsWithTranslation = document.segments().stream().filter(s -> !s.mt().isBlank())
                    .map(ImportedSegment::unitId).distinct().count();
            assertThat(unitsWithTranslation).isLessThanOrEqualTo(okapiTargets); // Okapi also counts empty ones
        } else {
            // units without a word to review (images, code-only links, blank lines) are left out
            assertThat(units).isPositive().isLessThanOrEqualTo(okapiUnits);
            assertThat(document.targetLanguage()).isEqualTo(MONOLINGUAL_LANGUAGE.get(row.file()));
            assertThat(document.segments()).allSatisfy(s -> assertThat(s.source()).isNull());
        }
    }

    private static void checkDecodedOrRefused(Corpus.Row row, Path file) {
        // the only such row: GBK without a declaration, which must read exactly as the UTF-8 original
        assertThat(row.file()).isEqualTo("encoding-gbk-zh.txt");
        ImportedDocument gbk = IMPORTER.read(file, row.file(), ImportOptions.DETECT);
        ImportedDocument utf8 = IMPORTER.read(Corpus.doc("txt-zh-omegat-readme.txt"), "txt-zh-omegat-readme.txt",
                ImportOptions.DETECT);
        assertThat(gbk.segments()).isEqualTo(utf8.segments());
        assertThat(gbk.targetLanguage()).isEqualTo("zh-CN");
    }

    static void assertCleanText(ImportedSegment segment) {
        for (TaggedText text : new TaggedText[] {segment.source(), segment.mt()}) {
            if (text == null) {
                continue;
            }
            assertThat(text.coded()).doesNotContain("\uFFFD", "\u0000");
            assertThat(ControlCharacters.firstIn(text.coded())).as("control character in " + text.coded())
                    .isNegative();
            assertThat(text.runs()).isNotNull(); // every marker points at one of the segment's own codes
        }
    }

    private static DocumentFormat formatOf(String manifestFormat) {
        if (manifestFormat.startsWith("plain text")) {
            return DocumentFormat.PLAIN_TEXT;
        }
        if (manifestFormat.startsWith("HTML")) {
            return DocumentFormat.HTML;
        }
        if (manifestFormat.startsWith("Markdown")) {
            return DocumentFormat.MARKDOWN;
        }
        if (manifestFormat.startsWith("DOCX")) {
            return DocumentFormat.DOCX;
        }
        if (manifestFormat.startsWith("ODT")) {
            return DocumentFormat.ODT;
        }
        if (manifestFormat.startsWith("XLIFF 1.2")) {
            return DocumentFormat.XLIFF12;
        }
        if (manifestFormat.startsWith("XLIFF 2")) {
            return DocumentFormat.XLIFF2;
        }
        if (manifestFormat.startsWith("Gettext PO")) {
            return DocumentFormat.PO;
        }
        if (manifestFormat.startsWith("TMX")) {
            return DocumentFormat.TMX;
        }
        throw new AssertionError("unknown manifest format " + manifestFormat);
    }

    // --- what the note column asks of particular files ---

    @Test
    void markdownCodeBlocksUrlsAndLinkLabelsAreNoSegments() {
        List<String> texts = plainTexts("md-zh-antd-readme.md");
        assertThat(texts).noneMatch(t -> t.contains("npm install") || t.contains("import React")
                || t.contains("git clone"));
        assertThat(texts).noneMatch(t -> t.strip().matches("(?i)(https?://|www\\.)\\S+"));
        assertThat(texts).doesNotContain("npm-url", "twitter-url");
        assertThat(texts).contains("一套企业级 UI 设计语言和 React 组件库。");
    }

    @Test
    void wordpressShortcodesAreCodesNotText() {
        ImportedDocument document = read("html-de-wordpress-shortcodes.html");
        assertThat(document.segments()).allSatisfy(s -> assertThat(s.mt().plainText()).doesNotContain("[vc_", "[/vc_"));
        assertThat(document.segments()).anySatisfy(s -> assertThat(s.mt().codes())
                .anySatisfy(code -> assertThat(code.data()).startsWith("[/vc_column")));
        assertThat(plainTexts("html-de-wordpress-shortcodes.html")).contains("Kurzurlaub:",
                "Städtereisen, Wellness & mehr");  // &amp; decoded, the colon rule of Okapi's SRX splits
    }

    @Test
    void utf16WithoutBomReadsAsCleanEnglish() {
        ImportedDocument document = read("encoding-utf16le-no-bom.txt");
        assertThat(document.targetLanguage()).isEqualTo("en-US");
        assertThat(plainTexts("encoding-utf16le-no-bom.txt")).startsWith(
                "The @language@ version of OmegaT has been translated by:", "@TRANSLATION_NOTICE@",
                "What is OmegaT?");
        assertThat(String.join("", plainTexts("encoding-utf16le-no-bom.txt")))
                .matches("[\\p{ASCII}\\u00A0-\\u024F\\u2000-\\u206F]*");
    }

    @Test
    void chineseReadmeJoinsWrappedLinesWithoutSpaces() {
        assertThat(plainTexts("txt-zh-omegat-readme.txt")).contains(
                "OmegaT 是自由且开源的跨平台计算机辅助翻译工具，具有模糊匹配、翻译记忆、关键字搜索、词汇表、"
                        + "以及为更新后的项目自动套用翻译等特性。",
                "OmegaT 是什么？");
    }

    @Test
    void apacheLicenseKeepsAbbreviationsAndEnumerations() {
        List<String> texts = plainTexts("txt-en-apache-license.txt");
        assertThat(texts).contains("\"Legal Entity\" shall mean the union of the acting entity and all other "
                + "entities that control, are controlled by, or are under common control with that entity.");
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("(i) the power, direct or indirect,",
                "or (ii) ownership of fifty percent (50%)", "or (iii) beneficial ownership"));
        assertThat(texts).noneMatch(t -> t.endsWith(" e.g.") || t.endsWith(" i.e.") || t.endsWith("(i)"));
    }

    @Test
    void japaneseDocxIsJapaneseAndKeepsItsRunsAsCodes() {
        ImportedDocument document = read("docx-ja-okapi-endgroup.docx");
        assertThat(document.targetLanguage()).isEqualTo("ja");
        assertThat(document.segments()).anySatisfy(s -> assertThat(s.mt().hasCodes()).isTrue());
        assertThat(plainTexts("docx-ja-okapi-endgroup.docx")).anySatisfy(t -> assertThat(t).contains("取締役"));
    }

    @Test
    void controlCharactersInXliffAreRefusedWithTheLine() {
        assertThatThrownBy(() -> read("xliff12-broken-okapi-control-chars.xlf"))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessageContaining("not well-formed XML at line 8")
                .hasMessageContaining("0x3");
    }

    @Test
    void truncatedUploadsAreReportedAsSuch() {
        assertThatThrownBy(() -> read("broken-truncated.docx")).hasMessageContaining("damaged or incomplete");
        assertThatThrownBy(() -> read("broken-truncated.xlf")).hasMessageContaining("not well-formed XML at line 1");
        assertThatThrownBy(() -> read("docx-broken-okapi-encrypted.docx"))
                .hasMessageContaining("password-protected or old binary Office file");
    }

    @Test
    void bilingualFilesKeepStatusesNotesAndLocks() {
        ImportedDocument altTrans = read("xliff12-en-fr-okapi-alttrans.xlf");
        assertThat(altTrans.segments()).anySatisfy(s -> {
            assertThat(s.unitId()).isEqualTo("0");
            assertThat(s.locked()).isTrue();
        });
        assertThat(segment(altTrans, "3").status().name()).isEqualTo("APPROVED");   // approved="yes"
        assertThat(segment(altTrans, "4").mt().isBlank()).isTrue();

        ImportedDocument notes = read("xliff12-en-ptbr-okapi-notes.xlf");
        assertThat(segment(notes, "654022").note()).contains("trans unit note 1");
        assertThat(notes.sourceLanguage()).isEqualTo("en-US");

        ImportedDocument po = read("po-en-fr-okapi-allcases.po");
        assertThat(po.targetLanguage()).isEqualTo("fr");   // no header, no language in the name: detected
        assertThat(po.segments()).anySatisfy(s -> assertThat(s.note()).contains("Developer comment"));
        assertThat(po.segments()).anySatisfy(s -> assertThat(s.mt().codes())
                .anySatisfy(code -> assertThat(code.label()).isEqualTo("%s")));

        ImportedDocument tmx = read("tmx-zh-en-tico19-wikinews.tmx");
        assertThat(tmx.sourceLanguage()).isEqualTo("zh-CN");
        assertThat(tmx.targetLanguage()).isEqualTo("en-US");
    }

    private static ImportedSegment segment(ImportedDocument document, String unitId) {
        return document.segments().stream().filter(s -> s.unitId().equals(unitId)).findFirst().orElseThrow();
    }

    private static ImportedDocument read(String name) {
        return IMPORTER.read(Corpus.doc(name), name, ImportOptions.DETECT);
    }

    private static List<String> plainTexts(String name) {
        return read(name).segments().stream().map(s -> s.mt().plainText()).toList();
    }
}
