package org.postedit.workbench.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.postedit.workbench.TestSecurity;
import org.postedit.workbench.browser.BrowserSupport;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.security.UserAccount;
import org.postedit.workbench.security.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Other people's work reaches a grid while its user keeps an editor open with a draft: Bert saves one segment and
 * opens the next while Ann edits the first; Ann's grid shows Bert's text, its check issues and where he is, and her
 * editor is the same element throughout, still focused, with her draft, caret and undo history, and saves as usual.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LiveWhileEditingInBrowserTest {

    /** with a typographic issue (an opening quote for an apostrophe), so the checks of Bert's save redraw it too */
    private static final String BERTS_TEXT = "Delegates from forty countries and the world‘s press attended.";
    private static final String OPEN_EDITOR = "vaadin-grid.review-grid segment-editor:not([readonly])";

    @RegisterExtension
    static final BrowserSupport ann = new BrowserSupport();
    @RegisterExtension
    static final BrowserSupport bert = new BrowserSupport();

    @LocalServerPort
    int port;
    @Autowired
    DocumentService documents;
    @Autowired
    UserService users;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path dir;

    @Test
    void othersSavesAndEditorsShowInTheGridWhileTheOwnEditorKeepsItsDraftAndCaret() throws Exception {
        Path file = dir.resolve("live-editing.txt");
        Files.writeString(file, "The summit opened in Beijing on Monday.\n\nDelegates from forty countries came.\n\n"
                + "The talks lasted three days.\n\nA joint statement followed.", StandardCharsets.UTF_8);
        long id = documents.importFile(file, "live-editing.txt", new ImportOptions(null, "en-US"), "admin")
                .document().id();
        TestSecurity.runAs(context, "admin", () -> users.create("bert-live", "bert-live-password",
                Set.of(UserAccount.Role.REVIEWER), "admin"), "ADMIN");

        ann.signIn(url(""), "admin", "test-admin-password");
        bert.signIn(url(""), "bert-live", "bert-live-password");
        open(ann, id);
        open(bert, id);

        // Ann types a draft into the first segment and moves the caret back before it
        editRow(ann, "The summit opened");
        ann.shortcut(Keys.END, Keys.CONTROL);
        ann.type(" Ann's draft.");
        ann.type(Keys.LEFT.toString().repeat(" Ann's draft.".length()));
        WebElement annEditor = ann.driver().findElement(By.cssSelector(OPEN_EDITOR));
        ann.js("arguments[0].liveProbe = 'same element'", annEditor);
        // her editor tells the server it is open once the server has it: only then can Bert's grid show her
        wait(bert).until(d -> cellTexts(bert).stream().anyMatch(t -> t.contains("✎ admin")));

        // Bert saves the second segment; Ctrl+Enter opens his editor on the third
        editRow(bert, "Delegates from forty countries came.");
        bert.shortcut("a", Keys.CONTROL);
        bert.type(BERTS_TEXT);
        bert.shortcut(Keys.ENTER, Keys.CONTROL);
        new WebDriverWait(bert.driver(), Duration.ofSeconds(15))
                .until(d -> documents.segments(id).get(1).version() == 1);
        openEditor(bert, "The talks lasted three days.");

        // Ann's grid shows Bert's saved text with its issue underlined once checked, and where he is now, with
        // her editor still open
        try {
            // the checks (LanguageTool included) run in the background: slow on a busy machine
            new WebDriverWait(ann.driver(), Duration.ofSeconds(90)).until(d -> Boolean.TRUE.equals(ann.js(
                    "return [...document.querySelectorAll("
                    + "'vaadin-grid.review-grid segment-editor[readonly]')].some(e => e.plainText === arguments[0]"
                    + " && JSON.parse(e.issues || '[]').length > 0)", BERTS_TEXT)));
            wait(ann).until(d -> cellTexts(ann).stream().anyMatch(t -> t.contains("✎ bert-live")));
        } catch (RuntimeException e) {
            ann.screenshot("live-editing-not-updated-ann");
            throw e;
        }
        ann.screenshot("live-while-editing");

        // ... and it is the same editor element, focused, with her draft, unsaved, and her caret where she left it
        List<WebElement> open = ann.driver().findElements(By.cssSelector(OPEN_EDITOR));
        assertThat(open).hasSize(1);
        assertThat(ann.js("return arguments[0].liveProbe", open.getFirst())).isEqualTo("same element");
        assertThat(ann.js("return arguments[0].dirty", open.getFirst())).isEqualTo(true);
        assertThat(ann.js("return arguments[0].plainText", open.getFirst()))
                .isEqualTo("The summit opened in Beijing on Monday. Ann's draft.");
        assertThat(ann.js("const r = arguments[0].shadowRoot.activeElement; "
                + "return !!r && r.getAttribute('contenteditable') === 'true'", open.getFirst())).isEqualTo(true);
        ann.type(" Bert came.");
        wait(ann).until(d -> "The summit opened in Beijing on Monday. Bert came. Ann's draft."
                .equals(ann.js("return arguments[0].plainText", open.getFirst())));

        // her undo history from before Bert's changes is still there: two undos take back both edits, two redos
        // bring them back
        ann.shortcut("z", Keys.CONTROL);
        wait(ann).until(d -> "The summit opened in Beijing on Monday. Ann's draft."
                .equals(ann.js("return arguments[0].plainText", open.getFirst())));
        ann.shortcut("z", Keys.CONTROL);
        wait(ann).until(d -> "The summit opened in Beijing on Monday."
                .equals(ann.js("return arguments[0].plainText", open.getFirst())));
        ann.shortcut("y", Keys.CONTROL);
        ann.shortcut("y", Keys.CONTROL);
        wait(ann).until(d -> "The summit opened in Beijing on Monday. Bert came. Ann's draft."
                .equals(ann.js("return arguments[0].plainText", open.getFirst())));

        // she saves as usual: no conflict, her text is version 1 of the first segment
        ann.shortcut(Keys.ENTER, Keys.CONTROL);
        new WebDriverWait(ann.driver(), Duration.ofSeconds(15))
                .until(d -> documents.segments(id).getFirst().version() == 1);
        List<Segment> saved = documents.segments(id);
        assertThat(saved.getFirst().target().plainText())
                .isEqualTo("The summit opened in Beijing on Monday. Bert came. Ann's draft.");
        assertThat(saved.get(1).target().plainText()).isEqualTo(BERTS_TEXT);
        assertThat(bodyText(ann)).doesNotContain("was changed meanwhile");
    }

    private void open(BrowserSupport browser, long documentId) {
        browser.driver().get(url("/review/" + documentId));
        wait(browser).until(d -> Boolean.TRUE.equals(browser.js(
                "const g = document.querySelector('vaadin-grid.review-grid');"
                        + "return !!g && !g.loading && g.querySelectorAll('vaadin-grid-cell-content').length > 6;")));
    }

    private void editRow(BrowserSupport browser, String text) {
        WebElement cell = wait(browser).until(d -> d.findElements(By.cssSelector(
                        "vaadin-grid.review-grid vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().contains(text)).findFirst().orElse(null));
        cell.click();
        browser.type(Keys.ENTER);
        try {
            openEditor(browser, text);
        } catch (RuntimeException e) {
            ann.screenshot("live-editing-editor-not-open-" + (browser == ann ? "ann" : "bert") + "-ann");
            bert.screenshot("live-editing-editor-not-open-" + (browser == ann ? "ann" : "bert") + "-bert");
            throw e;
        }
    }

    /** Waits for the open (editable) segment editor holding {@code text} to have the focus. */
    private void openEditor(BrowserSupport browser, String text) {
        WebElement host = wait(browser).until(d -> d.findElements(By.cssSelector(OPEN_EDITOR)).stream()
                .filter(e -> String.valueOf(browser.js("return arguments[0].shadowRoot ? "
                        + "arguments[0].shadowRoot.textContent : ''", e)).contains(text))
                .findFirst().orElse(null));
        WebElement editable = wait(browser).until(d -> {
            try {
                return host.getShadowRoot().findElement(By.cssSelector("[contenteditable='true']"));
            } catch (RuntimeException notYet) {
                return null;
            }
        });
        wait(browser).until(d -> Boolean.TRUE.equals(browser.js(
                "return arguments[0].getRootNode().activeElement === arguments[0]", editable)));
    }

    private static List<String> cellTexts(BrowserSupport browser) {
        return browser.driver().findElements(By.cssSelector("vaadin-grid.review-grid vaadin-grid-cell-content"))
                .stream().map(WebElement::getText).toList();
    }

    private static String bodyText(BrowserSupport browser) {
        return String.valueOf(browser.js("return document.body.innerText"));
    }

    private static WebDriverWait wait(BrowserSupport browser) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
