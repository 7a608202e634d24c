package org.postedit.workbench.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.InlineCode;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SegmentFilter;
import org.postedit.workbench.document.SegmentStatus;
import org.postedit.workbench.document.TaggedText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/** Splitting and merging segments on a real H2 database: texts, ordinals, history and the refusals. */
@SpringBootTest
@ActiveProfiles("test")
// the service checks the signed-in user: these tests split, merge and approve as an approver
@WithMockUser(username = "ann", roles = "APPROVER")
class SplitMergeTest {

    @Autowired
    DocumentService documents;
    @Autowired
    ReviewService review;

    @TempDir
    Path dir;

    @Test
    void aSplitKeepsTheFirstPartAndInsertsTheSecondRightAfterIt() throws Exception {
        long id = importText("split.txt", "Intro sentence here. The summit opened today, and the talks began."
                + " Closing words.\n\nNext paragraph.");
        List<Segment> before = documents.segments(id);
        assertThat(before).hasSize(4);
        Segment middle = before.get(1);
        int caret = "The summit opened today,".length();

        ReviewService.Split split = review.split(middle.id(), middle.version(), caret, "ann");

        assertThat(split.first().target().coded()).isEqualTo("The summit opened today,");
        assertThat(split.first().mt().coded()).isEqualTo("The summit opened today,");
        assertThat(split.first().version()).isEqualTo(middle.version() + 1);
        assertThat(split.first().spaceAfter()).isEqualTo(" ");
        assertThat(split.second().target().coded()).isEqualTo("and the talks began.");
        assertThat(split.second().mt().coded()).isEqualTo("and the talks began.");
        assertThat(split.second().ordinal()).isEqualTo(middle.ordinal() + 1);
        assertThat(split.second().unitId()).isEqualTo(middle.unitId());
        assertThat(split.second().segmentKey()).isNotEqualTo(middle.segmentKey());
        assertThat(split.second().fileSegmentKey()).isEqualTo(middle.segmentKey());
        assertThat(split.second().spaceAfter()).isEqualTo(middle.spaceAfter());
        assertThat(split.second().status()).isEqualTo(middle.status());

        List<Segment> after = documents.segments(id);
        assertThat(after).extracting(s -> s.target().plainText()).containsExactly("Intro sentence here.",
                "The summit opened today,", "and the talks began.", "Closing words.", "Next paragraph.");
        assertThat(after).extracting(Segment::ordinal).containsExactly(1, 2, 3, 4, 5);
        assertThat(documents.count(id, SegmentFilter.ALL)).isEqualTo(5);
        assertThat(documents.page(id, SegmentFilter.ALL, 0, 50)).isEqualTo(after);

        assertThat(review.history(middle.id())).singleElement().satisfies(v -> {
            assertThat(v.comment()).isEqualTo("split: second part is #3");
            assertThat(v.target().coded()).isEqualTo("The summit opened today,");
            assertThat(v.author()).isEqualTo("ann");
        });
        assertThat(review.history(split.second().id())).singleElement().satisfies(v -> {
            assertThat(v.version()).isEqualTo(1);
            assertThat(v.comment()).isEqualTo("split from #2 (its second part)");
            assertThat(v.target().coded()).isEqualTo("and the talks began.");
        });

        // the new segment is a segment like any other: it saves at its version
        Segment saved = review.save(split.second().id(), 1, TaggedText.plain("And the talks began."), "bob");
        assertThat(saved.version()).isEqualTo(2);
    }

