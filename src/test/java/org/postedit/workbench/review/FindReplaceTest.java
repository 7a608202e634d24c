package org.postedit.workbench.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postedit.workbench.TestSecurity;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SegmentStatus;
import org.postedit.workbench.document.TaggedText;
import org.postedit.workbench.review.FindQuery.Field;
import org.postedit.workbench.review.FindQuery.Mode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

/** Find and replace on real imported documents in a real H2 database. */
@SpringBootTest
@ActiveProfiles("test")
class FindReplaceTest {

    @Autowired
    DocumentService documents;
    @Autowired
    ReviewService review;
    @Autowired
    FindReplace findReplace;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path dir;

    @Test
    void plainIsCaseBlindWholeWordSkipsLongerWordsAndMatchCaseIsExact() throws Exception {
        long id = importText("find.txt", "The summit opened in Beijing. Beijinger food is good. The SUMMIT closed.");

        FindReplace.SearchResult plain = findReplace.find(id, FindQuery.plain("beijing"));
        assertThat(plain.segments()).extracting(f -> f.segment().ordinal()).containsExactly(1, 2);
        // the target is the MT until edited: both texts are searched and both show the hit
        assertThat(plain.segments().getFirst().hits()).extracting(FindReplace.TextHits::field)
                .containsExactly(Field.MT, Field.TARGET);
        assertThat(plain.segments().getFirst().hits().getFirst().ranges())
                .containsExactly(new FindReplace.Range(21, 28));
        assertThat(plain.hitCount()).isEqualTo(4);

        FindReplace.SearchResult word = findReplace.find(id, new FindQuery("beijing", Mode.WHOLE_WORD, false,
                Set.of(Field.TARGET)));
        assertThat(word.segments()).extracting(f -> f.segment().ordinal()).containsExactly(1);
        assertThat(word.hitCount()).isEqualTo(1);

        FindReplace.SearchResult exact = findReplace.find(id, new FindQuery("SUMMIT", Mode.PLAIN, true,
                Set.of(Field.TARGET)));
        assertThat(exact.segments()).extracting(f -> f.segment().ordinal()).containsExactly(3);
    }

    @Test
    void replaceAllPreviewsThenSavesEachChangeAsAVersionAndLeavesApprovedAlone() throws Exception {
        long id = importText("replace.txt", "The summit opened today. The summit closed today. The summit ended.");
        List<Segment> segments = documents.segments(id);
        TestSecurity.runAs(context, "ann", () -> review.approve(segments.get(2).id(), segments.get(2).version(), "ann"),
                "APPROVER");
        FindQuery query = new FindQuery("summit (opened|closed)", Mode.REGEX, false, null);

        FindReplace.Preview preview = findReplace.preview(id, query, "meeting $1", false);
        assertThat(preview.replacements()).extracting(r -> r.after().plainText())
                .containsExactly("The meeting opened today.", "The meeting closed today.");
        assertThat(preview.replacements().getFirst().replaced()).containsExactly(new FindReplace.Range(4, 18));
        assertThat(preview.skippedApproved()).isZero();
        // nothing is saved by a preview
        assertThat(documents.segments(id).getFirst().version()).isZero();

        FindReplace.Outcome outcome = TestSecurity.runAs(context, "rita",
                () -> findReplace.replace(preview.replacements(), "rita"), "REVIEWER");
        assertThat(outcome.replaced()).isEqualTo(2);
        assertThat(outcome.stale()).isEmpty();
        List<Segment> after = documents.segments(id);
        assertThat(after.get(0).target().plainText()).isEqualTo("The meeting opened today.");
        assertThat(after.get(0).status()).isEqualTo(SegmentStatus.EDITED);
        assertThat(review.history(after.get(0).id())).singleElement()
                .satisfies(v -> assertThat(v.author()).isEqualTo("rita"));
        assertThat(after.get(0).mt().plainText()).isEqualTo("The summit opened today.");

        FindQuery ended = FindQuery.plain("summit ended");
        assertThat(findReplace.preview(id, ended, "meeting ended", false).replacements()).isEmpty();
        assertThat(findReplace.preview(id, ended, "meeting ended", false).skippedApproved()).isEqualTo(1);
        assertThat(findReplace.preview(id, ended, "meeting ended", true).replacements()).hasSize(1);
    }

