package org.postedit.workbench.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.postedit.workbench.browser.BrowserSupport;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.Segment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The editing tools in real Chromium: Ctrl+S saves in place (and the browser's own "Save page" never opens), the
 * help overlay opens with F1 and Ctrl+/, and an unsaved edit survives a lost session: the page warns before it is
 * left, the draft stays in the browser and is offered back when the segment is opened again.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReviewEditingInBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;
    @Autowired
    DocumentService documents;

    @TempDir
    Path dir;

    @Test
    void ctrlSSavesWithoutLeavingTheSegmentAndF1ShowsTheShortcuts() throws Exception {
        long id = importText("ctrl-s.txt", "The first sentence to save. The second sentence stays.");
        Segment first = documents.segments(id).getFirst();
        signIn();
        open(id);
        openEditorOn("The first sentence");
        browser.shortcut("a", Keys.CONTROL);
        browser.type("The first sentence, saved in place.");
        browser.shortcut("s", Keys.CONTROL);

        wait(Duration.ofSeconds(10)).until(d -> documents.segments(id).getFirst().version() == first.version() + 1);
        assertThat(documents.segments(id).getFirst().target().plainText())
                .isEqualTo("The first sentence, saved in place.");
        // still in the same segment, still focused: typing goes on where it was
        browser.type(" More.");
        browser.shortcut("s", Keys.CONTROL);
        wait(Duration.ofSeconds(10)).until(d -> documents.segments(id).getFirst().version() == first.version() + 2);
        assertThat(documents.segments(id).getFirst().target().plainText())
                .isEqualTo("The first sentence, saved in place. More.");
        browser.screenshot("review-ctrl-s");

        browser.type(Keys.F1);
        WebElement help = wait(Duration.ofSeconds(10)).until(d -> first(d, By.cssSelector(
                "vaadin-dialog.shortcut-help-dialog, vaadin-dialog-overlay.shortcut-help-dialog")));
        wait(Duration.ofSeconds(5)).until(d -> bodyText().contains("Keyboard shortcuts")
                && bodyText().contains(ReviewShortcut.INSERT_CODE.description()));
        assertThat(help).isNotNull();
        browser.screenshot("review-shortcut-help");
        browser.type(Keys.ESCAPE);
        wait(Duration.ofSeconds(5)).until(d -> !bodyText().contains("Anywhere on the page"));

        // Ctrl+/ opens it from anywhere on the page too
        driver().findElement(By.cssSelector("vaadin-button.find-replace-button")).getRect();
        browser.js("document.activeElement && document.activeElement.blur()");
        browser.shortcut("/", Keys.CONTROL);
        wait(Duration.ofSeconds(5)).until(d -> bodyText().contains("Anywhere on the page"));
    }

    @Test
    void anUnsavedEditWarnsBeforeUnloadAndIsOfferedBackAfterTheSessionWasLost() throws Exception {
        long id = importText("draft.txt", "A sentence typed before the session expired. Another one.");
        Segment first = documents.segments(id).getFirst();
        signIn();
        open(id);
        openEditorOn("A sentence typed");
        browser.shortcut("a", Keys.CONTROL);
        browser.type("Typed, never saved.");
        String key = "segment-draft:" + first.id() + "-" + first.version();
        wait(Duration.ofSeconds(5)).until(d -> browser.js("return localStorage.getItem(arguments[0])", key) != null);
        assertThat((String) browser.js("return localStorage.getItem(arguments[0])", key))
                .contains("Typed, never saved.").doesNotContain("<");
        // leaving the page is asked about (the handler cancels beforeunload)
        assertThat(browser.js("const e = new Event('beforeunload', {cancelable: true});"
                + " window.dispatchEvent(e); return e.defaultPrevented;")).isEqualTo(true);

        // the session is lost (cookies gone, as after a timeout) and the tab reloaded: the reload asks first
        driver().manage().deleteAllCookies();
        leaveAnyway(() -> driver().navigate().refresh());
        signIn();
        open(id);
        assertThat(documents.segments(id).getFirst().version()).isEqualTo(first.version());
        openEditorOn("A sentence typed");

        WebElement restore = wait(Duration.ofSeconds(10)).until(d -> first(d,
                By.cssSelector("vaadin-button.restore-draft")));
        browser.screenshot("review-draft-offered");
        restore.click();
        wait(Duration.ofSeconds(10)).until(d -> editorText().contains("Typed, never saved."));
        browser.shortcut(Keys.ENTER, Keys.CONTROL);
        wait(Duration.ofSeconds(10)).until(d -> documents.segments(id).getFirst().version() == first.version() + 1);
        assertThat(documents.segments(id).getFirst().target().plainText()).isEqualTo("Typed, never saved.");
        // saved: the draft is gone
        wait(Duration.ofSeconds(5)).until(d -> browser.js("return localStorage.getItem(arguments[0])", key) == null);
    }

    @Test
    void f9MovesTheNextTagToTheCaretInTheTagsOriginalOrder() throws Exception {
        Path html = dir.resolve("tags.html");
        Files.writeString(html, "<html lang=\"en\"><body><p>The <b>Open Atom</b> summit was held in "
                + "<a href=\"https://example.org/beijing\">Beijing</a>.</p></body></html>", StandardCharsets.UTF_8);
        long id = documents.importFile(html, "tags.html", new ImportOptions(null, "en-US"), "admin").document().id();
        Segment segment = documents.segments(id).getFirst();
        assertThat(segment.target().codes()).hasSize(4);
        signIn();
        open(id);
        openEditorOn("summit was held");

        // retyping the sentence leaves every tag bunched where the caret was
        browser.shortcut("a", Keys.CONTROL);
        browser.type("Beijing hosted the Open Atom summit.");
        browser.shortcut(Keys.HOME, Keys.CONTROL);
        browser.type(Keys.F9);
        wait(Duration.ofSeconds(5)).until(d -> editorValue().startsWith("[{\"c\":0}"));
        browser.shortcut(Keys.END, Keys.CONTROL);
        browser.type(Keys.F9);
        wait(Duration.ofSeconds(5)).until(d -> editorValue().endsWith("{\"c\":1}]"));
        browser.screenshot("review-insert-next-tag");
        // undo takes the last move back
        browser.shortcut("z", Keys.CONTROL);
        wait(Duration.ofSeconds(5)).until(d -> !editorValue().endsWith("{\"c\":1}]"));
        browser.shortcut("y", Keys.CONTROL);
        browser.shortcut("s", Keys.CONTROL);

        wait(Duration.ofSeconds(10)).until(d -> documents.segments(id).getFirst().version() == segment.version() + 1);
        Segment saved = documents.segments(id).getFirst();
        assertThat(saved.target().plainText()).isEqualTo("Beijing hosted the Open Atom summit.");
        assertThat(saved.target().runs().getFirst().code()).isEqualTo(segment.target().codes().get(0));
        assertThat(saved.target().runs().getLast().code()).isEqualTo(segment.target().codes().get(1));
        assertThat(saved.target().codes()).containsExactlyInAnyOrderElementsOf(segment.target().codes());
    }

    private String editorValue() {
        Object value = browser.js("const h = document.querySelector("
                + "'vaadin-grid.review-grid segment-editor:not([readonly])'); return h ? h.value : '';");
        return value == null ? "" : value.toString();
    }

    /** Navigates; Chromium asks "Leave site?" because of the unsaved edit, and the test leaves. */
    private void leaveAnyway(Runnable navigation) {
        try {
            navigation.run();
        } catch (UnhandledAlertException asked) {
            // the prompt was raised while navigating
        }
        try {
            new WebDriverWait(driver(), Duration.ofSeconds(3)).until(d -> {
                try {
                    d.switchTo().alert().accept();
                    return true;
                } catch (NoAlertPresentException notYet) {
                    return false;
                }
            });
        } catch (org.openqa.selenium.TimeoutException noPrompt) {
            // a browser may skip the prompt; the draft is what matters
        }
    }

    private void signIn() {
        browser.signIn(url(""), "admin", "test-admin-password");
    }

    private void open(long documentId) {
        driver().get(url("/review/" + documentId));
        wait(Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(browser.js(
                "const g = document.querySelector('vaadin-grid.review-grid');"
                        + "return !!g && !g.loading && g.querySelectorAll('vaadin-grid-cell-content').length > 5;")));
    }

    private void openEditorOn(String text) {
        WebElement cell = wait(Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector(
                        "vaadin-grid.review-grid vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().contains(text)).findFirst().orElse(null));
        cell.click();
        browser.type(Keys.ENTER);
        WebElement host = wait(Duration.ofSeconds(10)).until(d -> first(d,
                By.cssSelector("vaadin-grid.review-grid segment-editor:not([readonly])")));
        wait(Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(browser.js(
                "const e = arguments[0].shadowRoot && arguments[0].shadowRoot.querySelector('[contenteditable=true]');"
                        + "return !!e && e.getRootNode().activeElement === e;", host)));
    }

    private String editorText() {
        Object text = browser.js("const h = document.querySelector('vaadin-grid.review-grid segment-editor:not([readonly])');"
                + "return h && h.shadowRoot ? h.shadowRoot.querySelector('#editor').textContent : '';");
        return text == null ? "" : text.toString();
    }

    private String bodyText() {
        Object text = browser.js("return [...document.querySelectorAll('vaadin-dialog-overlay, vaadin-dialog')]"
                + ".map(o => (o.shadowRoot ? o.shadowRoot.textContent : '') + ' ' + o.textContent).join(' ');");
        return text == null ? "" : text.toString();
    }

    private long importText(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return documents.importFile(file, name, new ImportOptions(null, "en-US"), "admin").document().id();
    }

    private static WebElement first(WebDriver d, By by) {
        List<WebElement> found = d.findElements(by);
        return found.isEmpty() ? null : found.getFirst();
    }

    private WebDriverWait wait(Duration timeout) {
        return new WebDriverWait(driver(), timeout);
    }

    private WebDriver driver() {
        return browser.driver();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
