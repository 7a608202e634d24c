package org.postedit.workbench.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postedit.workbench.document.Document;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.ImportedDocument;
import org.postedit.workbench.document.InlineCode;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SpacedSegment;
import org.postedit.workbench.document.TaggedText;
import org.postedit.workbench.document.okapi.OkapiDocumentImporter;
import org.postedit.workbench.review.ReviewService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.security.test.context.support.WithMockUser;

/** The original format rebuilt through Okapi with the current targets, re-read by the importer with the edits. */
@SpringBootTest
@ActiveProfiles("test")
// the service checks the signed-in user: these tests edit and approve as an approver
@WithMockUser(username = "ann", roles = "APPROVER")
class OriginalFormatExportTest {

    @Autowired
    DocumentService documents;
    @Autowired
    ReviewService review;
    @Autowired
    ExportService export;
    @Autowired
    OriginalFormatExporter original;

    @TempDir
    Path dir;

    @Test
    void anUntouchedPlainTextExportsByteIdentical() throws Exception {
        byte[] original = ("\uFEFFFirst line of a wrapped\r\nparagraph. Second sentence.\r\n\r\n  Indented "
                + "& <odd> 😀 北京.Improve it.\r\n").getBytes(StandardCharsets.UTF_8);
        long id = importBytes("plain.txt", original);
        assertThat(export(id)).isEqualTo(original);
    }

    @Test
    void anEditedPlainTextCarriesTheEditAndKeepsTheRest() throws Exception {
        String text = "First sentence here. Second sentence here.\n\nAnother paragraph stays\nwrapped as it was.\n";
        long id = importBytes("edited.txt", text.getBytes(StandardCharsets.UTF_8));
        edit(id, 1, "Second sentence & <more> 😀.");
        String exported = new String(export(id), StandardCharsets.UTF_8);
        assertThat(exported).isEqualTo("First sentence here. Second sentence & <more> 😀.\n\n"
                + "Another paragraph stays\nwrapped as it was.\n");
        assertThat(reread(exported.getBytes(StandardCharsets.UTF_8), "edited.txt").segments())
                .extracting(s -> s.mt().plainText()).contains("Second sentence & <more> 😀.");
    }

    @Test
    void anEditedHtmlKeepsItsTags() throws Exception {
        String html = "<html lang=\"en\"><body><p>The <b>summit</b> was held in Beijing.Improve the layout.</p>"
                + "<p>Second &amp; last paragraph.</p></body></html>";
        long id = importBytes("page.html", html.getBytes(StandardCharsets.UTF_8));
        Segment first = documents.segments(id).getFirst();
        assertThat(first.target().codes()).hasSize(2);
        edit(id, 0, first.target().coded().replace("was held", "took place"), first.target().codes());
        String exported = new String(export(id), StandardCharsets.UTF_8);
        assertThat(exported).contains("<p>The <b>summit</b> took place in Beijing.Improve the layout.</p>")
                .contains("Second &amp; last paragraph.");
        ImportedDocument reread = reread(exported.getBytes(StandardCharsets.UTF_8), "page.html");
        assertThat(reread.segments().getFirst().mt().plainText()).isEqualTo("The summit took place in Beijing.");
        assertThat(reread.segments().getFirst().mt().codes()).extracting(InlineCode::data)
                .containsExactly("<b>", "</b>");
    }

    @Test
    void anEditedXliffGetsTheNewTargets() throws Exception {
        long id = importBytes("summit.xlf", ExportFormatsTest.BILINGUAL.getBytes(StandardCharsets.UTF_8));
        Segment approved = documents.segments(id).get(3);
        edit(id, 3, approved.target().coded().replace("Four", "Fourth & 4th"), approved.target().codes());
        edit(id, 7, "Second.");
        byte[] exported = export(id);
        ImportedDocument reread = reread(exported, "summit.xlf");
        assertThat(reread.segments()).extracting(s -> s.mt().plainText())
                .containsSubsequence("Fourth & 4th bold", "One.", "Second.");
        assertThat(reread.segments().get(3).mt().codes()).extracting(InlineCode::data)
                .containsExactly("<b>", "</b>");
        ExportValidation.validateSh(exported, ".xlf");
    }

