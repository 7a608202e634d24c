package org.postedit.workbench.review;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import org.postedit.workbench.document.Segment;

/**
 * The comment thread of the selected segment, beside the grid: every comment with its author and time, resolved
 * ones faded with who resolved them; a field to add one and a button to resolve each (not for viewers).
 */
public class CommentsPanel extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final SegmentComments comments;
    private final boolean canWrite;
    private final Supplier<String> user;
    private final Runnable changed;
    private final Div thread = new Div();
    private final TextArea text = new TextArea();
    private final Button add = new Button("Comment");
    private Segment segment;

    /**
     * @param canWrite false for viewers: they read the thread only
     * @param changed  told after a comment was added or resolved (the grid's counts)
     */
    public CommentsPanel(SegmentComments comments, boolean canWrite, Supplier<String> user, Runnable changed) {
        this.comments = comments;
        this.canWrite = canWrite;
        this.user = user;
        this.changed = changed;
        addClassName("comments-panel");
        setPadding(false);
        setSpacing(false);
        setWidth("19rem");
        thread.addClassName("comment-thread");
        text.setPlaceholder("Add a comment");
        text.setAriaLabel("New comment");
        text.setWidthFull();
        text.setMaxLength(SegmentComments.MAX_LENGTH);
        add.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> addComment());
        add(new H4("Comments"), thread);
        if (canWrite) {
            add(text, add);
        }
        show(null);
    }

    /** Shows the thread of a segment (null: none selected). */
    public void show(Segment segment) {
        this.segment = segment;
        thread.removeAll();
        text.setEnabled(segment != null);
        add.setEnabled(segment != null);
        if (segment == null) {
            thread.add(empty("Select a segment to see its comments."));
            return;
        }
        var list = comments.thread(segment.id());
        if (list.isEmpty()) {
            thread.add(empty("No comments on segment " + segment.ordinal() + "."));
        }
        list.forEach(c -> thread.add(comment(c)));
    }

    public Segment segment() {
        return segment;
    }

    private void addComment() {
        if (segment == null) {
            return;
        }
        try {
            comments.add(segment.id(), text.getValue(), user.get());
            text.clear();
            show(segment);
            changed.run();
        } catch (SegmentEditRejectedException e) {
            Notification.show(e.getMessage());
        }
    }

    private Component comment(SegmentComment c) {
        Div row = new Div();
        row.addClassName("comment");
        if (c.resolved()) {
            row.addClassName("comment-resolved");
        }
        Span meta = new Span(c.author() + " · " + TIME.format(c.createdAt()));
        meta.addClassName("comment-meta");
        Div body = new Div(c.text());
        body.addClassName("comment-text");
        row.add(meta, body);
        if (c.resolved()) {
            Span resolved = new Span("Resolved by " + c.resolvedBy() + " · " + TIME.format(c.resolvedAt()));
            resolved.addClassName("comment-meta");
            row.add(resolved);
        } else if (canWrite) {
            Button resolve = new Button("Resolve", e -> {
                comments.resolve(c.id(), user.get());
                show(segment);
                changed.run();
            });
            resolve.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            resolve.addClassName("resolve-comment");
            row.add(resolve);
        }
        return row;
    }

    private static Span empty(String message) {
        Span none = new Span(message);
        none.addClassName("term-empty");
        return none;
    }

    /** The grid's comment cell: an icon with the number of open comments (all resolved: a faded icon). */
    public static Component badge(CommentCount count, Runnable open) {
        if (count.total() == 0) {
            return new Span();
        }
        Button badge = new Button(String.valueOf(count.open() > 0 ? count.open() : count.total()),
                VaadinIcon.COMMENT.create(), e -> open.run());
        badge.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        badge.addClassName(count.open() > 0 ? "comments-open" : "comments-resolved");
        String description = count.open() > 0 ? count.open() + " open of " + count.total() + " comments"
                : count.total() + " comments, all resolved";
        badge.setTooltipText(description);
        badge.setAriaLabel(description);
        return badge;
    }
}
