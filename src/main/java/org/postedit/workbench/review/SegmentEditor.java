package org.postedit.workbench.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.shared.Registration;
import org.postedit.workbench.document.InlineCode;
import org.postedit.workbench.document.TaggedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The segment editor: one segment's text with its inline codes as atomic chips that can be moved but not lost,
 * issues drawn as underlines with their message and suggestions, and the reviewer's shortcuts raised as events.
 * The browser side is the web component {@code frontend/segment-editor.js}; the same component renders read-only
 * grid cells through {@link #readOnlyRenderer(ValueProvider)}.
 *
 * <h2>Value format between server and browser</h2>
 * The browser never sends HTML. The text travels as JSON runs, each either text or a code given by its index into
 * the code list of the text last passed to {@link #setValue(TaggedText)}:
 * <pre>{@code
 * value  = [{"t":"Press "},{"c":0},{"t":"Save"},{"c":1},{"t":" now."}]
 * codes  = [{"label":"<b>","kind":"OPENING","id":1},{"label":"</b>","kind":"CLOSING","id":1}]
 * issues = [{"offset":6,"length":4,"severity":"error","message":"...","suggestions":["..."]}]
 * }</pre>
 * The server keeps that code list (with each code's original data) and rebuilds the edited {@link TaggedText} with
 * {@link TaggedText#fromRuns(List)}, codes numbered in their new order. Issue offsets count characters of
 * {@link TaggedText#plainText()}.
 *
 * <h2>Codes</h2>
 * The browser keeps every code exactly once, but the server does not trust it: when a value refers to a code twice,
 * not at all, or to an unknown index, {@link #getValue()} still returns what was typed (unknown indexes dropped)
 * and {@link #isCodesIntact()}, {@link #missingCodes()}, {@link #duplicatedCodes()} and {@link #codeProblem()} tell
 * the view, so it can refuse the save with a clear message.
 *
 * <h2>Keys (in the browser)</h2>
 * The editor's key map comes from {@link ReviewShortcut}, the one list the help overlay shows. Keys the editor acts
 * on itself (undo, redo, line break, suggestions, insert the next tag) never reach the server; the others arrive as
 * the events below, {@link ShortcutEvent} for those without an event of their own. Plain Enter inserts nothing.
 *
 * <h2>Drafts</h2>
 * With a {@link #setDraftKey draft key} the browser keeps every unsaved edit in its local storage (runs JSON, never
 * HTML) and warns before the page is left; showing the same segment and version again raises
 * {@link DraftFoundEvent}, and {@link #restoreDraft()} brings the draft back. {@link #markClean()} after a save.
 */
@Tag("segment-editor")
@JsModule("./segment-editor.js")
public class SegmentEditor extends Component implements HasSize, Focusable<SegmentEditor> {

    private static final Logger log = LoggerFactory.getLogger(SegmentEditor.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** More than any real segment; a client sending more is not a browser we wrote. */
    private static final int MAX_VALUE_LENGTH = 1_000_000;
    private static final List<String> VALUE_EVENTS =
            List.of("segment-input", "segment-save", "segment-cancel", "segment-copy-mt", "segment-navigate",
                    "segment-add-term", "segment-shortcut");

    /** The text last set by the server: its codes are the list the browser refers to by index. */
    private TaggedText reference = TaggedText.EMPTY;
    private TaggedText value = TaggedText.EMPTY;
    /** The text as the server has it: set, saved, or knowingly dropped. */
    private TaggedText clean = TaggedText.EMPTY;
    /** The runs JSON of {@link #value} as the browser sent it, null when the server set the value. */
    private String valueJson;
    private List<InlineCode> missing = List.of();
    private List<InlineCode> duplicated = List.of();
    private int unknownCodes;

    public SegmentEditor() {
        getElement().setProperty("value", "[]");
        getElement().setProperty("codes", "[]");
        getElement().setProperty("keymap", ReviewShortcut.editorKeymapJson());
        // The browser sets its "value" property before it fires each of these events: syncing it keeps the
        // server's copy equal to the browser's without sending it back (which could overwrite newer typing).
        for (String event : VALUE_EVENTS) {
            getElement().addPropertyChangeListener("value", event, e -> {
                if (e.isUserOriginated() && e.getValue() instanceof String json) {
                    acceptClientValue(json);
                }
            });
        }
    }

    public SegmentEditor(TaggedText value) {
        this();
        setValue(value);
    }

    // ------------------------------------------------------------------ value

    /** Shows a new text; its code list becomes the one the browser's value refers to. Clears the issues. */
    public void setValue(TaggedText text) {
        TaggedText newValue = text == null ? TaggedText.EMPTY : text;
        reference = newValue;
        value = newValue;
        clean = newValue;
        valueJson = null;
        missing = List.of();
        duplicated = List.of();
        unknownCodes = 0;
        String codesJson = codesJson(newValue);
        String runsJson = runsJson(newValue);
        boolean sameAsBrowser = runsJson.equals(getElement().getProperty("value"))
                && codesJson.equals(getElement().getProperty("codes"));
        getElement().setProperty("codes", codesJson);
        getElement().setProperty("value", runsJson);
        getElement().setProperty("issues", "[]");
        if (sameAsBrowser) {
            // The server's copy equals the last value the browser sent, so the property change would not be sent;
            // the browser may have been typed into since: make it show this value anyway.
            getElement().executeJs("this.value = $0", runsJson);
        }
    }

    /** The text as last sent by the browser (or set by the server), codes in their new order. */
    public TaggedText getValue() {
        return value;
    }

    /** True when the value holds every code of the text last set, each exactly once, and no unknown code. */
    public boolean isCodesIntact() {
        return missing.isEmpty() && duplicated.isEmpty() && unknownCodes == 0;
    }

    /** Labels of the codes of the original text that the value lacks. */
    public List<String> missingCodes() {
        return missing.stream().map(InlineCode::label).toList();
    }

    /** Labels of the codes that the value holds more than once. */
    public List<String> duplicatedCodes() {
        return duplicated.stream().map(InlineCode::label).toList();
    }

    /** A sentence for the reviewer when the codes are not intact, else null. */
    public String codeProblem() {
        if (isCodesIntact()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add("missing tag" + (missing.size() > 1 ? "s " : " ") + String.join(" ", missingCodes()));
        }
        if (!duplicated.isEmpty()) {
            parts.add("doubled tag" + (duplicated.size() > 1 ? "s " : " ") + String.join(" ", duplicatedCodes()));
        }
        if (unknownCodes > 0) {
            parts.add(unknownCodes + " unknown tag" + (unknownCodes > 1 ? "s" : ""));
        }
        return "The text has " + String.join(", ", parts)
                + ". Every tag of the original must stay exactly once (Ctrl+Z undoes, Escape restores).";
    }

    public void setReadOnly(boolean readOnly) {
        getElement().setProperty("readonly", readOnly);
    }

    public boolean isReadOnly() {
        return getElement().getProperty("readonly", false);
    }

    public void setPlaceholder(String placeholder) {
        getElement().setProperty("placeholder", placeholder == null ? "" : placeholder);
    }

    public String getPlaceholder() {
        return getElement().getProperty("placeholder", "");
    }

    /** Underlines ranges of the plain text; an empty list clears them. Setting a new value also clears them. */
    public void setIssues(List<IssueMark> issues) {
        getElement().setProperty("issues", issuesJson(issues));
    }

    /** True when the text differs from the one last set by the server (as far as the browser has sent it). */
    public boolean isModified() {
        return !value.runs().equals(clean.runs());
    }

    /**
     * Names the stored draft of this text, e.g. segment id and version: a draft kept under the same key (a tab
     * closed or a session lost before saving) is offered back through {@link DraftFoundEvent}.
     */
    public void setDraftKey(String key) {
        getElement().setProperty("draftKey", key == null ? "" : key);
    }

    /** The text was saved (or knowingly dropped): nothing is unsaved any more, the stored draft is removed. */
    public void markClean() {
        clean = value;
        // the text saved, not whatever was typed since: that stays unsaved in the browser
        // the key too: a save changes the version, and with it the key, before this call runs in the browser
        getElement().callJsFunction("markClean", valueJson == null ? runsJson(reference) : valueJson,
                getElement().getProperty("draftKey", ""));
    }

    /** Puts the stored draft back into the editor; the browser then sends it as input. */
    public void restoreDraft() {
        getElement().callJsFunction("restoreDraft");
    }

    public void discardDraft() {
        getElement().callJsFunction("discardDraft");
    }

    /**
     * Replaces the whole text as an edit of the reviewer's (copy the MT or the source): it can be undone, counts as
     * unsaved, and is sent back as input. The new text's codes are matched to the codes of the text last set (the
     * same code, else the same kind and id); the browser puts any code the new text lacks at its end.
     */
    public void replaceAsEdit(TaggedText text) {
        ArrayNode runs = JSON.createArrayNode();
        List<InlineCode> codes = reference.codes();
        boolean[] used = new boolean[codes.size()];
        for (TaggedText.Run run : (text == null ? TaggedText.EMPTY : text).runs()) {
            if (run.code() == null) {
                runs.addObject().put("t", run.text());
                continue;
            }
            int index = indexOf(codes, used, run.code(), true);
            if (index < 0) {
                index = indexOf(codes, used, run.code(), false);
            }
            if (index >= 0) {
                used[index] = true;
                runs.addObject().put("c", index);
            }
        }
        getElement().callJsFunction("replaceText", JSON.writeValueAsString(runs));
    }

    private static int indexOf(List<InlineCode> codes, boolean[] used, InlineCode code, boolean exact) {
        for (int i = 0; i < codes.size(); i++) {
            InlineCode candidate = codes.get(i);
            if (!used[i] && (exact ? candidate.equals(code)
                    : candidate.kind() == code.kind() && candidate.id() == code.id())) {
                return i;
            }
        }
        return -1;
    }

    /** Moves the next inline code to the caret (see the web component for which one is next). */
    public void insertNextCode() {
        getElement().callJsFunction("insertNextCode");
    }

    /** Focuses the editor with the caret at the end of the text. */
    public void focusEnd() {
        getElement().callJsFunction("focusEnd");
    }

    /** Inserts plain text at the caret (or at the end), e.g. a glossary term; the browser then sends the value. */
    public void insertText(String text) {
        if (text != null && !text.isEmpty()) {
            getElement().callJsFunction("insertText", text);
        }
    }

    /**
     * Asks the browser for the text selected in the editor (plain text, codes left out; "" when nothing is selected)
     * and passes it to the callback when the answer arrives.
     */
    public void requestSelectedText(SerializableConsumer<String> callback) {
        getElement().callJsFunction("selectedText").then(String.class, text -> callback.accept(
                text == null ? "" : text), error -> callback.accept(""));
    }

    /** Asks the browser where the caret is (each character and each tag counting one; -1 when not in the text). */
    public void requestCaretOffset(SerializableConsumer<Integer> callback) {
        getElement().callJsFunction("caretOffset").then(Double.class, offset -> callback.accept(
                offset == null ? -1 : offset.intValue()), error -> callback.accept(-1));
    }

    /** Applies a value sent by the browser: the runs refer to the reference text's codes by index. */
    void acceptClientValue(String json) {
        if (json == null) {
            return;
        }
        if (json.length() > MAX_VALUE_LENGTH) {
            log.warn("Ignored a segment editor value of {} characters", json.length());
            return;
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            log.warn("Ignored a segment editor value that is not JSON: {}", e.getOriginalMessage());
            return;
        }
        if (root == null || !root.isArray()) {
            log.warn("Ignored a segment editor value that is not a JSON array");
            return;
        }
        List<InlineCode> codes = reference.codes();
        int[] uses = new int[codes.size()];
        int unknown = 0;
        List<TaggedText.Run> runs = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (JsonNode run : root) {
            JsonNode t = run.get("t");
            JsonNode c = run.get("c");
            if (t != null && t.isString()) {
                text.append(withoutMarkers(t.asString()));
            } else if (c != null && c.canConvertToInt() && c.isIntegralNumber()) {
                int index = c.asInt();
                if (index < 0 || index >= codes.size()) {
                    unknown++;
                    continue;
                }
                if (!text.isEmpty()) {
                    runs.add(TaggedText.Run.text(text.toString()));
                    text.setLength(0);
                }
                uses[index]++;
                runs.add(TaggedText.Run.code(codes.get(index)));
            }
        }
        if (!text.isEmpty()) {
            runs.add(TaggedText.Run.text(text.toString()));
        }
        List<InlineCode> missingNow = new ArrayList<>();
        List<InlineCode> duplicatedNow = new ArrayList<>();
        for (int i = 0; i < uses.length; i++) {
            if (uses[i] == 0) {
                missingNow.add(codes.get(i));
            } else if (uses[i] > 1) {
                duplicatedNow.add(codes.get(i));
            }
        }
        value = TaggedText.fromRuns(runs);
        valueJson = json;
        missing = List.copyOf(missingNow);
        duplicated = List.copyOf(duplicatedNow);
        unknownCodes = unknown;
    }

    /** The code markers of {@link TaggedText} must never come in as typed text: they would forge codes. */
    private static String withoutMarkers(String text) {
        String lines = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(lines.length());
        for (int i = 0; i < lines.length(); i++) {
            char ch = lines.charAt(i);
            if (!TaggedText.isMarker(ch)) {
                out.append(ch);
            }
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ JSON of the browser format

    /** The runs of a text as the browser's value JSON, codes by their index in {@code text.codes()}. */
    public static String runsJson(TaggedText text) {
        ArrayNode runs = JSON.createArrayNode();
        if (text == null) {
            return runs.toString();
        }
        String coded = text.coded();
        StringBuilder plain = new StringBuilder();
        for (int i = 0; i < coded.length(); i++) {
            char ch = coded.charAt(i);
            if (TaggedText.isMarker(ch) && i + 1 < coded.length()) {
                int index = coded.charAt(++i) - TaggedText.INDEX_BASE;
                if (index < 0 || index >= text.codes().size()) {
                    throw new IllegalStateException("Coded text refers to code " + index + " of " + text.codes().size());
                }
                if (!plain.isEmpty()) {
                    runs.addObject().put("t", plain.toString());
                    plain.setLength(0);
                }
                runs.addObject().put("c", index);
            } else {
                plain.append(ch);
            }
        }
        if (!plain.isEmpty()) {
            runs.addObject().put("t", plain.toString());
        }
        return JSON.writeValueAsString(runs);
    }

    /** The code list of a text as the browser's codes JSON: label and kind for the chip, id to pair them. */
    public static String codesJson(TaggedText text) {
        ArrayNode codes = JSON.createArrayNode();
        if (text != null) {
            for (InlineCode code : text.codes()) {
                ObjectNode node = codes.addObject();
                node.put("label", code.label());
                node.put("kind", code.kind().name());
                node.put("id", code.id());
            }
        }
        return JSON.writeValueAsString(codes);
    }

    public static String issuesJson(List<IssueMark> issues) {
        return JSON.writeValueAsString(issues == null ? List.of() : issues);
    }

    // ------------------------------------------------------------------ read-only rendering for grids

    /**
     * Renders a read-only editor per cell, without a server component per cell: text and chips as in the editor.
     */
    public static <T> LitRenderer<T> readOnlyRenderer(ValueProvider<T, TaggedText> text) {
        Objects.requireNonNull(text, "text");
        return LitRenderer.<T>of("<segment-editor readonly .value=${item.value} .codes=${item.codes}></segment-editor>")
                .withProperty("value", item -> runsJson(text.apply(item)))
                .withProperty("codes", item -> codesJson(text.apply(item)));
    }

    /** As {@link #readOnlyRenderer(ValueProvider)}, with the issues of each row underlined (message on hover). */
    public static <T> LitRenderer<T> readOnlyRenderer(ValueProvider<T, TaggedText> text,
            ValueProvider<T, List<IssueMark>> issues) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(issues, "issues");
        return LitRenderer.<T>of("<segment-editor readonly .value=${item.value} .codes=${item.codes}"
                        + " .issues=${item.issues}></segment-editor>")
                .withProperty("value", item -> runsJson(text.apply(item)))
                .withProperty("codes", item -> codesJson(text.apply(item)))
                .withProperty("issues", item -> issuesJson(issues.apply(item)));
    }

    /**
     * Plain-text fallback for places that cannot use the web component (exports, logs, tests): the text with each
     * code shown by its label.
     */
    public static <T> ValueProvider<T, String> displayText(ValueProvider<T, TaggedText> text) {
        Objects.requireNonNull(text, "text");
        return item -> {
            TaggedText value = text.apply(item);
            return value == null ? "" : value.displayText();
        };
    }

    // ------------------------------------------------------------------ events

    public Registration addInputListener(ComponentEventListener<InputEvent> listener) {
        return addListener(InputEvent.class, listener);
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    public Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    public Registration addCopyMtListener(ComponentEventListener<CopyMtEvent> listener) {
        return addListener(CopyMtEvent.class, listener);
    }

    public Registration addNavigateListener(ComponentEventListener<NavigateEvent> listener) {
        return addListener(NavigateEvent.class, listener);
    }

    /** Ctrl/Cmd+Shift+G: add the selected text to the glossary. */
    public Registration addAddTermListener(ComponentEventListener<AddTermEvent> listener) {
        return addListener(AddTermEvent.class, listener);
    }

    /** A shortcut of {@link ReviewShortcut} that has no event of its own: save, copy source, help, find… */
    public Registration addShortcutListener(ComponentEventListener<ShortcutEvent> listener) {
        return addListener(ShortcutEvent.class, listener);
    }

    /** A draft of the text just shown is stored in the browser. */
    public Registration addDraftFoundListener(ComponentEventListener<DraftFoundEvent> listener) {
        return addListener(DraftFoundEvent.class, listener);
    }

    /** An event of the editor carrying its value; the editor's value is updated before listeners run. */
    public abstract static class ValueEvent extends ComponentEvent<SegmentEditor> {

        protected ValueEvent(SegmentEditor source, boolean fromClient, String valueJson) {
            super(source, fromClient);
            if (fromClient && valueJson != null) {
                source.acceptClientValue(valueJson);
            }
        }

        /** The editor's value when the event happened. */
        public TaggedText getValue() {
            return getSource().getValue();
        }

        public boolean isCodesIntact() {
            return getSource().isCodesIntact();
        }
    }

    /** The reviewer stopped typing for a moment (or applied a suggestion, or text was inserted). */
    @DomEvent("segment-input")
    public static class InputEvent extends ValueEvent {
        public InputEvent(SegmentEditor source, boolean fromClient, @EventData("event.detail.value") String value) {
            super(source, fromClient, value);
        }
    }

    /** Ctrl/Cmd+Enter: confirm the segment and go to the next one. */
    @DomEvent("segment-save")
    public static class SaveEvent extends ValueEvent {
        public SaveEvent(SegmentEditor source, boolean fromClient, @EventData("event.detail.value") String value) {
            super(source, fromClient, value);
        }
    }

    /** Escape: leave the segment without saving. */
    @DomEvent("segment-cancel")
    public static class CancelEvent extends ValueEvent {
        public CancelEvent(SegmentEditor source, boolean fromClient, @EventData("event.detail.value") String value) {
            super(source, fromClient, value);
        }
    }

    /** Ctrl/Cmd+Shift+M: replace the text with the machine translation. */
    @DomEvent("segment-copy-mt")
    public static class CopyMtEvent extends ValueEvent {
        public CopyMtEvent(SegmentEditor source, boolean fromClient, @EventData("event.detail.value") String value) {
            super(source, fromClient, value);
        }
    }

    /** Ctrl/Cmd+ArrowUp or ArrowDown: go to the previous or next segment without saving. */
    @DomEvent("segment-navigate")
    public static class NavigateEvent extends ValueEvent {
        private final int direction;

        public NavigateEvent(SegmentEditor source, boolean fromClient, @EventData("event.detail.value") String value,
                @EventData("event.detail.direction") int direction) {
            super(source, fromClient, value);
            this.direction = direction < 0 ? -1 : 1;
        }

        /** -1 for the previous segment, +1 for the next. */
        public int getDirection() {
            return direction;
        }

        public boolean isNext() {
            return direction > 0;
        }
    }

    /** Ctrl/Cmd+Shift+G: add the selected text (plain, without codes; may be empty) to the glossary. */
    @DomEvent("segment-add-term")
    public static class AddTermEvent extends ValueEvent {
        private final String selection;

        public AddTermEvent(SegmentEditor source, boolean fromClient, @EventData("event.detail.value") String value,
                @EventData("event.detail.selection") String selection) {
            super(source, fromClient, value);
            this.selection = selection == null ? "" : selection.strip();
        }

        /** The text selected in the editor when the shortcut was pressed ("" when none). */
        public String getSelection() {
            return selection;
        }
    }

    /** A key of {@link ReviewShortcut} pressed in the editor; the value is synced before listeners run. */
    @DomEvent("segment-shortcut")
    public static class ShortcutEvent extends ValueEvent {
        private final String action;

        private final int caret;

        public ShortcutEvent(SegmentEditor source, boolean fromClient, @EventData("event.detail.value") String value,
                @EventData("event.detail.action") String action, @EventData("event.detail.caret") Double caret) {
            super(source, fromClient, value);
            this.action = action == null ? "" : action;
            this.caret = caret == null ? -1 : caret.intValue();
        }

        /** Where the caret was, each character and each tag counting one; -1 when it was not in the text. */
        public int getCaret() {
            return caret;
        }

        /** The shortcut, or null for an action this version does not know. */
        public ReviewShortcut getShortcut() {
            return ReviewShortcut.ofAction(action);
        }
    }

    /** The browser holds a draft of the text just shown, typed earlier and never saved. */
    @DomEvent("segment-draft-found")
    public static class DraftFoundEvent extends ComponentEvent<SegmentEditor> {
        private final long savedAt;

        public DraftFoundEvent(SegmentEditor source, boolean fromClient,
                @EventData("event.detail.savedAt") double savedAt) {
            super(source, fromClient);
            this.savedAt = (long) savedAt;
        }

        /** When the draft was last typed, in milliseconds since the epoch (browser clock). */
        public long getSavedAt() {
            return savedAt;
        }
    }
}
