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
 * Two people on the same document in two real Chromium sessions: the second sees who is editing, sees the first's
 * save appear in their grid without reloading (pushed), and, having edited a segment the first saved meanwhile,
 * gets the conflict dialog with their draft kept.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LiveReviewInBrowserTest {

    @RegisterExtension
    static final BrowserSupport ann = new BrowserSupport();
    @RegisterExtension
    static final BrowserSupport rita = new BrowserSupport();

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
    void aSaveAppearsLiveInTheOtherGridAndTheOtherEditorGetsTheConflictWithTheDraftKept() throws Exception {
        Path file = dir.resolve("live.txt");
        Files.writeString(file, "The summit opened in Beijing on Monday.\n\nDelegates from forty countries came.\n\n"
                + "The talks lasted three days.", StandardCharsets.UTF_8);
        long id = documents.importFile(file, "live.txt", new ImportOptions(null, "en-US"), "admin").document().id();
        List<Segment> segments = documents.segments(id);
        TestSecurity.runAs(context, "admin", () -> users.create("rita-live", "rita-live-password",
                Set.of(UserAccount.Role.REVIEWER), "admin"), "ADMIN");

        ann.signIn(url(""), "admin", "test-admin-password");
        rita.signIn(url(""), "rita-live", "rita-live-password");
        open(ann, id);
        open(rita, id);

        // Ann saves the second segment: it appears in Rita's grid without a reload
        editRow(ann, "Delegates from forty countries came.");
        ann.shortcut("a", Keys.CONTROL);
        ann.type("Delegates from forty countries attended.");
        ann.shortcut(Keys.ENTER, Keys.CONTROL);
        new WebDriverWait(ann.driver(), Duration.ofSeconds(15))
                .until(d -> documents.segments(id).get(1).version() == 1);
        // Ctrl+Enter opened the next segment's editor; Ann leaves it (pressing Escape before it has opened would
        // leave it open). Grids refresh others' rows with an editor open too: LiveWhileEditingInBrowserTest
        openEditor(ann, "The talks lasted three days.");
        ann.type(Keys.ESCAPE);
        wait(ann).until(d -> d.findElements(By.cssSelector(
                "vaadin-grid.review-grid segment-editor:not([readonly])")).isEmpty());
        wait(rita).until(d -> readOnlyTargets(rita).stream()
                .anyMatch(t -> t.contains("Delegates from forty countries attended.")));
        rita.screenshot("live-change-arrived");

        // Rita starts editing the first segment: Ann's grid shows who
        editRow(rita, "The summit opened");
        rita.shortcut(Keys.END, Keys.CONTROL);
        rita.type(" Rita's draft.");
        try {
            wait(ann).until(d -> cellTexts(ann).stream().anyMatch(t -> t.contains("✎ rita-live")));
        } catch (RuntimeException e) {
            ann.screenshot("live-no-editing-mark-ann");
            throw e;
        }
        ann.screenshot("live-being-edited");

        // Ann saves the first segment under Rita's open editor
        editRow(ann, "The summit opened");
        ann.shortcut("a", Keys.CONTROL);
        ann.type("The summit opened in Beijing on Monday, 12 June.");
        ann.shortcut(Keys.ENTER, Keys.CONTROL);
        new WebDriverWait(ann.driver(), Duration.ofSeconds(15))
                .until(d -> documents.segments(id).getFirst().version() == 1);
        // Rita is told; her editor still holds her draft
        wait(rita).until(d -> bodyText(rita).contains("admin just saved segment 1"));

        // Rita saves her draft of the first segment, made from the version before Ann's: the conflict dialog
        rita.shortcut(Keys.ENTER, Keys.CONTROL);
        wait(rita).until(d -> bodyText(rita).contains("was changed meanwhile"));
        String dialog = bodyText(rita);
        assertThat(dialog).contains("Rita's draft.").contains("The summit opened in Beijing on Monday, 12 June.")
                .contains("admin saved version 1");
        rita.screenshot("live-conflict");
        Segment first = documents.segments(id).getFirst();
        assertThat(first.target().plainText()).isEqualTo("The summit opened in Beijing on Monday, 12 June.");
        assertThat(first.version()).isEqualTo(1);
        assertThat(segments.getFirst().version()).isZero();

        // Merge by hand: Rita's draft stays in her editor, now resting on Ann's version, and her save goes through
        ((WebElement) rita.js("return document.querySelector('vaadin-button.conflict-merge')")).click();
        wait(rita).until(d -> Boolean.TRUE.equals(rita.js(
                "return !document.querySelector('vaadin-button.conflict-merge')")));
        openEditor(rita, "Rita's draft.");   // her text, and the focus back in the editor
        rita.screenshot("live-merge-by-hand");
        rita.shortcut(Keys.ENTER, Keys.CONTROL);
        try {
            new WebDriverWait(rita.driver(), Duration.ofSeconds(15))
                    .until(d -> documents.segments(id).getFirst().version() == 2);
        } catch (RuntimeException e) {
            rita.screenshot("live-merge-by-hand-not-saved");
            throw e;
        }
        assertThat(documents.segments(id).getFirst().target().plainText()).endsWith("Rita's draft.");
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
            browser.screenshot("live-editor-not-open-" + (browser == ann ? "ann" : "rita"));
            throw e;
        }
    }

    /** Waits for the open (editable) segment editor holding {@code text} to have the focus. */
    private void openEditor(BrowserSupport browser, String text) {
        WebElement host = wait(browser).until(d -> d.findElements(
                By.cssSelector("vaadin-grid.review-grid segment-editor:not([readonly])")).stream()
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

    @SuppressWarnings("unchecked")
    private static List<String> readOnlyTargets(BrowserSupport browser) {
        return (List<String>) browser.js("return [...document.querySelectorAll('vaadin-grid.review-grid "
                + "segment-editor[readonly]')].map(e => e.shadowRoot ? e.shadowRoot.textContent : '')");
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