    @Test
    void aSegmentChangedAfterThePreviewIsReportedNotOverwritten() throws Exception {
        long id = importText("stale.txt", "Colour one. Colour two.");
        FindReplace.Preview preview = findReplace.preview(id, FindQuery.plain("colour"), "color", false);
        Segment first = documents.segments(id).getFirst();
        TestSecurity.runAs(context, "bob", () -> review.save(first.id(), first.version(),
                TaggedText.plain("Colour one, edited meanwhile."), "bob"), "TRANSLATOR");

        FindReplace.Outcome outcome = TestSecurity.runAs(context, "rita",
                () -> findReplace.replace(preview.replacements(), "rita"), "TRANSLATOR");

        assertThat(outcome.replaced()).isEqualTo(1);
        assertThat(outcome.stale()).containsExactly(1);
        assertThat(documents.segments(id).getFirst().target().plainText()).isEqualTo("Colour one, edited meanwhile.");
        assertThat(documents.segments(id).get(1).target().plainText()).isEqualTo("color two.");
    }

    @Test
    void replacementsKeepEveryInlineCodeAndMatchesNeverSpanOne() throws Exception {
        Path html = dir.resolve("codes.html");
        Files.writeString(html, "<html lang=\"en\"><body><p>The <b>summit</b> was held in summit city.</p>"
                + "</body></html>", StandardCharsets.UTF_8);
        long id = documents.importFile(html, "codes.html", new ImportOptions(null, "en-US"), "test").document().id();
        Segment segment = documents.segments(id).getFirst();
        assertThat(segment.target().codes()).hasSize(2);

        assertThat(findReplace.find(id, FindQuery.plain("The summit")).segmentCount()).isZero();
        FindReplace.Replacement change = findReplace.previewOne(segment.id(), FindQuery.plain("summit"), "meeting");
        assertThat(change.after().plainText()).isEqualTo("The meeting was held in meeting city.");
        assertThat(change.after().codes()).containsExactlyElementsOf(segment.target().codes());
        assertThat(change.after().displayText()).contains("<b>meeting</b>");

        TestSecurity.runAs(context, "rita", () -> findReplace.replace(List.of(change), "rita"), "REVIEWER");
        assertThat(documents.segments(id).getFirst().target()).isEqualTo(change.after());
    }

    @Test
    void aRegexThatBacktracksForEverIsStoppedAndABadOneIsExplained() throws Exception {
        long id = importText("slow.txt", "a".repeat(60));
        long start = System.nanoTime();
        // Java's engine copes with (a+)+b, not with this one: it would run for hours on 60 characters
        assertThatThrownBy(() -> findReplace.find(id, new FindQuery("(.*a){12}x", Mode.REGEX, true, null)))
                .isInstanceOf(FindRejectedException.class).hasMessageContaining("took longer than");
        assertThat((System.nanoTime() - start) / 1_000_000_000.0).isLessThan(10);

        assertThatThrownBy(() -> findReplace.find(id, new FindQuery("(unclosed", Mode.REGEX, false, null)))
                .isInstanceOf(FindRejectedException.class).hasMessageContaining("not valid");
        assertThatThrownBy(() -> findReplace.find(id, FindQuery.plain("")))
                .isInstanceOf(FindRejectedException.class);
    }

    @Test
    void viewersAndTerminologistsFindButDoNotReplace() throws Exception {
        long id = importText("viewer.txt", "Replace me.");
        FindReplace.Preview preview = findReplace.preview(id, FindQuery.plain("me"), "you", false);
        assertThat(TestSecurity.runAs(context, "vic", () -> findReplace.find(id, FindQuery.plain("me")), "VIEWER")
                .segmentCount()).isEqualTo(1);
        assertThatThrownBy(() -> TestSecurity.runAs(context, "vic",
                () -> findReplace.replace(preview.replacements(), "vic"), "VIEWER"))
                .isInstanceOf(AccessDeniedException.class);
        // terminologists edit the glossary, not targets
        assertThatThrownBy(() -> TestSecurity.runAs(context, "tess",
                () -> findReplace.replace(preview.replacements(), "tess"), "TERMINOLOGIST"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(EnumSet.copyOf(new FindQuery("x", null, false, null).fields())).isEqualTo(EnumSet.allOf(Field.class));
    }

    private long importText(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return documents.importFile(file, name, new ImportOptions(null, "en-US"), "test").document().id();
    }
}
