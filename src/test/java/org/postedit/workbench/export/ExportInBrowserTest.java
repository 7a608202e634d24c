package org.postedit.workbench.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.postedit.workbench.browser.BrowserSupport;
import org.postedit.workbench.document.Document;
import org.postedit.workbench.document.DocumentService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The export dialog in real Chromium, from the review grid's toolbar: "Export…", Export, the progress bar pushed
 * to its end, and a download link that serves the XLIFF (fetched by the page itself, with its session).
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ExportInBrowserTest {

    /** Finds elements by tag (and text) through every shadow root, as the overlays of menus and dialogs need. */
    private static final String DEEP = """
            const find = (root, tag, text, out) => {
              root.querySelectorAll(tag).forEach(e => { if (!text || e.textContent.trim().startsWith(text)) out.push(e); });
              root.querySelectorAll('*').forEach(e => { if (e.shadowRoot) find(e.shadowRoot, tag, text, out); });
              return out;
            };
            """;

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;
    @Autowired
    DocumentService documents;

    @Test
    void exportsFromTheReviewToolbarWithProgressAndADownloadLink() {
        Document document = documents.list(false).getLast().document();
        String base = "http://localhost:" + port;
        browser.signIn(base, "admin", "test-admin-password");
        browser.driver().get(base + "/review/" + document.id());
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(60));

        wait.until(d -> Boolean.TRUE.equals(browser.js("return !!document.querySelector('vaadin-menu-bar');")));
        wait.until(d -> Boolean.TRUE.equals(browser.js(DEEP + "const b = find(document, 'vaadin-menu-bar-button',"
                + " null, []).find(b => b.innerHTML.includes('download-alt'));"
                + "if (b) { b.click(); return true; } return false;")));
        wait.until(d -> Boolean.TRUE.equals(browser.js(DEEP + "const i = find(document, 'vaadin-menu-bar-item',"
                + " 'Export…', [])[0]; if (i) { i.click(); return true; } return false;")));
        wait.until(d -> Boolean.TRUE.equals(browser.js(DEEP + "const b = find(document, 'vaadin-button', 'Export',"
                + " []).find(b => b.textContent.trim() === 'Export'); if (b) { b.click(); return true; } return false;")));

        String href = wait.until(d -> (String) browser.js(DEEP + "const a = find(document, 'a', 'Download ', [])[0];"
                + " return a ? a.href : null;"));
        browser.screenshot("export-dialog");
        assertThat(href).isNotBlank();
        Object progress = browser.js(DEEP + "const p = find(document, 'vaadin-progress-bar', null, [])"
                + ".find(p => p.max > 1); return p ? p.value / p.max : null;");  // the dialog's counts segments
        assertThat(progress).isIn(1L, 1.0);
        String body = (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed: ' + e));", href);
        assertThat(body).startsWith("<?xml").contains("urn:oasis:names:tc:xliff:document:1.2", "<trans-unit");
    }
}
