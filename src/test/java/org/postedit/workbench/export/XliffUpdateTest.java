package org.postedit.workbench.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postedit.workbench.TestSecurity;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SegmentStatus;
import org.postedit.workbench.document.TaggedText;
import org.postedit.workbench.export.XliffUpdateSummary.Outcome;
import org.postedit.workbench.review.ReviewService;
import org.postedit.workbench.review.SegmentVersion;
import org.postedit.workbench.review.WordDiff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Round trip item 6: export -> edit the file as another tool would (targets, statuses, an approved segment, an id
 * the document does not have) -> update the document from it. Versions are created through the review service,
 * approved segments kept unless overwriting is asked for, conflicts and unknown ids reported, and a broken file or
 * a file of another document changes nothing.
 */
@SpringBootTest
@ActiveProfiles("test")
// the service checks the signed-in user: these tests edit and approve as an approver
@WithMockUser(username = "ann", roles = "APPROVER")
class XliffUpdateTest {

    static final String FILE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
             <file original="update.txt" source-language="zh-CN" target-language="en-US" datatype="plaintext"><body>
              <trans-unit id="a"><source>开放原子。</source><target>Open atom.</target></trans-unit>
              <trans-unit id="b"><source>会上发布了<g id="1" ctype="bold">白皮书</g>。</source><target>At the meeting released <g id="1" ctype="bold">White Paper</g>.</target></trans-unit>
              <trans-unit id="c"><source>三。</source><target>Thre.</target></trans-unit>
              <trans-unit id="d"><source>四。</source><target>Four.</target></trans-unit>
              <trans-unit id="two"><source>一。二。</source><seg-source><mrk mtype="seg" mid="1">一。</mrk><mrk mtype="seg" mid="2">二。</mrk></seg-source><target><mrk mtype="seg" mid="1">One.</mrk><mrk mtype="seg" mid="2">Two.</mrk></target></trans-unit>
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
    void xliff12EditedElsewhereUpdatesTheDocument() throws Exception {
        long id = documentWithAnApprovedSegment("update.txt");
        String xliff = exported(id, ExportFormat.XLIFF12);
        assertThat(xliff).contains("build-num=\"wb-document-" + id + "-", "<trans-unit id=\"two#1\"");

        String edited = xliff
                .replace("Open atom.</target>", "Open Atom.</target>")   // the state stays "MT": still edited
                .replace("At the meeting released <bpt", "The meeting released <bpt")        // text with codes
                .replace("Thre.</target>", "Three.</target>")
                .replace("<target state=\"final\">Four.</target>", "<target state=\"final\">Fourth.</target>")
                .replace("<trans-unit id=\"two#2\"", "<trans-unit id=\"two#2\" approved=\"yes\"")  // status only
                .replace("</body>", "<trans-unit id=\"zzz\"><source>X</source><target>Y</target></trans-unit>"
                        + "</body>");
        assertThat(edited).isNotEqualTo(xliff).contains("Fourth.", "Open Atom.</target>", "id=\"zzz\"");
        List<Segment> before = documents.segments(id);

        XliffUpdateSummary summary = asApprover(() -> update(id, edited, "update.xlf", false));

        assertThat(summary.updated()).isEqualTo(4);      // a, b, c, two#2
        assertThat(summary.skippedApproved()).isEqualTo(1);  // d
        assertThat(summary.unknown()).isEqualTo(1);      // zzz
        assertThat(summary.conflicts()).isZero();
        assertThat(summary.unchanged()).isEqualTo(1);    // two#1
        assertThat(summary.changes()).extracting(XliffUpdateSummary.Change::fileId,
                XliffUpdateSummary.Change::outcome).containsExactly(
                tuple("a", Outcome.UPDATED), tuple("b", Outcome.UPDATED), tuple("c", Outcome.UPDATED),
                tuple("d", Outcome.SKIPPED_APPROVED), tuple("two#2", Outcome.UPDATED), tuple("zzz", Outcome.UNKNOWN));
        assertThat(summary.changes().get(2).diff()).contains(new WordDiff.Part(WordDiff.Part.Kind.DELETED, "Thre"),
                new WordDiff.Part(WordDiff.Part.Kind.INSERTED, "Three"));

        List<Segment> after = documents.segments(id);
        assertThat(after).extracting(s -> s.target().plainText(), Segment::status).containsExactly(
                tuple("Open Atom.", SegmentStatus.EDITED),
                tuple("The meeting released White Paper.", SegmentStatus.EDITED),
                tuple("Three.", SegmentStatus.EDITED),
                tuple("Four.", SegmentStatus.APPROVED),
                tuple("One.", SegmentStatus.NEW),
                tuple("Two.", SegmentStatus.APPROVED));
        // the codes are the stored ones (ids and types of the original file), so later exports rebuild it
        assertThat(after.get(1).target().codes()).isEqualTo(before.get(1).target().codes());
        assertThat(review.history(after.get(0).id())).singleElement().satisfies(v -> {
            assertThat(v.author()).isEqualTo("rita");
            assertThat(v.comment()).isEqualTo("updated from update.xlf");
        });
        assertThat(review.history(after.get(3).id())).hasSize(1);  // approved: untouched

        // asked to overwrite approved ones: a new version, the approved one stays in the history
        XliffUpdateSummary overwrite = asApprover(() -> update(id, edited, "update.xlf", true));
        assertThat(overwrite.changes()).extracting(XliffUpdateSummary.Change::fileId,
                XliffUpdateSummary.Change::outcome).containsExactly(tuple("d", Outcome.UPDATED),
                tuple("zzz", Outcome.UNKNOWN));
        assertThat(overwrite.updated()).isEqualTo(1);
        assertThat(overwrite.unchanged()).isEqualTo(5);
        Segment fourth = documents.segments(id).get(3);
        assertThat(fourth.target().plainText()).isEqualTo("Fourth.");
        assertThat(fourth.status()).isEqualTo(SegmentStatus.APPROVED);
        assertThat(review.history(fourth.id())).extracting(v -> v.target().plainText(), SegmentVersion::status)
                .containsExactly(tuple("Four.", SegmentStatus.APPROVED), tuple("Fourth.", SegmentStatus.APPROVED));
    }

