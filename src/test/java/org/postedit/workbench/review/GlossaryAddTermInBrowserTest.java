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
import org.postedit.workbench.TestSecurity;
import org.postedit.workbench.browser.BrowserSupport;
import org.postedit.workbench.document.DocumentFormat;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.glossary.GlossaryQuery;
import org.postedit.workbench.glossary.GlossaryService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * In real headless Chromium: select a word in the segment editor, press Ctrl+Shift+G, and the "Add to glossary"
 * dialog opens with the word as the target term and the segment's source beside it. And the glossary view's export
 * links download the glossary; an import is previewed, then applied, and a refused file names its row.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GlossaryAddTermInBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;
    @Autowired
    DocumentService documents;
    @Autowired
    GlossaryService glossary;
    @Autowired
    ApplicationContext applicationContext;
    @TempDir
    Path dir;

    @Test
    void selectingTextAndPressingCtrlShiftGOpensTheDialogWithTheTermPrefilled() {
        signIn();
        long id = documents.list(false).stream().filter(p -> p.document().format() == DocumentFormat.XLIFF12)
                .filter(p -> p.document().importedBy().equals("admin")).findFirst().orElseThrow().document().id();
        Segment first = documents.segments(id).getFirst();
        driver().get(url("/review/" + id));
        wait(Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(browser.js(
                "const g = document.querySelector('vaadin-grid.review-grid');"
                        + "return !!g && !g.loading && g.querySelectorAll('vaadin-grid-cell-content').length > 10;")));

        String mtStart = first.mt().plainText().substring(0, Math.min(20, first.mt().plainText().length()));
        WebElement cell = wait(Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector(
                        "vaadin-grid.review-grid vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().contains(mtStart)).findFirst().orElse(null));
        cell.click();
        new Actions(driver()).sendKeys(Keys.ENTER).perform();
        WebElement host = wait(Duration.ofSeconds(10)).until(d -> first(d,
                By.cssSelector("vaadin-grid.review-grid segment-editor:not([readonly])")));
        wait(Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(browser.js(
                "const e = arguments[0].shadowRoot && arguments[0].shadowRoot.querySelector('[contenteditable=\"true\"]');"
                        + "return !!e && e.getRootNode().activeElement === e && e.textContent.length > 0", host)));

        // select the first word of the target, as a mouse drag would
        String selected = (String) browser.js("""
                const editor = arguments[0].shadowRoot.querySelector('[contenteditable="true"]');
                const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
                let node = walker.nextNode();
                while (node && !/\\S/.test(node.data)) { node = walker.nextNode(); }
                const start = node.data.search(/\\S/);
                const space = node.data.indexOf(' ', start);
                const end = space > start ? space : node.data.length;
                editor.focus();
                document.getSelection().setBaseAndExtent(node, start, node, end);
                return node.data.substring(start, end);
                """, host);
        assertThat(selected).isNotBlank();
        browser.shortcut("g", Keys.CONTROL, Keys.SHIFT);

        @SuppressWarnings("unchecked")
        List<String> values = wait(Duration.ofSeconds(10)).until(d -> {
            Object v = browser.js("const rows = [...document.querySelectorAll('.concept-term-row')];"
                    + "return rows.length < 2 ? null : rows.map(r => r.querySelector('vaadin-combo-box').inputElement.value"
                    + " + '|' + r.querySelector('vaadin-text-field').value);");
            return (List<String>) v;
        });
        browser.screenshot("glossary-add-term-dialog");
        String source = first.source().plainText().strip();
        String expectedSource = source.length() <= 40 ? source : "";
        assertThat(values).containsExactly("zh-CN|" + expectedSource, "en-US|" + selected.strip());

        // the "Add term" button beside the grid takes the editor's selection too
        driver().findElement(By.id("concept-cancel")).click();
        wait(Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(browser.js(
                "return document.querySelectorAll('.concept-term-row').length === 0;")));
        browser.js("""
                const editor = arguments[0].shadowRoot.querySelector('[contenteditable="true"]');
                const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
                let node = walker.nextNode();
                while (node && !/\\S/.test(node.data)) { node = walker.nextNode(); }
                const start = node.data.search(/\\S/);
                const space = node.data.indexOf(' ', start);
                editor.focus();
                document.getSelection().setBaseAndExtent(node, start, node, space > start ? space : node.data.length);
                """, host);
        // the side panel (checks, terms, comments) may hold the button below the fold
        org.openqa.selenium.WebElement addTerm = driver().findElement(By.cssSelector("vaadin-button.add-term"));
        browser.js("arguments[0].scrollIntoView({block: 'center'});", addTerm);
        addTerm.click();
        @SuppressWarnings("unchecked")
        List<String> again = wait(Duration.ofSeconds(10)).until(d -> (List<String>) browser.js(
                "const rows = [...document.querySelectorAll('.concept-term-row')];"
                        + "return rows.length < 2 ? null : rows.map(r => r.querySelector('vaadin-text-field').value);"));
        assertThat(again).containsExactly(expectedSource, selected.strip());
    }

    @Test
    void theGlossaryViewListsConceptsAndItsExportLinksDownloadTbxAndCsv() {
        signIn();
        driver().get(url("/glossary"));
        wait(Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(browser.js(
                "const g = document.querySelector('vaadin-grid.glossary-grid');"
                        + "return !!g && !g.loading && g.querySelectorAll('vaadin-grid-cell-content').length > 20;")));
        browser.screenshot("glossary-view");
        String tbx = (String) ((org.openqa.selenium.JavascriptExecutor) driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(document.querySelector('.glossary-export-tbx').href).then(r => r.text()).then(done);");
        assertThat(tbx).contains("<martif").contains("OpenAtom Foundation");
        String csv = (String) ((org.openqa.selenium.JavascriptExecutor) driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(document.querySelector('.glossary-export-csv').href).then(r => r.text()).then(done);");
        assertThat(csv).startsWith("concept_id,language,term").contains("开放原子开源基金会");
    }

    @Test
    void aRefusedFileNamesItsRowAndAGoodOneIsPreviewedThenApplied() throws Exception {
        signIn();
        driver().get(url("/glossary"));
        wait(Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(browser.js(
                "return !!document.querySelector('vaadin-grid.glossary-grid vaadin-grid-cell-content');")));
        long general = glossary.generalGlossary().id();
        int before = glossary.countConcepts(GlossaryQuery.all().withGlossary(general));

        Path bad = dir.resolve("bad-terms.csv");
        Files.writeString(bad, "concept_id,language,term,status\nb1,zh,坏行,preferred\nb1,,bad row,preferred\n",
                StandardCharsets.UTF_8);
        upload(bad);
        String message = wait(Duration.ofSeconds(30)).until(d -> {
            Object text = browser.js("const n = [...document.querySelectorAll('vaadin-notification-card')]"
                    + ".map(c => c.innerText).find(t => t.includes('bad-terms.csv'));"
                    + "return n || null;");
            return text == null ? null : text.toString();
        });
        browser.screenshot("glossary-import-refused");
        assertThat(message).contains("not imported").containsIgnoringCase("row 3");
        assertThat(glossary.countConcepts(GlossaryQuery.all().withGlossary(general))).isEqualTo(before);

        Path good = dir.resolve("good-terms.csv");
        Files.writeString(good, "concept_id,language,term,status\ng1,zh,浏览器测试术语,preferred\n"
                + "g1,en,browser test term,preferred\n", StandardCharsets.UTF_8);
        upload(good);
        WebElement apply = wait(Duration.ofSeconds(30)).until(d -> first(d, By.id("glossary-import-apply")));
        String preview = (String) browser.js("return document.querySelector('vaadin-dialog.glossary-import-preview')"
                + ".innerText || ''");
        browser.screenshot("glossary-import-preview");
        assertThat(preview).contains("1 added");
        assertThat(glossary.countConcepts(GlossaryQuery.all().withGlossary(general))).isEqualTo(before);
        apply.click();
        try {
            wait(Duration.ofSeconds(30)).until(d -> glossary.countConcepts(GlossaryQuery.all().withGlossary(general))
                    == before + 1);
            wait(Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(browser.js(
                    "return [...document.querySelectorAll('vaadin-notification-card')]"
                            + ".some(c => c.innerText.includes('Imported good-terms.csv'));")));
        } finally {
            // other tests of this Spring context expect the shipped General glossary as it is
            TestSecurity.runAs(applicationContext, "cleanup", () -> {
                glossary.searchConcepts(GlossaryQuery.all().withGlossary(general)
                                .withText("browser test term", GlossaryQuery.Match.PREFIX), 0, 10)
                        .forEach(c -> glossary.deleteConcept(c.id(), "cleanup"));
                return null;
            }, "ADMIN");
        }
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
        browser.signIn(url(""), "admin", "test-admin-password");
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
