package org.postedit.workbench.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The segment editor in real headless Chromium, against the running application (its test page
 * {@link SegmentEditorTestView}): typing, protected chips, shortcuts reaching the server with the value, issues
 * drawn with the CSS Custom Highlight API, read-only grid cells.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:browser-editor;DB_CLOSE_DELAY=-1",
        "workbench.seed.enabled=false",
        "workbench.admin.password=browser-test-password",
        "vaadin.launch-browser=false"})
class SegmentEditorBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @BeforeEach
    void openPage() {
        browser.driver().get("http://localhost:" + port + "/test/segment-editor");
        browser.waitUntil(d -> Boolean.TRUE.equals(browser.js(
                "const e = document.querySelector('#editor');"
                        + "return !!(e && e.shadowRoot && e.shadowRoot.querySelectorAll('.chip').length === 3);")));
    }

    @Test
    void typingReachesTheServerWithEveryCode() {
        editable();
        browser.js("document.querySelector('#editor').focusEnd()");
        keys(" Done: 完成");
        browser.screenshot("segment-editor-typed");
        assertThat(value()).contains("{\"t\":\" Done: 完成\"}");
        // Ctrl+Enter sends segment-save with the value: the server rebuilds the tagged text
        shortcut(Keys.ENTER, Keys.CONTROL);
        String line = waitForLog("save");
        assertThat(line).contains("intact=true").contains("Click <b>Save</b> to keep your chnages.<br/> Done: 完成");
    }

    @Test
    void backspaceAndDeleteNeverRemoveAChip() {
        editable();
        // caret right after "</b>": "Click " + <b> + "Save" + </b> = flat position 12
        browser.js("const e = document.querySelector('#editor'); e.focus(); e._setCaretFlat(12);");
        keys(Keys.BACK_SPACE);
        assertThat(chipCount()).isEqualTo(3);
        // the caret stepped over the chip: the next Backspace deletes the "e" of "Save"
        keys(Keys.BACK_SPACE);
        assertThat(value()).startsWith("[{\"t\":\"Click \"},{\"c\":0},{\"t\":\"Sav\"},{\"c\":1}");
        // Delete before "<b>" (flat position 6) does not remove it either
        browser.js("document.querySelector('#editor')._setCaretFlat(6);");
        keys(Keys.DELETE);
        assertThat(chipCount()).isEqualTo(3);
    }

    @Test
    void selectAllAndTypeKeepsAllChips() {
        editable();
        browser.js("document.querySelector('#editor').focusEnd()");
        shortcut("a", Keys.CONTROL);
        keys("Neu");
        assertThat(chipCount()).isEqualTo(3);
        assertThat(value()).isEqualTo("[{\"t\":\"Neu\"},{\"c\":0},{\"c\":1},{\"c\":2}]");
        shortcut(Keys.ENTER, Keys.CONTROL);
        assertThat(waitForLog("save")).contains("intact=true").contains("Neu<b></b><br/>");
        // undo brings the text back
        shortcut("z", Keys.CONTROL);
        assertThat(value()).contains("chnages");
    }

    @Test
    void pasteInsertsPlainTextOnly() {
        editable();
        browser.js("const host = document.querySelector('#editor'); host.focusEnd();"
                + "const dt = new DataTransfer(); dt.setData('text/html', '<b>bold</b><img src=x>');"
                + "dt.setData('text/plain', ' pasted');"
                + "host.shadowRoot.querySelector('#editor').dispatchEvent("
                + "  new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));");
        assertThat(value()).endsWith("{\"c\":2},{\"t\":\" pasted\"}]");
        Object html = browser.js("return document.querySelector('#editor').shadowRoot.querySelector('#editor').innerHTML");
        assertThat(html.toString()).doesNotContain("<b>").doesNotContain("<img");
    }

    @Test
    void cutAndPasteMovesChipsAndDragMovesOne() {
        editable();
        // select "k <b>Sa" (flat positions 4..9) and cut it: the text goes, the chip stays (faded) until pasted
        browser.js("const e = document.querySelector('#editor'); e.focus();"
                + "const a = e._domAtFlat(4), b = e._domAtFlat(9); e._setSelection(a.node, a.offset, b.node, b.offset);"
                + "window.clip = new DataTransfer();"
                + "e.shadowRoot.querySelector('#editor').dispatchEvent("
                + "  new ClipboardEvent('cut', {clipboardData: clip, bubbles: true, cancelable: true}));");
        assertThat(value()).startsWith("[{\"t\":\"Clic\"},{\"c\":0},{\"t\":\"ve\"},{\"c\":1}");
        assertThat(browser.js("return clip.getData('text/plain')")).isEqualTo("k Sa");
        assertThat(browser.js("return document.querySelector('#editor').shadowRoot.querySelectorAll('.chip.cut').length"))
                .isEqualTo(1L);
        // paste at the end: text and chip arrive there, the chip leaves its old place
        browser.js("const e = document.querySelector('#editor'); e.focusEnd();"
                + "e.shadowRoot.querySelector('#editor').dispatchEvent("
                + "  new ClipboardEvent('paste', {clipboardData: clip, bubbles: true, cancelable: true}));");
        assertThat(value()).isEqualTo("[{\"t\":\"Clicve\"},{\"c\":1},{\"t\":\" to keep your chnages.\"},{\"c\":2},"
                + "{\"t\":\"k \"},{\"c\":0},{\"t\":\"Sa\"}]");
        assertThat(chipCount()).isEqualTo(3);

        // drag the <br/> chip to the very start of the text
        browser.js("const host = document.querySelector('#editor'); const root = host.shadowRoot;"
                + "const chip = root.querySelector('.chip[data-c=\"2\"]'); const dt = new DataTransfer();"
                + "chip.dispatchEvent(new DragEvent('dragstart', {dataTransfer: dt, bubbles: true, composed: true}));"
                + "const r = root.querySelector('#editor').getBoundingClientRect();"
                + "const at = {dataTransfer: dt, bubbles: true, cancelable: true, clientX: r.left + 2,"
                + "  clientY: r.top + r.height / 2};"
                + "root.querySelector('#editor').dispatchEvent(new DragEvent('dragover', at));"
                + "root.querySelector('#editor').dispatchEvent(new DragEvent('drop', at));");
        assertThat(value()).startsWith("[{\"c\":2},{\"t\":\"Clicve\"}");
        assertThat(chipCount()).isEqualTo(3);
        shortcut(Keys.ENTER, Keys.CONTROL);
        assertThat(waitForLog("save")).contains("intact=true");
    }

    @Test
    void enterInsertsNothingAndShortcutsRaiseEvents() {
        editable();
        browser.js("document.querySelector('#editor').focusEnd()");
        String before = value();
        keys(Keys.ENTER);
        assertThat(value()).isEqualTo(before);
        assertThat(browser.js("return document.querySelector('#editor').shadowRoot"
                + ".querySelectorAll('#editor div, #editor br:not([data-trailing])').length")).isEqualTo(0L);

        keys(Keys.ESCAPE);
        assertThat(waitForLog("cancel")).contains("intact=true");
        shortcut("m", Keys.CONTROL, Keys.SHIFT);
        waitForLog("copy-mt");
        shortcut(Keys.ARROW_DOWN, Keys.CONTROL);
        waitForLog("navigate 1");
        shortcut(Keys.ARROW_UP, Keys.CONTROL);
        waitForLog("navigate -1");
    }

    @Test
    void serverReplacesTheTextAndTheCaretGoesToItsEnd() {
        editable();
        browser.js("document.querySelector('#editor').focusEnd()");
        keys(" zzz");
        waitForLog("input");
        // Escape: the server restores the saved text and puts the caret at its end
        keys(Keys.ESCAPE);
        waitForLog("cancel");
        browser.waitUntil(d -> !value().contains("zzz"));
        assertThat(value()).contains("chnages");
        // Ctrl+Shift+M: the server sets the MT; typing continues at its end
        shortcut("m", Keys.CONTROL, Keys.SHIFT);
        browser.waitUntil(d -> value().contains("Klicken"));
        keys("!");
        assertThat(value()).isEqualTo("[{\"t\":\"Klicken Sie auf \"},{\"c\":0},{\"t\":\"Speichern\"},{\"c\":1},"
                + "{\"t\":\".\"},{\"c\":2},{\"t\":\"!\"}]");
        shortcut(Keys.ENTER, Keys.CONTROL);
        assertThat(waitForLog("save")).contains("intact=true | missing=[] | Klicken Sie auf <b>Speichern</b>.<br/>!");
    }

    @Test
    void issuesAreDrawnWithTheHighlightApiAndSuggestionsApply() {
        editable();
        // the editor's two issues plus the error in the grid's first read-only cell
        assertThat(browser.js("return CSS.highlights.get('segment-error').size")).isEqualTo(2L);
        assertThat(browser.js("return CSS.highlights.get('segment-info').size")).isEqualTo(1L);
        // the DOM is untouched: no wrapper elements around the underlined word
        assertThat(browser.js("return document.querySelector('#editor').shadowRoot"
                + ".querySelectorAll('#editor *:not(.chip):not(br)').length")).isEqualTo(0L);

        // the caret inside the misspelt word shows the message and the suggestions
        browser.js("const e = document.querySelector('#editor'); e.focus();"
                + "const p = e._domAtPlain(" + (SegmentEditorTestView.TYPO_OFFSET + 2) + ", false);"
                + "e._setSelection(p.node, p.offset, p.node, p.offset);");
        browser.waitUntil(d -> Boolean.TRUE.equals(browser.js(
                "return document.querySelector('#editor').shadowRoot.querySelector('#popover').matches(':popover-open')")));
        browser.screenshot("segment-editor-issue");
        WebElement suggestion = (WebElement) browser.js(
                "return document.querySelector('#editor').shadowRoot.querySelector('#popover button')");
        assertThat(suggestion.getText()).isEqualTo("changes");
        new Actions(browser.driver()).moveToElement(suggestion).click().perform();
        assertThat(value()).contains("to keep your changes.");
        assertThat(browser.js("return CSS.highlights.get('segment-error').size")).isEqualTo(1L);
        assertThat(waitForLog("input")).contains("to keep your changes.");
    }

    @Test
    void gridCellsRenderReadOnlyTextWithChips() {
        browser.waitUntil(d -> Boolean.TRUE.equals(browser.js(
                "return document.querySelectorAll('vaadin-grid segment-editor[readonly]').length === 3")));
        List<?> texts = (List<?>) browser.js("return Array.from(document.querySelectorAll("
                + "'vaadin-grid segment-editor[readonly]')).map(e => e.plainText)");
        assertThat(texts).hasSize(3);
        assertThat(texts.toString()).contains("点击保存按钮以保留更改。");
        assertThat(browser.js("return document.querySelector('vaadin-grid segment-editor[readonly]').shadowRoot"
                + ".querySelector('#editor').getAttribute('contenteditable')")).isEqualTo("false");
        browser.screenshot("segment-editor-grid");
    }

    private void keys(CharSequence... keys) {
        browser.type(keys);
    }

    private void shortcut(CharSequence key, Keys... modifiers) {
        browser.shortcut(key, modifiers);
    }

    private WebElement editable() {
        return browser.driver().findElement(By.id("editor")).getShadowRoot().findElement(By.cssSelector("#editor"));
    }

    private String value() {
        return (String) browser.js("return document.querySelector('#editor').value");
    }

    private long chipCount() {
        return (Long) browser.js("return document.querySelector('#editor').shadowRoot.querySelectorAll('.chip').length");
    }

    /** Waits until the server's event log has a line starting with the event name; returns the last such line. */
    private String waitForLog(String event) {
        return browser.waitUntil(d -> {
            String log = d.findElement(By.id("event-log")).getText();
            return log.lines().filter(l -> l.startsWith(event + " |")).reduce((a, b) -> b).orElse(null);
        });
    }
}