    @Test
    void xliff2EditedElsewhereUpdatesTheDocumentAndReportsConflicts() throws Exception {
        long id = documentWithAnApprovedSegment("update2.txt");
        String xliff = exported(id, ExportFormat.XLIFF2);
        assertThat(xliff).contains("<mda:meta type=\"workbench-document\">wb-document-" + id + "-");

        // after the export, the workbench changes "c"; the file changes "c" too: a conflict
        Segment c = documents.segments(id).get(2);
        review.save(c.id(), c.version(), TaggedText.plain("Three (workbench)."), "ann");

        String edited = xliff
                .replace("<target xml:space=\"preserve\">Open atom.</target>",
                        "<target xml:space=\"preserve\">Open Atom.</target>")
                .replace("Thre.</target>", "Three (file).</target>")
                .replace("<target xml:space=\"preserve\">Four.</target>",
                        "<target xml:space=\"preserve\">Fourth.</target>")
                .replaceFirst("(<segment id=\"[^\"]+\")>(\\n?<source xml:space=\"preserve\">二。)",
                        "$1 state=\"reviewed\">$2");  // no state: the default, initial
        assertThat(edited).containsPattern("state=\"reviewed\">\\n?<source xml:space=\"preserve\">二。")
                .contains("Open Atom.", "Three (file).", "Fourth.");

        XliffUpdateSummary summary = asReviewer(() -> update(id, edited, "update2.xlf", true));

        assertThat(summary.format()).isEqualTo("XLIFF 2.x");
        assertThat(summary.changes()).extracting(XliffUpdateSummary.Change::ordinal,
                XliffUpdateSummary.Change::outcome).containsExactly(
                tuple(1, Outcome.UPDATED), tuple(3, Outcome.CONFLICT), tuple(4, Outcome.UPDATED),
                tuple(6, Outcome.UPDATED));
        assertThat(summary.conflicts()).isEqualTo(1);
        List<Segment> after = documents.segments(id);
        assertThat(after).extracting(s -> s.target().plainText(), Segment::status).containsExactly(
                tuple("Open Atom.", SegmentStatus.EDITED),  // the file kept "initial": an edit is at least edited
                tuple("At the meeting released White Paper.", SegmentStatus.NEW),
                tuple("Three (workbench).", SegmentStatus.EDITED),
                // a reviewer overwriting an approved segment: the file's "final" becomes at most "reviewed"
                tuple("Fourth.", SegmentStatus.REVIEWED),
                tuple("One.", SegmentStatus.NEW),
                tuple("Two.", SegmentStatus.REVIEWED));
        assertThat(summary.changes().get(2).message()).contains("at most reviewed");

        // the workbench changed "c" after the export and the file left it alone: unchanged, the newer text stays
        String untouched = exported(id, ExportFormat.XLIFF2);
        Segment again = documents.segments(id).get(2);
        review.save(again.id(), again.version(), TaggedText.plain("Three (later)."), "ann");
        XliffUpdateSummary none = asReviewer(() -> update(id, untouched, "update2.xlf", false));
        assertThat(none.updated()).isZero();
        assertThat(none.conflicts()).isZero();
        assertThat(documents.segments(id).get(2).target().plainText()).isEqualTo("Three (later).");
    }

