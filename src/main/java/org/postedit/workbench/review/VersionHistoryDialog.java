package org.postedit.workbench.review;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.TaggedText;

/**
 * Every version of a segment, newest first, each with a word-level diff against the version before it and
 * against the MT; any version can be brought back (as a new version).
 */
class VersionHistoryDialog extends Dialog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(Locale.UK).withZone(ZoneId.systemDefault());

    VersionHistoryDialog(Segment segment, List<SegmentVersion> versions, boolean canRevert,
                         Consumer<Integer> revert) {
        setHeaderTitle("History of segment " + segment.ordinal());
        setWidth("min(60rem, 95vw)");
        addClassName("version-history");
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        String mt = segment.mt().displayText();
        for (int i = versions.size() - 1; i >= 0; i--) {
            SegmentVersion version = versions.get(i);
            String previous = i == 0 ? mt : versions.get(i - 1).target().displayText();
            list.add(entry(version, previous, mt, canRevert && version.version() != segment.version(), revert));
        }
        list.add(mtEntry(segment.mt(), canRevert && !segment.target().equals(segment.mt()), revert));
        add(list);
        Button close = new Button("Close", e -> close());
        getFooter().add(close);
    }

    private Component entry(SegmentVersion version, String previous, String mt, boolean canRevert,
                            Consumer<Integer> revert) {
        Div card = new Div();
        card.addClassName("version-entry");
        Span title = new Span("Version " + version.version() + " · " + version.status().label() + " · "
                + version.author() + " · " + TIME.format(version.createdAt()));
        title.addClassName("version-title");
        HorizontalLayout head = new HorizontalLayout(title);
        head.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        if (canRevert) {
            Button back = new Button("Restore this text", e -> {
                close();
                revert.accept(version.version());
            });
            back.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            head.add(back);
        }
        card.add(head);
        if (version.comment() != null) {
            Div comment = new Div("“" + version.comment() + "”");
            comment.addClassName("version-comment");
            card.add(comment);
        }
        String text = version.target().displayText();
        List<WordDiff.Part> sincePrevious = WordDiff.between(previous, text);
        card.add(labelled("Change", diff(sincePrevious)));
        if (!previous.equals(mt)) {
            card.add(labelled("Against the MT", diff(WordDiff.between(mt, text))));
        }
        return card;
    }

    private Component mtEntry(TaggedText mt, boolean canRevert, Consumer<Integer> revert) {
        Div card = new Div();
        card.addClassName("version-entry");
        Span title = new Span("Version 0 · machine translation as imported");
        title.addClassName("version-title");
        HorizontalLayout head = new HorizontalLayout(title);
        if (canRevert) {
            Button back = new Button("Restore the MT", e -> {
                close();
                revert.accept(0);
            });
            back.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            head.add(back);
        }
        card.add(head, new Div(mt.displayText()));
        return card;
    }

    private static Component labelled(String label, Component content) {
        Div row = new Div();
        Span name = new Span(label + ": ");
        name.addClassName("version-label");
        row.add(name, content);
        return row;
    }

    private static Component diff(List<WordDiff.Part> parts) {
        return DiffText.of(parts);
    }
}
