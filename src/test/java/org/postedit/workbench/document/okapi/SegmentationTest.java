package org.postedit.workbench.document.okapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.ImportedDocument;
import org.postedit.workbench.document.ImportedSegment;

/** The shipped SRX rules on the shipped MT seed and on the cases the rules were written for. */
class SegmentationTest {

    private static final Path SEED = Path.of("seeds/000_796b4e4ca0be2a4e.txt");
    private static final OkapiDocumentImporter IMPORTER = new OkapiDocumentImporter();

    @TempDir
    Path dir;

    @Test
    void everyRunTogetherSentenceOfTheSeedIsSplit() {
        List<String> sentences = sentences(IMPORTER.read(SEED, "000_796b4e4ca0be2a4e.txt", ImportOptions.DETECT));
        assertThat(sentences).anySatisfy(s -> assertThat(s).endsWith("promote high-quality development."));
        assertThat(sentences).contains(
                "Improve the systematic layout.",
                "Create a demonstration benchmark for open source applications。",
                "Deepen the concept of open source culture.",
                "Take advantage of open cooperation.");
        assertThat(sentences).anySatisfy(s -> assertThat(s).startsWith("Adhere to the national “one game of chess”")
                .endsWith("and create A better policy environment."));
        assertThat(sentences).anySatisfy(s -> assertThat(s).startsWith("Give full play to the advantages"));
        assertThat(sentences).anySatisfy(s -> assertThat(s).startsWith("Encourage interdisciplinarity")
                .endsWith("so as to enhance the cohesion of open source culture , appeal and vitality."));
        assertThat(sentences).anySatisfy(s -> assertThat(s).startsWith("Vigorously develop industrial"));
        assertThat(sentences).noneMatch(s -> s.matches(".*\\p{Ll}\\.\\p{Lu}\\p{Ll}.*"));
        assertThat(sentences).noneMatch(s -> s.contains("。") && !s.endsWith("。"));
        assertThat(sentences).anySatisfy(s -> assertThat(s).contains("Xi Jinping’s new era"));
        // "... for open source development. my country has become ...": a lower-case start after a full stop
        assertThat(sentences).anySatisfy(s -> assertThat(s).endsWith("conditions for open source development."));
        assertThat(sentences).anySatisfy(s -> assertThat(s).startsWith("my country has become the second largest"));
        assertThat(sentences).hasSize(17);
    }

