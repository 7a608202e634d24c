package org.postedit.workbench.review;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every shortcut of the review view, in one list: the segment editor gets its key map from here
 * ({@link #editorKeymapJson()}), the view registers its page-wide keys from here, and the help overlay lists them
 * from here, so the keys and their description cannot drift apart.
 *
 * <p>Keys are written as the editor matches them: modifiers {@code Mod} (Ctrl, or Cmd on a Mac), {@code Alt},
 * {@code Shift}, then the key ({@code S}, {@code 1}, {@code /}, {@code Enter}, {@code ArrowDown}, {@code F9}).
 */
public enum ReviewShortcut {

    MOVE(Scope.GRID, null, "move", "Move between rows", "ArrowUp", "ArrowDown"),
    PAGE(Scope.GRID, null, "page", "Page through the rows", "PageUp", "PageDown"),
    EDIT(Scope.GRID, null, "edit", "Edit the focused row", "Enter"),
    CONFIRM(Scope.EDITOR, "confirm", "confirm & next",
            "Confirm (the highest status your roles allow) and go to the next segment", "Mod+Enter"),
    SAVE(Scope.PAGE, "save", "save", "Save the text without confirming; stay in the segment", "Mod+S"),
    CANCEL(Scope.EDITOR, "cancel", "leave", "Leave the segment without saving", "Escape"),
    PREVIOUS(Scope.EDITOR, "previous", "previous", "Previous segment (asks first when there are unsaved changes)",
            "Mod+ArrowUp"),
    NEXT(Scope.EDITOR, "next", "next", "Next segment (asks first when there are unsaved changes)", "Mod+ArrowDown"),
    NEXT_UNCONFIRMED(Scope.EDITOR, "next-unconfirmed", "next unconfirmed",
            "Next unconfirmed segment: one your roles could still confirm", "Mod+Shift+ArrowDown"),
    COPY_MT(Scope.EDITOR, "copy-mt", "copy MT", "Copy the MT to the target", "Mod+Shift+M"),
    COPY_SOURCE(Scope.EDITOR, "copy-source", "copy source",
            "Copy the source to the target (its tags become the target's tags)", "Mod+Shift+S"),
    INSERT_CODE(Scope.EDITOR, "insert-code", "next tag",
            "Move the next tag (in the order the tags had when the segment was opened) to the caret", "F9", "Alt+T"),
    UNDO(Scope.EDITOR, "undo", "undo", "Undo in the editor", "Mod+Z"),
    REDO(Scope.EDITOR, "redo", "redo", "Redo in the editor", "Mod+Y", "Mod+Shift+Z"),
    LINE_BREAK(Scope.EDITOR, "line-break", "line break", "Line break inside the segment", "Shift+Enter"),
    APPLY_SUGGESTION(Scope.EDITOR, "apply-suggestion", "apply suggestion",
            "Apply the first suggestion of the underlined issue at the caret (Alt+1…9: the n-th)",
            "Alt+Enter", "Alt+1", "Alt+2", "Alt+3", "Alt+4", "Alt+5", "Alt+6", "Alt+7", "Alt+8", "Alt+9"),
    ADD_TERM(Scope.EDITOR, "add-term", "add term", "Add the selected text to the glossary", "Mod+Shift+G"),
    // Trados' split key; Ctrl+T / Ctrl+Shift+T (memoQ) belong to the browser's tabs, Ctrl+Shift+J to its console
    SPLIT(Scope.EDITOR, "split", "split",
            "Split the segment at the caret (saves your edit first); the second part becomes the next segment",
            "Alt+Shift+T"),
    MERGE(Scope.EDITOR, "merge", "merge with next",
            "Merge the segment with the next one (saves your edit first; in bilingual files only within a unit)",
            "Alt+Shift+J"),
    // handled by the view (a Vaadin shortcut), so the editor's key map does not take it: no action
    NEXT_ISSUE(Scope.GRID, null, "next issue",
            "Next / previous segment with open check issues (in the grid or the editor, without saving)", "F8",
            "Shift+F8"),
    FIND_REPLACE(Scope.PAGE, "find-replace", "find & replace", "Find and replace in the document", "Mod+H"),
    HELP(Scope.PAGE, "help", "all shortcuts", "Show these shortcuts", "F1", "Mod+/");

    /** Where a shortcut works: grid keys are the grid's own; page keys work in the editor and anywhere on the page. */
    public enum Scope { GRID, EDITOR, PAGE }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Scope scope;
    private final String action;
    private final String brief;
    private final String description;
    private final List<String> keys;

    ReviewShortcut(Scope scope, String action, String brief, String description, String... keys) {
        this.scope = scope;
        this.action = action;
        this.brief = brief;
        this.description = description;
        this.keys = List.of(keys);
    }

    public Scope scope() {
        return scope;
    }

    /** The editor's name for what the keys do (null for grid keys, which the editor never sees). */
    public String action() {
        return action;
    }

    /** Two or three words for the line of shortcuts above the grid. */
    public String brief() {
        return brief;
    }

    public String description() {
        return description;
    }

    /** The combinations as the editor matches them, e.g. {@code Mod+Shift+S}. */
    public List<String> keys() {
        return keys;
    }

    /** The keys as a person reads them: {@code Ctrl+Shift+S}, digits runs shortened to {@code Alt+1…9}. */
    public String label() {
        return keys.stream().filter(k -> !k.matches("Alt\\+[2-9]"))
                .map(k -> k.equals("Alt+1") ? "Alt+1…9" : readable(k))
                .collect(Collectors.joining(" / "));
    }

    private static String readable(String combo) {
        return combo.replace("Mod+", "Ctrl+").replace("ArrowUp", "↑").replace("ArrowDown", "↓")
                .replace("Escape", "Esc").replace("PageUp", "PgUp").replace("PageDown", "PgDn");
    }

    public static ReviewShortcut ofAction(String action) {
        return Arrays.stream(values()).filter(s -> s.action != null && s.action.equals(action)).findFirst()
                .orElse(null);
    }

    /** The editor's key map: every editor and page shortcut with its action. */
    public static String editorKeymapJson() {
        ArrayNode map = JSON.createArrayNode();
        for (ReviewShortcut shortcut : values()) {
            if (shortcut.action != null) {
                ObjectNode entry = map.addObject();
                ArrayNode keys = entry.putArray("keys");
                shortcut.keys.forEach(keys::add);
                entry.put("action", shortcut.action);
            }
        }
        return JSON.writeValueAsString(map);
    }
}