    @Test
    void aBrokenFileOrAFileOfAnotherDocumentChangesNothing() throws Exception {
        long id = documentWithAnApprovedSegment("update3.txt");
        long other = documentWithAnApprovedSegment("update4.txt");
        String xliff = exported(id, ExportFormat.XLIFF12).replace("Thre.", "Three.");
        List<Segment> before = documents.segments(other);

        assertThatThrownBy(() -> asApprover(() -> update(other, xliff, "update3.xlf", true)))
                .isInstanceOf(XliffUpdateRejectedException.class)
                .hasMessageContaining("was exported from \"update3.txt\"").hasMessageContaining("update4.txt");
        String broken = xliff.substring(0, xliff.length() / 2);
        assertThatThrownBy(() -> asApprover(() -> update(id, broken, "broken.xlf", true)))
                .isInstanceOf(XliffUpdateRejectedException.class).hasMessageContaining("broken.xlf");
        assertThatThrownBy(() -> asApprover(() -> update(id, "Just text.", "notes.txt", true)))
                .isInstanceOf(XliffUpdateRejectedException.class).hasMessageContaining("not XLIFF");
        // the stamp removed by another tool: matched by name, so another document's file is still refused
        String unstamped = xliff.replaceAll(" build-num=\"[^\"]+\"", "");
        assertThatThrownBy(() -> asApprover(() -> update(other, unstamped, "update3.xlf", true)))
                .isInstanceOf(XliffUpdateRejectedException.class).hasMessageContaining("is not an export of");
        assertThatThrownBy(() -> TestSecurity.runAs(context, "vic", () -> update(id, xliff, "update3.xlf", true),
                "VIEWER")).isInstanceOf(AccessDeniedException.class);

        assertThat(documents.segments(other)).isEqualTo(before);
        assertThat(documents.segments(id)).extracting(Segment::version).containsOnly(0, 1);

        XliffUpdateSummary unstampedOwn = asApprover(() -> update(id, unstamped, "update3.xlf", false));
        assertThat(unstampedOwn.updated()).isEqualTo(1);
        assertThat(unstampedOwn.warnings()).singleElement().asString().contains("no workbench stamp");
    }

    /** FILE imported; "d" approved, the rest as imported. */
    private long documentWithAnApprovedSegment(String name) throws Exception {
        Path file = dir.resolve(name.replace(".txt", ".xlf"));
        Files.writeString(file, FILE.replace("update.txt", name), StandardCharsets.UTF_8);
        long id = documents.importFile(file, name, ImportOptions.DETECT, "test").document().id();
        assertThat(documents.document(id).name()).isEqualTo(name);
        Segment d = documents.segments(id).get(3);
        review.approve(d.id(), d.version(), "ann");
        return id;
    }

    private String exported(long id, ExportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.export(id, format, ExportOptions.DEFAULT, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private XliffUpdateSummary update(long id, String content, String name, boolean overwriteApproved) {
        try {
            Path file = Files.createTempFile(dir, "upload-", ".part");
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return updates.update(id, file, name, overwriteApproved, "rita", n -> { });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private <T> T asApprover(Supplier<T> work) {
        return TestSecurity.runAs(context, "rita", work, "APPROVER");
    }

    private <T> T asReviewer(Supplier<T> work) {
        return TestSecurity.runAs(context, "rita", work, "REVIEWER");
    }
}