    @Test
    void anEditedDocxIsRebuilt() throws Exception {
        byte[] docx = docx("<w:p><w:r><w:t xml:space=\"preserve\">The summit opened. </w:t></w:r>"
                + "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">Bold words</w:t></w:r>"
                + "<w:r><w:t xml:space=\"preserve\"> end here.</w:t></w:r></w:p>"
                + "<w:p><w:r><w:t>Second paragraph.</w:t></w:r></w:p>");
        long id = importBytes("report.docx", docx);
        List<Segment> segments = documents.segments(id);
        Segment second = segments.get(1);
        edit(id, 1, second.target().coded().replace("end here", "finish here"), second.target().codes());
        byte[] exported = export(id);
        assertThat(exported).startsWith('P', 'K');
        ImportedDocument reread = reread(exported, "report.docx");
        assertThat(reread.segments()).extracting(s -> s.mt().plainText())
                .containsExactly("The summit opened.", "Bold words finish here.", "Second paragraph.");
        assertThat(reread.segments().get(1).mt().codes()).hasSameSizeAs(second.target().codes());
    }

    @Test
    void anEditedPoGetsTheNewTranslation() throws Exception {
        String po = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
                + "msgid \"Hello\"\nmsgstr \"Hallo\"\n\nmsgid \"Bye\"\nmsgstr \"Tschüss\"\n";
        long id = importBytes("app.po", po.getBytes(StandardCharsets.UTF_8));
        edit(id, 0, "Hallo & <Welt> 😀");
        String exported = new String(export(id), StandardCharsets.UTF_8);
        assertThat(exported).contains("msgstr \"Hallo & <Welt> 😀\"", "msgstr \"Tschüss\"");
    }

    @Test
    void anEditedTextThatIsNotUtf8IsRefusedWithAClearMessageButAnUntouchedOneIsItsOriginal() throws Exception {
        byte[] gbk = "北京是中国的首都。上海是最大的城市。这是一个测试文件，用于检查编码。".getBytes("GB18030");
        long id = importBytes("gbk.txt", gbk);
        assertThat(export(id)).isEqualTo(gbk);
        edit(id, 0, "Beijing is the capital.");
        assertThatThrownBy(() -> export(id)).isInstanceOf(ExportRejectedException.class)
                .hasMessageContaining("not UTF-8").hasMessageContaining("XLIFF");
    }

    /**
     * Streaming: the exporter reads the stored segments while Okapi writes the file, so when it reads segment k the
     * file has already been written up to about unit k. Reading the document first (as the export did before) would
     * read every segment before the first byte.
     */
    @Test
    void aLargeEditedTextIsRebuiltWhileItsSegmentsAreRead() throws Exception {
        int paragraphs = 3000;
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= paragraphs; i++) {
            text.append(i % 3 == 0 ? "  " : "").append("Sentence one of ").append(i).append(". Sentence two of ")
                    .append(i).append(".\n\n");
        }
        long id = importBytes("large.txt", text.toString().getBytes(StandardCharsets.UTF_8));
        Document document = documents.document(id);
        String expected = text.toString();
        for (int paragraph : new int[] {3, 1500, 2999, 3000}) {
            Segment second = documents.segments(id).get(paragraph * 2 - 1);
            assertThat(second.target().plainText()).isEqualTo("Sentence two of " + paragraph + ".");
            review.save(second.id(), second.version(), new TaggedText("Edited & <two> of " + paragraph + " 😀.",
                    List.of()), "ann");
            expected = expected.replace("Sentence two of " + paragraph + ".\n",
                    "Edited & <two> of " + paragraph + " 😀.\n");
        }

        ReadWhileWritten<SpacedSegment> recorded = new ReadWhileWritten<>(documents.spacedSegmentsInOrder(id),
                s -> s.segment().ordinal());
        ExportContext context = new ExportContext(document, documents.segmentsInOrder(id), segment -> null,
                ExportOptions.DEFAULT, Instant.now(), null);
        original.write(context, recorded, documents.unitIdsWithHash(id), documents.unitsMergedAcross(id),
                recorded.out);
        Map<Integer, Integer> writtenWhenRead = recorded.writtenWhenRead;

