package org.postedit.workbench.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.postedit.workbench.document.InlineCode;
import org.postedit.workbench.document.SegmentStatus;
import org.postedit.workbench.document.TaggedText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReviewShortcutTest {

    @Test
    void everyKeyCombinationMeansOneThingAndEveryEditorShortcutIsInTheKeymap() {
        Set<String> seen = new HashSet<>();
        for (ReviewShortcut shortcut : ReviewShortcut.values()) {
            for (String combo : shortcut.keys()) {
                assertThat(seen.add(combo)).as(combo + " is used twice").isTrue();
            }
        }
        JsonNode keymap = JsonMapper.builder().build().readTree(ReviewShortcut.editorKeymapJson());
        Set<String> actions = new HashSet<>();
        keymap.forEach(entry -> actions.add(entry.get("action").asString()));
        for (ReviewShortcut shortcut : ReviewShortcut.values()) {
            if (shortcut.scope() != ReviewShortcut.Scope.GRID) {
                assertThat(actions).contains(shortcut.action());
                assertThat(ReviewShortcut.ofAction(shortcut.action())).isEqualTo(shortcut);
            }
        }
        assertThat(ReviewShortcut.ofAction("no-such-thing")).isNull();
    }

    @Test
    void labelsReadAsKeysOnAKeyboard() {
        assertThat(ReviewShortcut.SAVE.label()).isEqualTo("Ctrl+S");
        assertThat(ReviewShortcut.HELP.label()).isEqualTo("F1 / Ctrl+/");
        assertThat(ReviewShortcut.APPLY_SUGGESTION.label()).isEqualTo("Alt+Enter / Alt+1…9");
        assertThat(ReviewShortcut.NEXT_UNCONFIRMED.label()).isEqualTo("Ctrl+Shift+↓");
        assertThat(ShortcutHelpDialog.vaadinKey("S").getKeys()).contains("KeyS");
        assertThat(ShortcutHelpDialog.vaadinKey("/").getKeys()).contains("Slash");
    }

    @Test
    void copyingTheSourceKeepsTheTargetsOwnCodes() {
        InlineCode sourceOpen = new InlineCode(1, InlineCode.Kind.OPENING, "bold", "<b>", "<b>");
        InlineCode sourceClose = new InlineCode(1, InlineCode.Kind.CLOSING, "bold", "</b>", "</b>");
        InlineCode sourceOnly = new InlineCode(7, InlineCode.Kind.STANDALONE, "br", "<br/>", "<br/>");
        InlineCode targetOpen = new InlineCode(1, InlineCode.Kind.OPENING, "bold", "<g id='1'>", "<b>");
        InlineCode targetClose = new InlineCode(1, InlineCode.Kind.CLOSING, "bold", "</g>", "</b>");
        InlineCode targetOnly = new InlineCode(3, InlineCode.Kind.STANDALONE, "x", "<x id='3'/>", "<x/>");
        TaggedText source = TaggedText.fromRuns(java.util.List.of(TaggedText.Run.text("开放"),
                TaggedText.Run.code(sourceOpen), TaggedText.Run.text("原子"), TaggedText.Run.code(sourceClose),
                TaggedText.Run.code(sourceOnly)));
        TaggedText target = TaggedText.fromRuns(java.util.List.of(TaggedText.Run.code(targetOnly),
                TaggedText.Run.text("Open "), TaggedText.Run.code(targetOpen), TaggedText.Run.text("Atom"),
                TaggedText.Run.code(targetClose)));

        TaggedText copied = SourceCopy.intoTarget(source, target);

        assertThat(copied.plainText()).isEqualTo("开放原子");
        assertThat(copied.codes()).containsExactly(targetOpen, targetClose, targetOnly);
        assertThat(CodeIntegrity.problems(target, copied)).isEmpty();
        assertThat(SourceCopy.intoTarget(null, target)).isEqualTo(target);
    }

    @Test
    void unconfirmedMeansBelowWhatTheUserWouldConfirm() {
        assertThat(UnconfirmedSegments.below(SegmentStatus.EDITED))
                .containsExactlyInAnyOrder(SegmentStatus.NEW, SegmentStatus.REJECTED);
        assertThat(UnconfirmedSegments.below(SegmentStatus.REVIEWED))
                .containsExactlyInAnyOrder(SegmentStatus.NEW, SegmentStatus.EDITED, SegmentStatus.REJECTED);
        assertThat(UnconfirmedSegments.below(SegmentStatus.APPROVED)).doesNotContain(SegmentStatus.APPROVED)
                .contains(SegmentStatus.REVIEWED);
    }
}
