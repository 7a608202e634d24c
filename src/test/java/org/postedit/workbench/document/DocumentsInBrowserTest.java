package org.postedit.workbench.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.postedit.workbench.browser.BrowserSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Uploading through the document list in real Chromium: a good file appears in the list with its segments, a bad
 * one gets a clear message on the page and stores nothing.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DocumentsInBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;
    @Autowired
    DocumentService documents;

    @TempDir
    Path dir;

    @Test
    void aGoodUploadIsListedAndABadOneIsExplained() throws Exception {
        signIn();
        Path good = dir.resolve("uploaded-notes.md");
        Files.writeString(good, "# Notes\n\nThe summit was held in Beijing.It was a success.\n", StandardCharsets.UTF_8);
        upload(good);
        wait(Duration.ofSeconds(30)).until(d -> documents.list(false).stream()
                .anyMatch(p -> p.document().name().equals("uploaded-notes.md")));
        wait(Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                .anyMatch(c -> c.getText().contains("uploaded-notes.md")));
        DocumentProgress imported = documents.list(false).stream()
                .filter(p -> p.document().name().equals("uploaded-notes.md")).findFirst().orElseThrow();
        assertThat(imported.document().format()).isEqualTo(DocumentFormat.MARKDOWN);
        assertThat(imported.document().segmentCount()).isEqualTo(3);

        int before = documents.list(true).size();
        Path bad = dir.resolve("report.docx");
        Files.writeString(bad, "this is not a zip archive, whatever its name says", StandardCharsets.UTF_8);
        upload(bad);
        String message = wait(Duration.ofSeconds(30)).until(d -> {
            Object text = browser.js("const n = [...document.querySelectorAll('vaadin-notification-card')]"
                    + ".map(c => c.innerText).find(t => t.includes('report.docx'));"
                    + "return n || null;");
            return text == null ? null : text.toString();
        });
        browser.screenshot("documents-bad-upload");
        assertThat(message).contains("Not imported").contains("report.docx");
        assertThat(documents.list(true)).hasSize(before);
    }

    private void upload(Path file) {
        WebElement upload = driver().findElement(By.cssSelector("vaadin-upload"));
        WebElement input = (WebElement) browser.js(
                "const u = arguments[0]; const i = u.querySelector('input[type=file]')"
                        + " || (u.shadowRoot && u.shadowRoot.querySelector('input[type=file]'));"
                        + "i.removeAttribute('hidden'); i.style.display = 'block'; return i;", upload);
        input.sendKeys(file.toAbsolutePath().toString());
    }

    private void signIn() {
        browser.signIn("http://localhost:" + port, "admin", "test-admin-password");
        wait(Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector("vaadin-upload")).isEmpty());
    }

    private WebDriverWait wait(Duration timeout) {
        return new WebDriverWait(driver(), timeout);
    }

    private WebDriver driver() {
        return browser.driver();
    }
}
