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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
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
 * In real headless Chromium: the caret put after a tag in the segment editor and Alt+Shift+T split the segment
 * there (the editor sends its caret, each tag counting one), then Alt+Shift+J merges the open part with the next.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SplitMergeInBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;
    @Autowired
    DocumentService documents;
    @TempDir
    Path dir;

    @Test
    void altShiftTSplitsAtTheCaretAndAltShiftJMergesWithTheNext() throws Exception {
        Path file = dir.resolve("split-in-browser.html");
        Files.writeString(file, "<html lang=\"en\"><body><p>The <b>summit</b> opened, and the talks began."
                + " Closing words here.</p></body></html>", StandardCharsets.UTF_8);
        long id = documents.importFile(file, file.getFileName().toString(), new ImportOptions(null, "en-US"),
                "admin").document().id();
        assertThat(documents.segments(id)).hasSize(2);

        browser.signIn(url(""), "admin", "test-admin-password");
        driver().get(url("/review/" + id));
        wait(Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(browser.js(
                "const g = document.querySelector('vaadin-grid.review-grid');"
                        + "return !!g && !g.loading && g.querySelectorAll('segment-editor').length >= 2;")));
        WebElement cell = wait(Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector(
                        "vaadin-grid.review-grid vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().contains("talks began")).findFirst().orElse(null));
        cell.click();
        new Actions(driver()).sendKeys(Keys.ENTER).perform();
        WebElement host = wait(Duration.ofSeconds(10)).until(d -> first(d,
                By.cssSelector("vaadin-grid.review-grid segment-editor:not([readonly])")));
        wait(Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(browser.js(
                "const e = arguments[0].shadowRoot && arguments[0].shadowRoot.querySelector('[contenteditable=\"true\"]');"
                        + "return !!e && e.getRootNode().activeElement === e && e.textContent.includes('opened')", host)));

        // the caret right after "opened," in the text node that follows the </b> chip
        browser.js("""
                const editor = arguments[0].shadowRoot.querySelector('[contenteditable="true"]');
                const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
                let node = walker.nextNode();
                while (node && !node.data.includes('opened,')) { node = walker.nextNode(); }
                const at = node.data.indexOf('opened,') + 'opened,'.length;
                editor.focus();
                document.getSelection().setBaseAndExtent(node, at, node, at);
                """, host);
        browser.shortcut("t", Keys.ALT, Keys.SHIFT);

        List<Segment> split = wait(Duration.ofSeconds(15)).until(d -> {
            List<Segment> now = documents.segments(id);
            return now.size() == 3 ? now : null;
        });
        assertThat(split).extracting(s -> s.target().displayText()).containsExactly("The <b>summit</b> opened,",
                "and the talks began.", "Closing words here.");

        // the editor is now on the second part; Alt+Shift+J joins it with the next segment
        wait(Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(browser.js(
                "const h = document.querySelector('vaadin-grid.review-grid segment-editor:not([readonly])');"
                        + "const e = h && h.shadowRoot && h.shadowRoot.querySelector('[contenteditable=\"true\"]');"
                        + "return !!e && e.textContent.startsWith('and the talks');")));
        browser.js("const h = document.querySelector('vaadin-grid.review-grid segment-editor:not([readonly])');"
                + "h.shadowRoot.querySelector('[contenteditable=\"true\"]').focus();");
        browser.shortcut("j", Keys.ALT, Keys.SHIFT);
        List<Segment> merged = wait(Duration.ofSeconds(15)).until(d -> {
            List<Segment> now = documents.segments(id);
            return now.size() == 2 ? now : null;
        });
        browser.screenshot("split-merge");
        assertThat(merged).extracting(s -> s.target().plainText()).containsExactly("The summit opened,",
                "and the talks began. Closing words here.");
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