    @Test
    void theSeedParagraphsAreRebuiltExactly() throws IOException {
        ImportedDocument document = IMPORTER.read(SEED, "seed.txt", ImportOptions.DETECT);
        Map<String, List<ImportedSegment>> paragraphs = document.segments().stream()
                .collect(Collectors.groupingBy(ImportedSegment::unitId));
        String original = Files.readString(SEED, StandardCharsets.UTF_8);
        List<String> expected = List.of(original.split("\\n\\s*\\n"));
        assertThat(paragraphs).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(joined(paragraphs.get(Integer.toString(i + 1)))).isEqualTo(expected.get(i).stripTrailing());
        }
    }

    @Test
    void abbreviationsNumbersAndDomainsStayWhole() {
        List<String> sentences = segment("Use Node.js or Vue.js, e.g. with React, i.e. a web stack. Mr. Smith went "
                + "to the U.S. for 3.5 days. See example.com and www.Example.com for details. Call string.Format(x) "
                + "then. Mrs.Smith came too.");
        assertThat(sentences).containsExactly(
                "Use Node.js or Vue.js, e.g. with React, i.e. a web stack.",
                "Mr. Smith went to the U.S. for 3.5 days.",
                "See example.com and www.Example.com for details.",
                "Call string.Format(x) then.",
                "Mrs.Smith came too.");
    }

    @Test
    void aLowerCaseSentenceStartAfterAFullStopIsSplitButAbbreviationsAreNot() {
        assertThat(segment("It grew fast. my country leads. See e.g. the list, approx. ten items, etc. and more."))
                .containsExactly("It grew fast.", "my country leads.",
                        "See e.g. the list, approx. ten items, etc. and more.");
    }

    @Test
    void machineTranslationRunOnsAreSplit() {
        assertThat(segment("It was held in 2023.The year after was quieter.Leaders.A new era began."))
                .containsExactly("It was held in 2023.", "The year after was quieter.", "Leaders.", "A new era began.");
        assertThat(segment("Support the industry。Build the ecosystem！Who pays？The state."))
                .containsExactly("Support the industry。", "Build the ecosystem！", "Who pays？", "The state.");
        assertThat(segment("他说：“好。”然后离开了。第二句。"))
                .containsExactly("他说：“好。”", "然后离开了。", "第二句。");
    }

    @Test
    void wrappedLinesJoinWithASpaceOrNothingBetweenCjk() {
        String text = "The summit was held\n   in Beijing. It ended\non Monday.\n\n峰会在北京\n举行。第二句\nEnglish。\n";
        ImportedDocument document = IMPORTER.read(TestFiles.text(dir, "wrapped.txt", text), "wrapped.txt",
                new ImportOptions(null, "en-US"));
        assertThat(sentences(document)).containsExactly("The summit was held in Beijing.", "It ended on Monday.",
                "峰会在北京举行。", "第二句 English。");
    }

    @Test
    void underlinesAndListItemsKeepTheirLineBreaks() {
        String text = "Installing\n==========\n\nPackages:\n- deb for Linux\n- dmg for Mac\n";
        ImportedDocument document = IMPORTER.read(TestFiles.text(dir, "readme.txt", text), "readme.txt",
                ImportOptions.DETECT);
        assertThat(document.segments()).extracting(s -> s.mt().plainText(), ImportedSegment::spaceAfter,
                        ImportedSegment::locked)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Installing", "\n", false),
                        org.assertj.core.groups.Tuple.tuple("==========", "", true),
                        org.assertj.core.groups.Tuple.tuple("Packages:", "\n", false),
                        org.assertj.core.groups.Tuple.tuple("- deb for Linux", "\n", false),
                        org.assertj.core.groups.Tuple.tuple("- dmg for Mac", "", false));
    }

    @Test
    void leadingIndentationIsKeptBeforeTheFirstSegment() {
        ImportedDocument document = IMPORTER.read(TestFiles.text(dir, "indented.txt",
                "   1. Definitions. Terms follow.\n\n      \"License\" means this.\n"), "indented.txt",
                ImportOptions.DETECT);
        assertThat(document.segments()).extracting(ImportedSegment::spaceBefore, s -> s.mt().plainText(),
                        ImportedSegment::spaceAfter)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("   ", "1. Definitions.", " "),
                        org.assertj.core.groups.Tuple.tuple("", "Terms follow.", ""),
                        org.assertj.core.groups.Tuple.tuple("      ", "\"License\" means this.", ""));
    }

    @Test
    void headingsWithoutTerminatorAreOneSegmentWithoutRunningTheRules() {
        assertThat(ParagraphSegmenter.mayEndSentence("Chapter one of the report")).isFalse();
        assertThat(ParagraphSegmenter.mayEndSentence("Done. Next")).isTrue();
        assertThat(ParagraphSegmenter.mayEndSentence("结束。")).isTrue();
        assertThat(ParagraphSegmenter.mayEndSentence("Note: this")).isTrue();
        assertThat(segment("  Chapter one of the report  ")).containsExactly("Chapter one of the report");
    }

    @Test
    void veryLongParagraphsAreCutInPiecesWithoutLosingAnything() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 3 * ParagraphSegmenter.CHUNK; i++) {
            text.append("Sentence ").append(i).append(" of a paragraph that never ends.  ");
        }
        String paragraph = text.toString().strip();
        ImportedDocument document = IMPORTER.read(TestFiles.text(dir, "long.txt", paragraph), "long.txt",
                ImportOptions.DETECT);
        assertThat(joined(document.segments())).isEqualTo(paragraph);
        assertThat(document.segments()).allSatisfy(s -> assertThat(s.mt().plainText())
                .matches("Sentence \\d+ of a paragraph that never ends\\."));
        String noSpaces = "x".repeat(ParagraphSegmenter.CHUNK * 2) + ".";
        assertThat(ParagraphSegmenter.chunkEnd(noSpaces, 0)).isEqualTo(ParagraphSegmenter.CHUNK);
    }

    private List<String> segment(String paragraph) {
        return sentences(IMPORTER.read(TestFiles.text(dir, "p" + paragraph.hashCode() + ".txt", paragraph),
                "p.txt", new ImportOptions(null, "en-US")));
    }

    private static List<String> sentences(ImportedDocument document) {
        return document.segments().stream().map(s -> s.mt().plainText()).toList();
    }

    private static String joined(List<ImportedSegment> segments) {
        StringBuilder out = new StringBuilder(segments.getFirst().spaceBefore());
        segments.forEach(s -> out.append(s.mt().coded()).append(s.spaceAfter()));
        return out.toString();
    }
}