    @Test
    void splittingTwiceAndDeepInALongDocumentKeepsOrdinalsGaplessAndPagesOneRange() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 120; i++) {
            text.append("Sentence ").append(i).append(" has two halves, like this one.\n\n");
        }
        long id = importText("long.txt", text.toString());
        Segment s100 = documents.page(id, SegmentFilter.ALL, 99, 1).getFirst();
        review.split(s100.id(), s100.version(), "Sentence 100 has two halves,".length(), "ann");
        Segment s5 = documents.page(id, SegmentFilter.ALL, 4, 1).getFirst();
        ReviewService.Split again = review.split(s5.id(), s5.version(), "Sentence 5 has".length(), "ann");
        review.split(again.second().id(), again.second().version(), "two halves,".length(), "ann");

        List<Segment> all = documents.segments(id);
        assertThat(all).hasSize(123);
        assertThat(all).extracting(Segment::ordinal).containsExactlyElementsOf(IntStream.rangeClosed(1, 123).boxed()
                .toList());
        assertThat(documents.count(id, SegmentFilter.ALL)).isEqualTo(123);
        assertThat(all.subList(4, 8)).extracting(s -> s.target().plainText()).containsExactly("Sentence 5 has",
                "two halves,", "like this one.", "Sentence 6 has two halves, like this one.");
        assertThat(all.subList(4, 7)).extracting(Segment::segmentKey).doesNotHaveDuplicates();
        assertThat(documents.page(id, SegmentFilter.ALL, 100, 5)).extracting(s -> s.target().plainText())
                .containsExactly("Sentence 99 has two halves, like this one.", "Sentence 100 has two halves,",
                        "like this one.", "Sentence 101 has two halves, like this one.",
                        "Sentence 102 has two halves, like this one.");
        assertThat(documents.page(id, SegmentFilter.ALL, 120, 50)).hasSize(3);
    }

    @Test
    void anEditedTargetSplitsTheMtAtTheNearestBoundary() throws Exception {
        long id = importText("edited.txt", "The summit opened in Beijing; talks began at once, said the host.");
        Segment segment = documents.segments(id).getFirst();
        Segment edited = review.save(segment.id(), segment.version(),
                TaggedText.plain("A summit opened in Beijing. Talks began at once, the host said."), "ann");

        ReviewService.Split split = review.split(edited.id(), edited.version(),
                "A summit opened in Beijing. ".length(), "ann");

        assertThat(split.first().target().coded()).isEqualTo("A summit opened in Beijing.");
        assertThat(split.second().target().coded()).isEqualTo("Talks began at once, the host said.");
        assertThat(split.first().spaceAfter()).isEqualTo(" ");
        // the target's start is no longer the MT's: the MT splits at the clause mark nearest the same place
        assertThat(split.first().mt().coded()).isEqualTo("The summit opened in Beijing;");
        assertThat(split.second().mt().coded()).isEqualTo("talks began at once, said the host.");
    }

    @Test
    void runTogetherSentencesGetASpaceBetweenTheirParts() {
        TaggedText glued = TaggedText.plain("Version 2.The talks began.");
        Segment segment = new Segment(1, 1, 1, "u", "0", null, glued, glued, SegmentStatus.NEW, false, null, 0, null,
                null, "", null);
        SegmentSplit.Result split = SegmentSplit.at(segment, "Version 2.".length());
        assertThat(split.head().target().coded()).isEqualTo("Version 2.");
        assertThat(split.tail().target().coded()).isEqualTo("The talks began.");
        assertThat(split.spaceAfter()).isEqualTo(" ");
        assertThat(split.tail().mt().coded()).isEqualTo("The talks began.");
    }

    @Test
    void aSourceSplitsAtItsSentenceEndNearestTheTargetSplit() {
        Segment segment = new Segment(1, 1, 1, "u", "0", TaggedText.plain("会议开幕了。代表们发言，然后离开。"),
                TaggedText.plain("The meeting opened. Delegates spoke, then left."),
                TaggedText.plain("The meeting opened. Delegates spoke, then left."), SegmentStatus.NEW, false, null,
                0, null, null, "", null);
        SegmentSplit.Result split = SegmentSplit.at(segment, "The meeting opened.".length());
        assertThat(split.head().source().coded()).isEqualTo("会议开幕了。");
        assertThat(split.tail().source().coded()).isEqualTo("代表们发言，然后离开。");
        assertThat(split.spaceAfter()).isEqualTo(" ");
    }

    @Test
    void tagsGoWithTheirPartAndAPairIsNeverTornApart() throws Exception {
        long id = importFile("page.html", "<html lang=\"en\"><body><p>The <b>summit</b> opened, and the"
                + " <i>talks</i> began.</p></body></html>");
        Segment segment = documents.segments(id).getFirst();
        assertThat(segment.target().codes()).hasSize(4);
        // caret inside "summit" (each tag counts one): "The " + <b> + "sum"
        assertThatThrownBy(() -> review.split(segment.id(), segment.version(), 4 + 1 + 3, "ann"))
                .isInstanceOf(SegmentEditRejectedException.class)
                .hasMessageContaining("between the tags");
        assertThat(review.history(segment.id())).isEmpty();

        // "The " + <b> + "summit" + </b> + " opened," = 4 + 1 + 6 + 1 + 8
        ReviewService.Split split = review.split(segment.id(), segment.version(), 20, "ann");
        assertThat(split.first().target().displayText()).isEqualTo("The <b>summit</b> opened,");
        assertThat(split.first().target().codes()).extracting(InlineCode::data).containsExactly("<b>", "</b>");
        assertThat(split.second().target().codes()).extracting(InlineCode::data).containsExactly("<i>", "</i>");
        assertThat(split.second().mt().codes()).extracting(InlineCode::data).containsExactly("<i>", "</i>");
        assertThat(documents.segments(id)).extracting(s -> s.target().plainText())
                .containsExactly("The summit opened,", "and the talks began.");
        // each part saves with its own tags, which the code check takes from its MT part
        Segment second = split.second();
        review.save(second.id(), second.version(), second.target(), "ann");
        assertThatThrownBy(() -> review.save(second.id(), second.version() + 1, TaggedText.plain("no tags"), "ann"))
                .isInstanceOf(SegmentEditRejectedException.class);
    }

    @Test
    void approvedLockedStaleAndEdgeSplitsAreRefused() throws Exception {
        long id = importText("refused.txt", "First sentence, with a comma. Second sentence, also one.");
        List<Segment> segments = documents.segments(id);
        Segment approved = review.approve(segments.get(0).id(), segments.get(0).version(), "admin");
        assertThatThrownBy(() -> review.split(approved.id(), approved.version(), 6, "ann"))
                .isInstanceOf(SegmentEditRejectedException.class).hasMessageContaining("approved");

        Segment second = segments.get(1);
        assertThatThrownBy(() -> review.split(second.id(), second.version() + 5, 7, "ann"))
                .isInstanceOf(StaleSegmentException.class);
        assertThatThrownBy(() -> review.split(second.id(), second.version(), 0, "ann"))
                .isInstanceOf(SegmentEditRejectedException.class).hasMessageContaining("both parts");
        assertThatThrownBy(() -> review.split(second.id(), second.version(), 500, "ann"))
                .isInstanceOf(SegmentEditRejectedException.class).hasMessageContaining("outside the target");
        assertThat(documents.segments(id)).hasSize(2);
        assertThat(review.history(second.id())).isEmpty();
    }

    @Test
    void aLockedSegmentIsNotSplit() throws Exception {
        long id = importFile("locked.xlf", """
                <?xml version="1.0" encoding="UTF-8"?>
                <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
                 <file original="a.txt" source-language="zh-CN" target-language="en-US" datatype="plaintext"><body>
                  <trans-unit id="locked" translate="no"><source>开源 鸿蒙</source><target>Open Harmony</target></trans-unit>
                 </body></file>
                </xliff>""");
        Segment locked = documents.segments(id).getFirst();
        assertThat(locked.locked()).isTrue();
        assertThatThrownBy(() -> review.split(locked.id(), locked.version(), 5, "ann"))
                .isInstanceOf(SegmentEditRejectedException.class).hasMessageContaining("locked");
    }

    @Test
    void aBilingualSplitStaysInItsUnitAndSplitsTheSource() throws Exception {
        long id = importFile("two.xlf", """
                <?xml version="1.0" encoding="UTF-8"?>
                <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
                 <file original="a.txt" source-language="zh-CN" target-language="en-US" datatype="plaintext"><body>
                  <trans-unit id="u1"><source>会议开幕了。代表们发言。</source><target>The meeting opened. Delegates spoke.</target></trans-unit>
                  <trans-unit id="u2"><source>结束。</source><target>The end.</target></trans-unit>
                 </body></file>
                </xliff>""");
        Segment first = documents.segments(id).getFirst();
        ReviewService.Split split = review.split(first.id(), first.version(), "The meeting opened. ".length(), "ann");
        assertThat(split.first().source().coded()).isEqualTo("会议开幕了。");
        assertThat(split.second().source().coded()).isEqualTo("代表们发言。");
        assertThat(split.second().unitId()).isEqualTo("u1");
        assertThat(documents.segments(id)).extracting(Segment::unitId).containsExactly("u1", "u1", "u2");
    }

    @Test
    void theSplitSegmentKeepsItsStatus() throws Exception {
        long id = importText("status.txt", "Reviewed text, in two parts.");
        Segment segment = documents.segments(id).getFirst();
        Segment rejected = review.reject(segment.id(), segment.version(), "ann", "Too literal.");
        ReviewService.Split split = review.split(rejected.id(), rejected.version(), "Reviewed text,".length(), "ann");
        assertThat(split.first().status()).isEqualTo(SegmentStatus.REJECTED);
        assertThat(split.second().status()).isEqualTo(SegmentStatus.REJECTED);
    }

    @Test
    void aMergeJoinsTheNextSegmentAndRetiresItWithItsHistory() throws Exception {
        long id = importText("merge.txt", "First sentence here. Second one, edited. Third stays.\n\nOther paragraph.");
        List<Segment> before = documents.segments(id);
        assertThat(before).hasSize(4);
        Segment second = review.save(before.get(1).id(), before.get(1).version(),
                TaggedText.plain("Second one, now edited."), "bob");

        Segment merged = review.merge(before.get(0).id(), before.get(0).version(), second.version(), "ann");

        assertThat(merged.target().coded()).isEqualTo("First sentence here. Second one, now edited.");
        assertThat(merged.mt().coded()).isEqualTo("First sentence here. Second one, edited.");
        assertThat(merged.status()).isEqualTo(SegmentStatus.EDITED);  // new + edited: nobody confirmed the whole
        assertThat(merged.spaceAfter()).isEqualTo(second.spaceAfter());
        assertThat(merged.version()).isEqualTo(before.get(0).version() + 1);

        List<Segment> after = documents.segments(id);
        assertThat(after).extracting(s -> s.target().plainText()).containsExactly(
                "First sentence here. Second one, now edited.", "Third stays.", "Other paragraph.");
        assertThat(after).extracting(Segment::ordinal).containsExactly(1, 2, 3);
        assertThat(documents.count(id, SegmentFilter.ALL)).isEqualTo(3);
        assertThat(documents.page(id, SegmentFilter.ALL, 0, 10)).isEqualTo(after);
        assertThat(documents.page(id, new SegmentFilter(java.util.Set.of(SegmentStatus.EDITED), "", false), 0, 10))
                .extracting(Segment::id).containsExactly(merged.id());
        assertThat(documents.page(id, new SegmentFilter(java.util.Set.of(), "now edited", false), 0, 10))
                .extracting(Segment::id).containsExactly(merged.id());

        assertThat(review.history(merged.id())).singleElement().satisfies(v -> {
            assertThat(v.comment()).isEqualTo("merged with #2");
            assertThat(v.author()).isEqualTo("ann");
        });
        // the absorbed segment keeps its history, closed by where its text went
        assertThat(review.history(second.id())).extracting(SegmentVersion::comment)
                .containsExactly(null, "merged into #1");
        assertThat(review.mergedInto(second.id())).map(Segment::id).contains(merged.id());
        Segment retired = review.segment(second.id());
        assertThatThrownBy(() -> review.save(retired.id(), retired.version(), TaggedText.plain("x"), "bob"))
                .isInstanceOf(SegmentEditRejectedException.class).hasMessageContaining("merged into segment 1");
        assertThatThrownBy(() -> review.merge(retired.id(), retired.version(), 0, "bob"))
                .isInstanceOf(SegmentEditRejectedException.class);
    }

    @Test
    void mergesAndSplitsInALongDocumentKeepOrdinalsGapless() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            text.append("Sentence ").append(i).append(" a. Sentence ").append(i).append(" b.\n\n");
        }
        long id = importText("long-merge.txt", text.toString());
        assertThat(documents.count(id, SegmentFilter.ALL)).isEqualTo(120);
        for (int ordinal : new int[] {101, 51, 1}) {
            Segment s = documents.page(id, SegmentFilter.ALL, ordinal - 1, 2).getFirst();
            Segment next = documents.page(id, SegmentFilter.ALL, ordinal, 1).getFirst();
            review.merge(s.id(), s.version(), next.version(), "ann");
        }
        Segment s10 = documents.page(id, SegmentFilter.ALL, 9, 1).getFirst();
        review.split(s10.id(), s10.version(), "Sentence".length(), "ann");

        List<Segment> all = documents.segments(id);
        assertThat(all).hasSize(118);
        assertThat(all).extracting(Segment::ordinal).containsExactlyElementsOf(IntStream.rangeClosed(1, 118).boxed()
                .toList());
        assertThat(documents.count(id, SegmentFilter.ALL)).isEqualTo(118);
        assertThat(all.getFirst().target().plainText()).isEqualTo("Sentence 1 a. Sentence 1 b.");
        // S1 merged (one less before it), S5 split (one more): sentence 26 is at ordinal 51
        assertThat(all.get(50).target().plainText()).isEqualTo("Sentence 26 a. Sentence 26 b.");
        assertThat(documents.page(id, SegmentFilter.ALL, 115, 10)).extracting(Segment::ordinal)
                .containsExactly(116, 117, 118);
        assertThat(documents.progress(id).counts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(118);
        assertThat(documents.progress(id).document().segmentCount()).isEqualTo(118);
    }

    @Test
    void aMonolingualMergeTakesTheNextParagraphsFirstSegmentIntoTheSurvivorsParagraph() throws Exception {
        long id = importText("across.txt", "One here. Two here.\n\nThree here. Four here.\n\nFive.");
        List<Segment> s = documents.segments(id);
        assertThat(s).hasSize(5);
        Segment two = s.get(1);
        Segment three = review.save(s.get(2).id(), s.get(2).version(), TaggedText.plain("Three, edited."), "bob");
        assertThat(two.spaceAfter()).isNotEqualTo(three.spaceAfter());  // what ends a paragraph, what goes on in one

        Segment merged = review.merge(two.id(), two.version(), three.version(), "ann");

        assertThat(merged.unitId()).isEqualTo(two.unitId());
        assertThat(merged.target().coded()).isEqualTo("Two here. Three, edited.");
        assertThat(merged.mt().coded()).isEqualTo("Two here. Three here.");
        assertThat(merged.source()).isNull();
        assertThat(merged.spaceAfter()).isEqualTo(two.spaceAfter());  // its paragraph still ends as it did
        assertThat(merged.status()).isEqualTo(SegmentStatus.EDITED);
        List<Segment> after = documents.segments(id);
        assertThat(after).extracting(x -> x.target().plainText()).containsExactly(
                "One here.", "Two here. Three, edited.", "Four here.", "Five.");
        assertThat(after).extracting(Segment::unitId).containsExactly(two.unitId(), two.unitId(),
                three.unitId(), s.get(4).unitId());
        assertThat(after).extracting(Segment::ordinal).containsExactly(1, 2, 3, 4);
        assertThat(review.history(merged.id())).extracting(SegmentVersion::comment).containsExactly("merged with #3");
        assertThat(review.history(three.id())).extracting(SegmentVersion::comment)
                .containsExactly(null, "merged into #2");
        assertThat(review.mergedInto(three.id())).map(Segment::id).contains(two.id());

        // a paragraph emptied by its last segment: the next merge takes the one after it
        Segment four = after.get(2);
        Segment longer = review.merge(merged.id(), merged.version(), four.version(), "ann");
        assertThat(longer.target().plainText()).isEqualTo("Two here. Three, edited. Four here.");
        Segment five = documents.segments(id).get(2);
        assertThat(review.merge(longer.id(), longer.version(), five.version(), "ann").target().plainText())
                .isEqualTo("Two here. Three, edited. Four here. Five.");
        assertThat(documents.segments(id)).hasSize(2);
    }

    @Test
    void acrossParagraphsCjkJoinsWithoutASpaceAndTaggedSegmentsStayInTheirParagraph() throws Exception {
        long cjk = importText("across-zh.txt", "第一段。\n\n第二段。");
        List<Segment> zh = documents.segments(cjk);
        Segment joined = review.merge(zh.get(0).id(), zh.get(0).version(), zh.get(1).version(), "ann");
        assertThat(joined.target().coded()).isEqualTo("第一段。第二段。");
        assertThat(joined.mt().coded()).isEqualTo("第一段。第二段。");

        long html = importFile("across.html", "<html lang=\"en\"><body><p>First paragraph.</p>"
                + "<p>The <b>second</b> one.</p><p>Third one.</p></body></html>");
        List<Segment> s = documents.segments(html);
        assertThat(s).hasSize(3);
        assertThatThrownBy(() -> review.merge(s.get(0).id(), s.get(0).version(), s.get(1).version(), "ann"))
                .isInstanceOf(SegmentEditRejectedException.class).hasMessageContaining("inline tags");
        // the survivor's own tags are no obstacle
        assertThat(review.merge(s.get(1).id(), s.get(1).version(), s.get(2).version(), "ann").target().plainText())
                .isEqualTo("The second one. Third one.");
    }

    @Test
    void mergesAreRefusedAtTheEndOnApprovedAndStale() throws Exception {
        long id = importText("refuse-merge.txt", "One here. Two here.\n\nThree here. Four here.");
        List<Segment> s = documents.segments(id);
        assertThatThrownBy(() -> review.merge(s.get(3).id(), s.get(3).version(), 0, "ann"))
                .isInstanceOf(SegmentEditRejectedException.class).hasMessageContaining("last one");
        assertThatThrownBy(() -> review.merge(s.get(0).id(), s.get(0).version(), s.get(1).version() + 3, "ann"))
                .isInstanceOf(StaleSegmentException.class)
                .satisfies(e -> assertThat(((StaleSegmentException) e).current().id()).isEqualTo(s.get(1).id()));
        Segment approved = review.approve(s.get(3).id(), s.get(3).version(), "admin");
        assertThatThrownBy(() -> review.merge(s.get(2).id(), s.get(2).version(), approved.version(), "ann"))
                .isInstanceOf(SegmentEditRejectedException.class).hasMessageContaining("approved");
        assertThat(documents.segments(id)).hasSize(4);
        assertThat(review.history(s.get(0).id())).isEmpty();
    }

    @Test
    void aBilingualMergeStaysInItsUnitAndJoinsTheSourceWithoutASpaceInChinese() throws Exception {
        long id = importFile("merge.xlf", """
                <?xml version="1.0" encoding="UTF-8"?>
                <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
                 <file original="a.txt" source-language="zh-CN" target-language="en-US" datatype="plaintext"><body>
                  <trans-unit id="u1"><source>一。二。</source><seg-source><mrk mtype="seg" mid="1">一。</mrk><mrk mtype="seg" mid="2">二。</mrk></seg-source><target><mrk mtype="seg" mid="1">One.</mrk><mrk mtype="seg" mid="2">Two.</mrk></target></trans-unit>
                  <trans-unit id="u2"><source>三。</source><target>Three.</target></trans-unit>
                 </body></file>
                </xliff>""");
        List<Segment> s = documents.segments(id);
        assertThatThrownBy(() -> review.merge(s.get(1).id(), s.get(1).version(), s.get(2).version(), "ann"))
                .isInstanceOf(SegmentEditRejectedException.class).hasMessageContaining("units");
        Segment merged = review.merge(s.get(0).id(), s.get(0).version(), s.get(1).version(), "ann");
        assertThat(merged.source().coded()).isEqualTo("一。二。");
        assertThat(merged.target().plainText()).startsWith("One.").endsWith("Two.");
        assertThat(documents.segments(id)).extracting(Segment::unitId).containsExactly("u1", "u2");
    }

    @Test
    void tagsOfBothPartsSurviveAMergeAndTheMergedSegmentSaves() throws Exception {
        long id = importFile("merge.html", "<html lang=\"en\"><body><p>The <b>summit</b> opened. The <i>talks</i>"
                + " began.</p></body></html>");
        List<Segment> s = documents.segments(id);
        assertThat(s).hasSize(2);
        Segment merged = review.merge(s.get(0).id(), s.get(0).version(), s.get(1).version(), "ann");
        assertThat(merged.target().displayText()).isEqualTo(s.get(0).target().displayText() + " "
                + s.get(1).target().displayText());
        assertThat(merged.target().codes()).hasSize(4);
        assertThat(merged.mt()).isEqualTo(merged.target());
        Segment saved = review.save(merged.id(), merged.version(), new TaggedText(merged.target().coded()
                .replace("began", "started"), merged.target().codes()), "ann");
        assertThat(saved.target().plainText()).isEqualTo("The summit opened. The talks started.");
    }

    private long importText(String name, String text) throws Exception {
        return importFile(name, text);
    }

    private long importFile(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return documents.importFile(file, name, new ImportOptions(null, "en-US"), "test").document().id();
    }
}
