package org.postedit.workbench.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postedit.workbench.TestSecurity;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.ImportedDocument;
import org.postedit.workbench.document.ImportedSegment;
import org.postedit.workbench.document.InlineCode;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.TaggedText;
import org.postedit.workbench.document.okapi.OkapiDocumentImporter;
import org.postedit.workbench.review.ReviewService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/** Exports after a split or a merge: valid XLIFF with unique ids, the original format rebuilt in its place. */
@SpringBootTest
@ActiveProfiles("test")
// the service checks the signed-in user: these tests split, merge and approve as an approver
@WithMockUser(username = "ann", roles = "APPROVER")
class SplitMergeExportTest {

    private static final String XLIFF = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
             <file original="a.txt" source-language="zh-CN" target-language="en-US" datatype="plaintext"><body>
              <trans-unit id="u1"><source>会议开幕了。代表们<g id="1" ctype="bold">发言</g>。</source><target>The meeting opened. Delegates <g id="1" ctype="bold">spoke</g>.</target></trans-unit>
              <trans-unit id="u2"><source>一。二。</source><seg-source><mrk mtype="seg" mid="1">一。</mrk><mrk mtype="seg" mid="2">二。</mrk></seg-source><target><mrk mtype="seg" mid="1">One.</mrk><mrk mtype="seg" mid="2">Two.</mrk></target></trans-unit>
             </body></file>
            </xliff>""";

    @Autowired
    DocumentService documents;
    @Autowired
    ReviewService review;
    @Autowired
    ExportService export;
    @Autowired
    XliffUpdateService updates;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path dir;

    @Test
    void aSplitPlainTextRebuildsTheParagraphWithBothParts() throws Exception {
        String text = "First sentence here, and it goes on. Second sentence.\n\nAnother paragraph.\n";
        long id = importBytes("split.txt", text.getBytes(StandardCharsets.UTF_8));
        Segment first = documents.segments(id).getFirst();
        ReviewService.Split split = review.split(first.id(), first.version(), "First sentence here,".length(), "ann");
        // untouched parts: the file is its original, byte for byte
        assertThat(new String(export(id, ExportFormat.ORIGINAL), StandardCharsets.UTF_8)).isEqualTo(text);

        review.save(split.second().id(), split.second().version(), TaggedText.plain("and it went on."), "ann");
        String exported = new String(export(id, ExportFormat.ORIGINAL), StandardCharsets.UTF_8);
        assertThat(exported).isEqualTo("First sentence here, and it went on. Second sentence.\n\nAnother paragraph.\n");
        assertThat(reread(exported.getBytes(StandardCharsets.UTF_8), "split.txt").segments())
                .extracting(s -> s.mt().plainText()).contains("First sentence here, and it went on.");
    }

    @Test
    void aSplitHtmlKeepsItsTagsInPlace() throws Exception {
        String html = "<html lang=\"en\"><body><p>The <b>summit</b> opened, and the <i>talks</i> began.</p>"
                + "<p>Second paragraph.</p></body></html>";
        long id = importBytes("split.html", html.getBytes(StandardCharsets.UTF_8));
        Segment first = documents.segments(id).getFirst();
        ReviewService.Split split = review.split(first.id(), first.version(), 20, "ann");
        Segment second = split.second();
        review.save(second.id(), second.version(), new TaggedText(second.target().coded().replace("began",
                "started"), second.target().codes()), "ann");
        String exported = new String(export(id, ExportFormat.ORIGINAL), StandardCharsets.UTF_8);
        assertThat(exported).contains("<p>The <b>summit</b> opened, and the <i>talks</i> started.</p>",
                "<p>Second paragraph.</p>");
    }

    @Test
    void aSplitXliffExportsValidWithUniqueIdsRebuildsAndUpdates() throws Exception {
        long id = importBytes("split.xlf", XLIFF.getBytes(StandardCharsets.UTF_8));
        Segment first = documents.segments(id).getFirst();
        assertThat(first.unitId()).isEqualTo("u1");
        ReviewService.Split split = review.split(first.id(), first.version(), "The meeting opened. ".length(),
                "ann");
        assertThat(split.second().target().codes()).extracting(InlineCode::kind)
                .containsExactly(InlineCode.Kind.OPENING, InlineCode.Kind.CLOSING);
        Segment second = split.second();
        review.save(second.id(), second.version(), new TaggedText(second.target().coded().replace("Delegates",
                "The delegates"), second.target().codes()), "ann");

        byte[] xliff12 = export(id, ExportFormat.XLIFF12);
        ExportValidation.xliff12(xliff12);
        ExportValidation.xliff12Strict(xliff12);
        List<String> ids = attributes(new String(xliff12, StandardCharsets.UTF_8), "trans-unit", "id");
        assertThat(ids).doesNotHaveDuplicates().hasSize(4);
        assertThat(ids.subList(0, 2)).allMatch(unitId -> unitId.startsWith("u1#"));
        byte[] xliff2 = export(id, ExportFormat.XLIFF2);
        ExportValidation.xliff2(xliff2);
        ExportValidation.tmx(export(id, ExportFormat.TMX));

        // the original file: the two parts are the unit's one target again, the tags where they were
        byte[] original = export(id, ExportFormat.ORIGINAL);
        ExportValidation.validateSh(original, ".xlf");
        ImportedDocument reread = reread(original, "split.xlf");
        assertThat(reread.segments()).extracting(s -> s.mt().plainText())
                .containsExactly("The meeting opened. The delegates spoke.", "One.", "Two.");
        assertThat(reread.segments().getFirst().mt().codes()).hasSize(2);

        // an edited XLIFF 1.2 export finds both parts again by their new ids
        String edited = new String(xliff12, StandardCharsets.UTF_8).replace("The meeting opened.</target>",
                "The meeting began.</target>");
        assertThat(edited).contains("The meeting began.</target>");
        XliffUpdateSummary summary = TestSecurity.runAs(context, "rita", () -> update(id, edited), "APPROVER");
        assertThat(summary.updated()).isEqualTo(1);
        assertThat(summary.unknown()).isZero();
        assertThat(documents.segments(id).getFirst().target().plainText()).isEqualTo("The meeting began.");
    }

    @Test
    void aMergedPlainTextAndHtmlRebuildWithTheMergedText() throws Exception {
        String text = "First sentence here. Second sentence.  Third one.\n\nAnother paragraph.\n";
        long id = importBytes("merge.txt", text.getBytes(StandardCharsets.UTF_8));
        List<Segment> s = documents.segments(id);
        Segment merged = review.merge(s.get(1).id(), s.get(1).version(), s.get(2).version(), "ann");
        assertThat(merged.target().coded()).isEqualTo("Second sentence.  Third one.");
        assertThat(new String(export(id, ExportFormat.ORIGINAL), StandardCharsets.UTF_8)).isEqualTo(text);
        review.save(merged.id(), merged.version(), TaggedText.plain("Second and third sentence."), "ann");
        assertThat(new String(export(id, ExportFormat.ORIGINAL), StandardCharsets.UTF_8))
                .isEqualTo("First sentence here. Second and third sentence.\n\nAnother paragraph.\n");

        String html = "<html lang=\"en\"><body><p>The <b>summit</b> opened. The <i>talks</i> began.</p></body></html>";
        long page = importBytes("merge.html", html.getBytes(StandardCharsets.UTF_8));
        List<Segment> h = documents.segments(page);
        Segment joined = review.merge(h.get(0).id(), h.get(0).version(), h.get(1).version(), "ann");
        review.save(joined.id(), joined.version(), new TaggedText(joined.target().coded().replace(". The",
                ", and the"), joined.target().codes()), "ann");
        assertThat(new String(export(page, ExportFormat.ORIGINAL), StandardCharsets.UTF_8))
                .contains("<p>The <b>summit</b> opened, and the <i>talks</i> began.</p>");
    }

    @Test
    void aMergeAcrossParagraphsMovesTheTextIntoTheFirstParagraphOfThePlainText() throws Exception {
        String text = "First one. Second one.\n\n  Third one. Fourth one.\n\nFifth one.\n";
        long id = importBytes("across.txt", text.getBytes(StandardCharsets.UTF_8));
        List<Segment> s = documents.segments(id);
        assertThat(s).hasSize(5);
        // untouched texts (target = MT): the moved sentence still has to leave its paragraph
        Segment merged = review.merge(s.get(1).id(), s.get(1).version(), s.get(2).version(), "ann");
        String exported = new String(export(id, ExportFormat.ORIGINAL), StandardCharsets.UTF_8);
        // the second paragraph keeps its indentation and starts right with its next sentence
        assertThat(exported).isEqualTo("First one. Second one. Third one.\n\n  Fourth one.\n\nFifth one.\n");
        assertThat(paragraphs(exported, "across.txt"))
                .containsExactly(List.of("First one.", "Second one.", "Third one."), List.of("Fourth one."),
                        List.of("Fifth one."));

        // the second paragraph's last segment too: the paragraph is left empty, its text not copied back
        Segment fourth = documents.segments(id).get(2);
        Segment longer = review.merge(merged.id(), merged.version(), fourth.version(), "ann");
        exported = new String(export(id, ExportFormat.ORIGINAL), StandardCharsets.UTF_8);
        assertThat(exported).isEqualTo(EMPTIED_TEXT);
        assertThat(exported).containsOnlyOnce("Third one.").containsOnlyOnce("Fourth one.");
        assertThat(paragraphs(exported, "across.txt")).containsExactly(
                List.of("First one.", "Second one.", "Third one.", "Fourth one."), List.of("Fifth one."));

        // edited afterwards: the edit lands in the first paragraph
        review.save(longer.id(), longer.version(), TaggedText.plain("Second, third and fourth."), "ann");
        assertThat(new String(export(id, ExportFormat.ORIGINAL), StandardCharsets.UTF_8))
                .isEqualTo(EMPTIED_TEXT.replace("Second one. Third one. Fourth one.", "Second, third and fourth."));
    }

    /** The plain text of the test above once its second paragraph has no segment left. */
    private static final String EMPTIED_TEXT = "First one. Second one. Third one. Fourth one.\n\n\n\nFifth one.\n";

    @Test
    void aMergeAcrossParagraphsRebuildsTheHtmlAndExportsValidXliff() throws Exception {
        String html = "<html lang=\"en\"><body><p>The <b>summit</b> opened. Talks went on.</p>"
                + "<p>Delegates spoke. They left.</p><p>Last one.</p></body></html>";
        long id = importBytes("across.html", html.getBytes(StandardCharsets.UTF_8));
        List<Segment> s = documents.segments(id);
        assertThat(s).extracting(x -> x.target().plainText()).containsExactly("The summit opened.",
                "Talks went on.", "Delegates spoke.", "They left.", "Last one.");
        Segment merged = review.merge(s.get(1).id(), s.get(1).version(), s.get(2).version(), "ann");
        assertThat(new String(export(id, ExportFormat.ORIGINAL), StandardCharsets.UTF_8)).contains(
                "<p>The <b>summit</b> opened. Talks went on. Delegates spoke.</p><p>They left.</p><p>Last one.</p>");

        Segment left = documents.segments(id).get(2);
        Segment longer = review.merge(merged.id(), merged.version(), left.version(), "ann");
        review.save(longer.id(), longer.version(), TaggedText.plain("Talks went on; delegates spoke and left."),
                "ann");
        String exported = new String(export(id, ExportFormat.ORIGINAL), StandardCharsets.UTF_8);
        assertThat(exported).contains("<p>The <b>summit</b> opened. Talks went on; delegates spoke and left.</p>"
                + "<p></p><p>Last one.</p>");
        assertThat(exported).doesNotContain("Delegates spoke.").doesNotContain("They left.");

        byte[] xliff12 = export(id, ExportFormat.XLIFF12);
        ExportValidation.xliff12(xliff12);
        ExportValidation.xliff12Strict(xliff12);
        assertThat(new String(xliff12, StandardCharsets.UTF_8))
                .contains("Talks went on; delegates spoke and left.</target>");
        ExportValidation.xliff2(export(id, ExportFormat.XLIFF2));
        ByteArrayOutputStream tmx = new ByteArrayOutputStream();
        export.export(id, ExportFormat.TMX, new ExportOptions(java.util.Set.of(), true), tmx);
        ExportValidation.tmx(tmx.toByteArray());
    }

    /** The file imported again: each paragraph (unit) as the texts of its segments. */
    private List<List<String>> paragraphs(String exported, String name) throws IOException {
        java.util.Map<String, List<String>> units = new java.util.LinkedHashMap<>();
        for (ImportedSegment segment : reread(exported.getBytes(StandardCharsets.UTF_8), name).segments()) {
            units.computeIfAbsent(segment.unitId(), u -> new java.util.ArrayList<>()).add(segment.mt().plainText());
        }
        return List.copyOf(units.values());
    }

    @Test
    void aMergedXliffExportsValidAndRebuildsOneSegmentForBoth() throws Exception {
        long id = importBytes("merge.xlf", XLIFF.getBytes(StandardCharsets.UTF_8));
        List<Segment> s = documents.segments(id);
        assertThat(s).extracting(Segment::unitId).containsExactly("u1", "u2", "u2");
        Segment merged = review.merge(s.get(1).id(), s.get(1).version(), s.get(2).version(), "ann");
        review.save(merged.id(), merged.version(), TaggedText.plain("One and two."), "ann");

        byte[] xliff12 = export(id, ExportFormat.XLIFF12);
        ExportValidation.xliff12(xliff12);
        ExportValidation.xliff12Strict(xliff12);
        assertThat(new String(xliff12, StandardCharsets.UTF_8)).contains("One and two.</target>");
        assertThat(attributes(new String(xliff12, StandardCharsets.UTF_8), "trans-unit", "id")).containsExactly("u1",
                "u2");
        ExportValidation.xliff2(export(id, ExportFormat.XLIFF2));
        ExportValidation.tmx(export(id, ExportFormat.TMX));

        byte[] original = export(id, ExportFormat.ORIGINAL);
        ExportValidation.validateSh(original, ".xlf");
        ImportedDocument reread = reread(original, "merge.xlf");
        assertThat(reread.segments()).extracting(r -> r.mt().plainText())
                .containsExactly("The meeting opened. Delegates spoke.", "One and two.");
        assertThat(reread.segments().get(1).source().plainText()).isEqualTo("一。二。");
    }

    private XliffUpdateSummary update(long id, String content) {
        try {
            Path file = Files.createTempFile(dir, "upload-", ".part");
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return updates.update(id, file, "edited.xlf", false, "rita", n -> { });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> attributes(String xml, String element, String attribute) {
        Matcher m = Pattern.compile("<" + element + " [^>]*?" + attribute + "=\"([^\"]*)\"").matcher(xml);
        List<String> values = new java.util.ArrayList<>();
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    private long importBytes(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return documents.importFile(file, name, new ImportOptions(null, "en-US"), "test").document().id();
    }

    private byte[] export(long id, ExportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.export(id, format, ExportOptions.DEFAULT, out);
        return out.toByteArray();
    }

    private ImportedDocument reread(byte[] content, String name) throws IOException {
        Path file = dir.resolve("reread-" + System.nanoTime() + "-" + name);
        Files.write(file, content);
        return new OkapiDocumentImporter().read(file, name, new ImportOptions(null, "en-US"));
    }
}
