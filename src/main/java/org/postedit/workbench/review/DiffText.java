package org.postedit.workbench.review;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;

/** A word diff as text with the inserted words marked green and the deleted ones struck through in red. */
public final class DiffText {

    private DiffText() {
    }

    public static Component of(List<WordDiff.Part> parts) {
        Span text = new Span();
        text.addClassName("segment-text");
        for (WordDiff.Part part : parts) {
            Span piece = new Span(part.text());
            switch (part.kind()) {
                case INSERTED -> piece.addClassName("diff-ins");
                case DELETED -> piece.addClassName("diff-del");
                case SAME -> { }
            }
            text.add(piece);
        }
        if (parts.stream().allMatch(p -> p.kind() == WordDiff.Part.Kind.SAME)) {
            Span same = new Span(" (text unchanged)");
            same.addClassName("version-label");
            text.add(same);
        }
        return text;
    }
}