        String exported = recorded.out.toString(StandardCharsets.UTF_8);
        assertThat(exported).isEqualTo(expected);  // indentation, spacing and untouched paragraphs exactly kept
        assertThat(writtenWhenRead).hasSize(paragraphs * 2);
        for (int paragraph = 500; paragraph <= paragraphs; paragraph += 500) {
            int ordinal = paragraph * 2 - 1;  // its first sentence
            int earlier = exported.indexOf("Sentence one of " + (paragraph - 50) + ".");
            assertThat(writtenWhenRead.get(ordinal)).as("bytes written when segment %d was read", ordinal)
                    .isGreaterThan(earlier - 16_384).isGreaterThan(0);
        }
    }

    /** A file that repeats a unit id: the importer stored the second one as "1#2", and the export finds it again. */
    @Test
    void anEditedXliffWithARepeatedUnitIdGetsTheEditInTheRightUnit() throws Exception {
        String xliff = """
                <?xml version="1.0" encoding="UTF-8"?>
                <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
                <file original="a.txt" source-language="zh-CN" target-language="en-US" datatype="plaintext"><body>
                <trans-unit id="1"><source>一。</source><target>One.</target></trans-unit>
                <trans-unit id="2"><source>二。</source><target>Two.</target></trans-unit>
                </body></file>
                <file original="b.txt" source-language="zh-CN" target-language="en-US" datatype="plaintext"><body>
                <trans-unit id="1"><source>三。</source><target>Three.</target></trans-unit>
                </body></file>
                </xliff>
                """;
        long id = importBytes("repeated.xlf", xliff.getBytes(StandardCharsets.UTF_8));
        assertThat(documents.segments(id)).extracting(Segment::unitId).containsExactly("1", "2", "1#2");
        edit(id, 2, "Third.");
        String exported = new String(export(id), StandardCharsets.UTF_8);
        assertThat(exported).contains("<target>One.</target>", "<target>Two.</target>", "Third.</target>")
                .doesNotContain("Three.");
        assertThat(reread(exported.getBytes(StandardCharsets.UTF_8), "repeated.xlf").segments())
                .extracting(s -> s.mt().plainText()).containsExactly("One.", "Two.", "Third.");
    }

    /** Stored units the file's order never reaches would lose their edits: the export fails instead. */
    @Test
    void storedUnitsOutOfTheFilesOrderFailTheExport() throws Exception {
        long id = importBytes("order.txt", "First paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n"
                .getBytes(StandardCharsets.UTF_8));
        edit(id, 0, "First paragraph, edited.");
        List<SpacedSegment> reversed = new java.util.ArrayList<>();
        documents.spacedSegmentsInOrder(id).forEach(reversed::add);
        java.util.Collections.reverse(reversed);
        ExportContext context = new ExportContext(documents.document(id), documents.segmentsInOrder(id),
                segment -> null, ExportOptions.DEFAULT, Instant.now(), null);
        assertThatThrownBy(() -> original.write(context, reversed, java.util.Set.of(), java.util.Set.of(),
                new ByteArrayOutputStream()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("was not met in the file's order");
    }

    private long importBytes(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return documents.importFile(file, name, new ImportOptions(null, "en-US"), "test").document().id();
    }

    private void edit(long id, int index, String text) {
        edit(id, index, text, List.of());
    }

    private void edit(long id, int index, String coded, List<InlineCode> codes) {
        Segment segment = documents.segments(id).get(index);
        review.save(segment.id(), segment.version(), new TaggedText(coded, codes), "ann");
    }

    private byte[] export(long id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.export(id, ExportFormat.ORIGINAL, ExportOptions.DEFAULT, out);
        return out.toByteArray();
    }

    private ImportedDocument reread(byte[] content, String name) throws IOException {
        Path file = dir.resolve("reread-" + System.nanoTime() + "-" + name);
        Files.write(file, content);
        return new OkapiDocumentImporter().read(file, name, new ImportOptions(null, "en-US"));
    }

    private static byte[] docx(String body) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                </Types>""");
        parts.put("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
                </Relationships>""");
        parts.put("word/document.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"""
                + body + "</w:body></w:document>");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
