package org.postedit.workbench.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.postedit.workbench.browser.BrowserSupport;
import org.postedit.workbench.document.DocumentProgress;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.Segment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The reviewer's daily path in real headless Chromium: sign in, open the sample, edit a segment with the
 * keyboard, save, reload, see the edit; and an edit next to inline codes keeps every code.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewInBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;
    @Autowired
    DocumentService documents;

    @TempDir
    Path dir;

    @Test
    @Order(1)
    void reviewerEditsTheSampleWithTheKeyboardAndTheEditSurvivesAReload() {
        signIn();
        long sample = documentId("000_796b4e4ca0be2a4e.txt");
        open("/review/" + sample);
        Segment first = documents.segments(sample).getFirst();

        focusCellOfRow(first.mt().plainText());
        new Actions(driver()).sendKeys(Keys.ENTER).perform();
        openEditor();
        keys().keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).perform();
        keys().sendKeys("Dateline 13 June 2023: the summit opened in Beijing on 11 June.").perform();
        browser.screenshot("review-editing");
        keys().keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();

        // saved, and the editor moved on to the next segment
        wait(Duration.ofSeconds(10)).until(d -> documents.segments(sample).getFirst().version() == first.version() + 1);
        Segment saved = documents.segments(sample).getFirst();
        assertThat(saved.target().plainText()).isEqualTo("Dateline 13 June 2023: the summit opened in Beijing on 11 June.");
        assertThat(saved.mt()).isEqualTo(first.mt());

        driver().navigate().refresh();
        waitForGrid();
        wait(Duration.ofSeconds(10)).until(d -> readOnlyTargets().stream()
                .anyMatch(t -> t.contains("the summit opened in Beijing on 11 June.")));
        browser.screenshot("review-after-reload");
    }

    @Test
    @Order(2)
    void anEditBesideInlineCodesKeepsEveryCode() throws Exception {
        signIn();
        Path html = dir.resolve("codes.html");
        Files.writeString(html, "<html lang=\"en\"><body><p>The <b>Open Atom</b> summit was held in "
                + "<a href=\"https://example.org/beijing\">Beijing</a>.</p></body></html>", StandardCharsets.UTF_8);
        DocumentProgress imported = documents.importFile(html, "codes.html", new ImportOptions(null, "en-US"), "admin");
        long id = imported.document().id();
        Segment segment = documents.segments(id).getFirst();
        assertThat(segment.mt().codes()).hasSizeGreaterThanOrEqualTo(4);

        open("/review/" + id);
        focusCellOfRow("summit was held");
        new Actions(driver()).sendKeys(Keys.ENTER).perform();
        openEditor();
        keys().keyDown(Keys.CONTROL).sendKeys(Keys.END).keyUp(Keys.CONTROL).sendKeys(" Improve the layout.").perform();
        // Delete from the start runs into the first chip (<b>), which must survive
        keys().keyDown(Keys.CONTROL).sendKeys(Keys.HOME).keyUp(Keys.CONTROL).perform();
        for (int i = 0; i < 6; i++) {
            keys().sendKeys(Keys.DELETE).perform();
        }
        browser.screenshot("review-inline-codes");
        keys().keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();

        wait(Duration.ofSeconds(10)).until(d -> documents.segments(id).getFirst().version() == segment.version() + 1);
        Segment saved = documents.segments(id).getFirst();
        assertThat(saved.target().plainText()).endsWith("Improve the layout.");
        assertThat(saved.target().codes()).containsExactlyInAnyOrderElementsOf(segment.mt().codes());
    }

    private void signIn() {
        browser.signIn(url(""), "admin", "test-admin-password");
    }

    private void open(String path) {
        driver().get(url(path));
        waitForGrid();
    }

    private void waitForGrid() {
        wait(Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(browser.js(
                "const g = document.querySelector('vaadin-grid.review-grid');"
                        + "return !!g && !g.loading && g.querySelectorAll('vaadin-grid-cell-content').length > 10;")));
    }

    private void focusCellOfRow(String text) {
        WebElement cell = wait(Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector(
                        "vaadin-grid.review-grid vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().contains(text.substring(0, Math.min(20, text.length()))))
                .findFirst().orElse(null));
        cell.click();
    }

    private WebElement openEditor() {
        WebElement host = wait(Duration.ofSeconds(10)).until(d -> first(d,
                By.cssSelector("vaadin-grid.review-grid segment-editor:not([readonly])")));
        WebElement editable = wait(Duration.ofSeconds(10)).until(d -> {
            try {
                return host.getShadowRoot().findElement(By.cssSelector("[contenteditable='true']"));
            } catch (RuntimeException notYet) {
                return null;
            }
        });
        wait(Duration.ofSeconds(5)).until(d -> Boolean.TRUE.equals(browser.js(
                "return arguments[0].getRootNode().activeElement === arguments[0]", editable)));
        return editable;
    }

    @SuppressWarnings("unchecked")
    private List<String> readOnlyTargets() {
        return (List<String>) browser.js("return [...document.querySelectorAll('vaadin-grid.review-grid "
                + "segment-editor[readonly]')].map(e => e.shadowRoot ? e.shadowRoot.textContent : '')");
    }

    private long documentId(String name) {
        return documents.list(false).stream().filter(p -> p.document().name().equals(name)).findFirst()
                .orElseThrow().document().id();
    }

    private static WebElement first(WebDriver d, By by) {
        List<WebElement> found = d.findElements(by);
        return found.isEmpty() ? null : found.getFirst();
    }

    private Actions keys() {
        return new Actions(driver());
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
