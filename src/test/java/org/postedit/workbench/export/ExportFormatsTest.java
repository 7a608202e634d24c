package org.postedit.workbench.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postedit.workbench.document.Document;
import org.postedit.workbench.document.DocumentFormat;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.ImportedDocument;
import org.postedit.workbench.document.ImportedSegment;
import org.postedit.workbench.document.InlineCode;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SegmentStatus;
import org.postedit.workbench.document.TaggedText;
import org.postedit.workbench.document.okapi.OkapiDocumentImporter;
import org.postedit.workbench.review.ReviewService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Every export format of a bilingual and an MT-only document: valid against its schema/DTD (in-process, and through
 * validate.sh where present), every status mapped, special characters and inline codes kept, and the XLIFF exports
 * re-imported with the same segments, targets and statuses.
 */
@SpringBootTest
@ActiveProfiles("test")
// the service checks the signed-in user: these tests edit and approve as an approver
@WithMockUser(username = "bob", roles = "APPROVER")
class ExportFormatsTest {

    /** Five units, one per status after the edits below, with codes, special characters, a note, a locked unit. */
    static final String BILINGUAL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
             <file original="summit.txt" source-language="zh-CN" target-language="en-US" datatype="plaintext"><body>
              <trans-unit id="new"><source>开放 &amp; &lt;原子&gt; 😀</source><target state="needs-review-translation" state-qualifier="mt-suggestion">Open &amp; &lt;Atom&gt; 😀</target><note>Check the name.</note></trans-unit>
              <trans-unit id="edited"><source>会上发布了<g id="1" ctype="bold">白皮书</g>。</source><target>At the meeting released <g id="1" ctype="bold">White Paper</g>.</target></trans-unit>
              <trans-unit id="reviewed"><source>ثلاثة <ph id="1">&lt;br/&gt;</ph> 三</source><target state="x-reviewed">Three <ph id="1">&lt;br/&gt;</ph> שלוש</target></trans-unit>
              <trans-unit id="approved"><source>四 <bpt id="1">&lt;b&gt;</bpt>粗<ept id="1">&lt;/b&gt;</ept></source><target>Four <bpt id="1">&lt;b&gt;</bpt>bold<ept id="1">&lt;/b&gt;</ept></target></trans-unit>
              <trans-unit id="rejected"><source>五。</source><target>Fiv.</target></trans-unit>
              <trans-unit id="locked" translate="no"><source>OpenHarmony</source><target>OpenHarmony</target></trans-unit>
              <trans-unit id="two"><source>一。二。</source><seg-source><mrk mtype="seg" mid="1">一。</mrk><mrk mtype="seg" mid="2">二。</mrk></seg-source><target><mrk mtype="seg" mid="1">One.</mrk><mrk mtype="seg" mid="2">Two.</mrk></target></trans-unit>
             </body></file>
            </xliff>""";

    @Autowired
    DocumentService documents;
    @Autowired
    ReviewService review;
    @Autowired
    ExportService export;

    @TempDir
    Path dir;

    @Test
    void xliff12IsValidMapsEveryStatusAndRoundTrips() throws Exception {
        long id = bilingualWithEveryStatus();
        byte[] xliff = export(id, ExportFormat.XLIFF12, ExportOptions.DEFAULT);
        String text = new String(xliff, StandardCharsets.UTF_8);

        ExportValidation.xliff12(xliff);
        ExportValidation.xliff12Strict(xliff);
        ExportValidation.validateSh(xliff, ".xlf");
        assertThat(text)
                .contains("<trans-unit id=\"new\"", "state=\"needs-review-translation\" state-qualifier=\"leveraged-mt\"")
                .contains("<target state=\"translated\">")
                .contains("approved=\"no\"", "state=\"signed-off\"")
                .contains("approved=\"yes\"", "state=\"final\"")
                .contains("state-qualifier=\"rejected-inaccurate\"", "Spelling: five, not fiv.")
                .contains("translate=\"no\"")
                .contains("<trans-unit id=\"two#1\"", "<trans-unit id=\"two#2\"")
                .contains("<alt-trans origin=\"machine-translation\"><target>At the meeting released")
                .contains("&amp; &lt;Atom&gt; 😀", "<bpt id=\"1\">&lt;b&gt;</bpt>", "<ph id=\"1\">&lt;br/&gt;</ph>");

        ImportedDocument reread = reimport(xliff, "summit.xlf");
        assertSameSegments(id, reread);
        assertThat(reread.sourceLanguage()).isEqualTo("zh-CN");
        assertThat(reread.segments()).filteredOn(s -> s.unitId().equals("rejected")).singleElement()
                .satisfies(s -> assertThat(s.note()).contains("Spelling: five, not fiv."));
    }

    @Test
    void xliff2IsValidMapsEveryStatusAndRoundTrips() throws Exception {
        long id = bilingualWithEveryStatus();
        byte[] xliff = export(id, ExportFormat.XLIFF2, ExportOptions.DEFAULT);
        String text = new String(xliff, StandardCharsets.UTF_8);

        ExportValidation.xliff2(xliff);
        ExportValidation.validateSh(xliff, ".xlf");
        assertThat(text).contains("version=\"2.0\"", "srcLang=\"zh-CN\"", "trgLang=\"en-US\"")
                .contains("state=\"translated\"", "state=\"reviewed\"", "state=\"final\"")
                .contains("subState=\"wb:rejected\"", "<note appliesTo=\"target\" category=\"rejection\">")
                .contains("<pc id=", "<ph id=", "<originalData>", "&lt;b>")
                .contains("<unit id=\"two\"");
        // Okapi's writer leaves out state="initial", the default state of an XLIFF 2.0 segment
        assertThat(text).containsPattern("(?s)<unit id=\"new\">\\n<notes>.*?</notes>\\n<segment id=\"0\">\\n")
                .doesNotContain("state=\"initial\"");

        ImportedDocument reread = reimport(xliff, "summit2.xlf");
        assertThat(reread.format()).isEqualTo(DocumentFormat.XLIFF2);
        assertSameSegments(id, reread);
    }

    @Test
    void tmxHoldsTheRequestedStatusesAndIsValid() throws Exception {
        long id = bilingualWithEveryStatus();
        byte[] approvedOnly = export(id, ExportFormat.TMX, ExportOptions.DEFAULT);
        ExportValidation.tmx(approvedOnly);
        ExportValidation.validateSh(approvedOnly, ".tmx");
        String text = new String(approvedOnly, StandardCharsets.UTF_8);
        assertThat(text).contains("creationtool=", "creationtoolversion=", "segtype=\"sentence\"", "o-tmf=",
                "adminlang=\"en-US\"", "srclang=\"zh-CN\"", "datatype=\"xml\"", "changeid=\"ann\"")
                .containsPattern("changedate=\"\\d{8}T\\d{6}Z\"");
        assertThat(count(text, "<tu ")).isEqualTo(1);

        byte[] all = export(id, ExportFormat.TMX, new ExportOptions(EnumSet.allOf(SegmentStatus.class), false));
        ExportValidation.tmx(all);
        ExportValidation.validateSh(all, ".tmx");
        ImportedDocument reread = reimport(all, "summit.tmx");
        List<Segment> stored = documents.segments(id);
        assertThat(reread.segments()).hasSize(stored.size());
        assertThat(reread.segments()).extracting(s -> s.mt().plainText())
                .containsExactlyElementsOf(stored.stream().map(s -> s.target().plainText()).toList());
        assertThat(reread.segments()).extracting(s -> s.source().plainText())
                .containsExactlyElementsOf(stored.stream().map(s -> s.source().plainText()).toList());
        assertThat(reread.segments().get(3).mt().codes()).extracting(InlineCode::kind, InlineCode::data)
                .containsExactly(tuple(InlineCode.Kind.OPENING, "<b>"), tuple(InlineCode.Kind.CLOSING, "</b>"));

        byte[] reviewedAndApproved = export(id, ExportFormat.TMX, new ExportOptions(
                ExportOptions.parseStatuses("approved,reviewed"), false));
        assertThat(count(new String(reviewedAndApproved, StandardCharsets.UTF_8), "<tu ")).isEqualTo(2);
    }

    @Test
    void mtOnlyDocumentsCarryTheirMarkerAndTmxNeedsMtPairs() throws Exception {
        Path file = dir.resolve("news.html");
        Files.writeString(file, "<html lang=\"en\"><body><p>The <b>summit</b> &amp; the forum 😀 were held in "
                + "北京.Improve the layout.</p></body></html>", StandardCharsets.UTF_8);
        long id = documents.importFile(file, "news.html", new ImportOptions(null, "en-US"), "test")
                .document().id();
        List<Segment> segments = documents.segments(id);
        Segment first = segments.getFirst();
        Segment edited = review.save(first.id(), first.version(), new TaggedText(
                first.target().coded().replace("were held", "took place"), first.target().codes()), "ann");
        review.approve(edited.id(), edited.version(), "bob");

        byte[] xliff12 = export(id, ExportFormat.XLIFF12, ExportOptions.DEFAULT);
        ExportValidation.xliff12(xliff12);
        ExportValidation.validateSh(xliff12, ".xlf");
        assertThat(new String(xliff12, StandardCharsets.UTF_8))
                .contains("category=\"x-workbench-mt-only\"", "source-language=\"en-US\"", "took place",
                        "&amp; the forum 😀");
        // the marker restores the document type: MT only again, the current texts to review, statuses kept
        ImportedDocument reread = reimport(xliff12, "news.xlf");
        assertMtOnlyAgain(id, reread);
        assertThat(reread.segments().getFirst().mt().plainText()).contains("took place");
        assertThat(reread.segments().getFirst().status()).isEqualTo(SegmentStatus.APPROVED);

        byte[] xliff2 = export(id, ExportFormat.XLIFF2, ExportOptions.DEFAULT);
        ExportValidation.xliff2(xliff2);
        ExportValidation.validateSh(xliff2, ".xlf");
        assertThat(new String(xliff2, StandardCharsets.UTF_8)).contains("<mda:meta type=\"document-type\">"
                + "x-workbench-mt-only</mda:meta>");
        assertMtOnlyAgain(id, reimport(xliff2, "news2.xlf"));

        // stored again, it is an MT-only document like the first, and its own exports work
        Path again = dir.resolve("news-again.xlf");
        Files.write(again, xliff12);
        Document restored = documents.importFile(again, "news-again.xlf", ImportOptions.DETECT, "test").document();
        assertThat(restored.hasSource()).isFalse();
        assertThat(restored.sourceLanguage()).isNull();
        assertThat(documents.segments(restored.id())).extracting(s -> s.target().plainText())
                .containsExactlyElementsOf(documents.segments(id).stream().map(s -> s.target().plainText()).toList());
        byte[] rebuilt = export(restored.id(), ExportFormat.ORIGINAL, ExportOptions.DEFAULT);
        ExportValidation.xliff12(rebuilt);
        assertThat(new String(rebuilt, StandardCharsets.UTF_8)).contains("took place", "x-workbench-mt-only");
        ExportValidation.xliff12(export(restored.id(), ExportFormat.XLIFF12, ExportOptions.DEFAULT));

        assertThatThrownBy(() -> export(id, ExportFormat.TMX, ExportOptions.DEFAULT))
                .isInstanceOf(ExportRejectedException.class).hasMessageContaining("mtPairs=true");
        byte[] tmx = export(id, ExportFormat.TMX, new ExportOptions(EnumSet.of(SegmentStatus.APPROVED), true));
        ExportValidation.tmx(tmx);
        ExportValidation.validateSh(tmx, ".tmx");
        String tmxText = new String(tmx, StandardCharsets.UTF_8);
        assertThat(tmxText).contains("srclang=\"en-US-x-mt\"", "xml:lang=\"en-US-x-mt\"", "were held",
                "took place", "changeid=\"bob\"");
        assertThat(count(tmxText, "<tu ")).isEqualTo(1);
    }

    @Test
    void fileNamesSayDocumentLanguagesAndDate() throws Exception {
        long id = bilingualWithEveryStatus();
        assertThat(export.fileName(id, ExportFormat.XLIFF12)).matches("summit_zh-CN_en-US_\\d{4}-\\d{2}-\\d{2}\\.xlf");
        assertThat(export.fileName(id, ExportFormat.TMX)).endsWith(".tmx");
        assertThat(export.fileName(id, ExportFormat.ORIGINAL)).endsWith(".xlf");
        assertThat(ExportFormat.of("XLIFF2")).isEqualTo(ExportFormat.XLIFF2);
        assertThatThrownBy(() -> ExportFormat.of("pdf")).isInstanceOf(ExportRejectedException.class);
    }

    /** Imports BILINGUAL and brings its units to NEW, EDITED, REVIEWED (from the file), APPROVED, REJECTED. */
    private long bilingualWithEveryStatus() throws Exception {
        Path file = dir.resolve("summit.xlf");
        Files.writeString(file, BILINGUAL, StandardCharsets.UTF_8);
        long id = documents.importFile(file, "summit.xlf", ImportOptions.DETECT, "test").document().id();
        List<Segment> segments = documents.segments(id);
        Segment edited = segments.get(1);
        review.save(edited.id(), edited.version(), new TaggedText(
                edited.target().coded().replace("At the meeting released", "The meeting released"),
                edited.target().codes()), "ann");
        Segment approved = segments.get(3);
        review.approve(approved.id(), approved.version(), "ann");
        Segment rejected = segments.get(4);
        review.reject(rejected.id(), rejected.version(), "bob", "Spelling: five, not fiv.");
        assertThat(documents.segments(id)).extracting(Segment::unitId, Segment::status).containsExactly(
                tuple("new", SegmentStatus.NEW), tuple("edited", SegmentStatus.EDITED),
                tuple("reviewed", SegmentStatus.REVIEWED), tuple("approved", SegmentStatus.APPROVED),
                tuple("rejected", SegmentStatus.REJECTED), tuple("locked", SegmentStatus.NEW),
                tuple("two", SegmentStatus.NEW), tuple("two", SegmentStatus.NEW));
        return id;
    }

    private void assertSameSegments(long id, ImportedDocument reread) {
        List<Segment> stored = documents.segments(id);
        assertThat(reread.segments()).hasSize(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            Segment before = stored.get(i);
            ImportedSegment after = reread.segments().get(i);
            assertThat(after.status()).as("status of " + before.unitId()).isEqualTo(before.status());
            assertThat(after.locked()).as("locked " + before.unitId()).isEqualTo(before.locked());
            assertThat(after.mt().plainText()).as("target of " + before.unitId())
                    .isEqualTo(before.target().plainText());
            assertThat(after.source().plainText()).as("source of " + before.unitId())
                    .isEqualTo(before.source().plainText());
            assertThat(after.mt().codes()).extracting(InlineCode::kind, InlineCode::data)
                    .as("codes of " + before.unitId())
                    .containsExactlyElementsOf(before.target().codes().stream()
                            .map(c -> tuple(c.kind(), c.data())).toList());
        }
    }

    /** An export of MT-only document {@code id} read back: no source, the current targets, the same statuses. */
    private void assertMtOnlyAgain(long id, ImportedDocument reread) {
        List<Segment> stored = documents.segments(id);
        assertThat(reread.sourceLanguage()).isNull();
        assertThat(reread.hasSource()).isFalse();
        assertThat(reread.segments()).extracting(s -> s.mt().plainText())
                .containsExactlyElementsOf(stored.stream().map(s -> s.target().plainText()).toList());
        assertThat(reread.segments()).extracting(ImportedSegment::status)
                .containsExactlyElementsOf(stored.stream().map(Segment::status).toList());
    }

    private byte[] export(long id, ExportFormat format, ExportOptions options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.export(id, format, options, out);
        return out.toByteArray();
    }

    private ImportedDocument reimport(byte[] content, String name) throws Exception {
        Path file = dir.resolve("reimport-" + System.nanoTime() + "-" + name);
        Files.write(file, content);
        return new OkapiDocumentImporter().read(file, name, ImportOptions.DETECT);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }
}
