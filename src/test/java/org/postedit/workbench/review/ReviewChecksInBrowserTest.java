package org.postedit.workbench.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.postedit.workbench.browser.BrowserSupport;
import org.postedit.workbench.check.CheckService;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.Segment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The shipped MT-only sample in real Chromium with the real checkers: the opening quote used as an apostrophe in
 * "world‘s" is underlined in its grid cell, hovering it shows the message, and in the editor the caret inside it
 * shows the message and Alt+Enter applies the fix, which Ctrl+Enter saves.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReviewChecksInBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    private static final String SAMPLE = "000_796b4e4ca0be2a4e.txt";
    private static final String WORD = "world‘s";

    @LocalServerPort
    int port;
    @Autowired
    DocumentService documents;
    @Autowired
    CheckService checks;

    @Test
    void theUnderlineForWorldsAndItsMessageShowInTheGridAndTheEditor() {
        long id = documents.list(false).stream().filter(p -> p.document().name().equals(SAMPLE)).findFirst()
                .orElseThrow().document().id();
        Segment segment = documents.segments(id).stream().filter(s -> s.target().plainText().contains(WORD))
                .findFirst().orElseThrow();
        int quote = segment.target().plainText().indexOf(WORD) + "world".length();
        browser.signIn(url(""), "admin", "test-admin-password");
        // the samples are checked in the background from start-up; on a busy machine that takes a while
        checks.ensureChecked(id);
        wait(Duration.ofSeconds(300)).until(d -> !checks.progress(id).running());
        // the typography rule and LanguageTool both cover the quote; the popover shows the one found first
        List<String> messages = checks.report(id, false).stream()
                .filter(r -> r.segmentId() == segment.id() && r.issue().offset() <= quote && quote < r.issue().end())
                .map(r -> r.issue().message()).toList();
        assertThat(checks.report(id, false)).anySatisfy(r -> {
            assertThat(r.segmentId()).isEqualTo(segment.id());
            assertThat(r.issue().ruleId()).isEqualTo("opening-quote-apostrophe");
        });

        driver().get(url("/review/" + id + "?segment=" + segment.ordinal()));
        // the row shows the text twice, as MT and as target; only the target column carries issues
        String cell = "[...document.querySelectorAll('vaadin-grid.review-grid segment-editor[readonly]')]"
                + ".find(e => e.plainText && e.plainText.includes('" + WORD + "')"
                + " && JSON.parse(e.issues || '[]').length > 0)";
        // the grid cell underlines the quote
        wait(Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(browser.js("const e = " + cell + ";"
                + "return !!e && JSON.parse(e.issues || '[]').some(i => i.offset <= " + quote
                + " && " + quote + " < i.offset + i.length)")));
        browser.js("(" + cell + ").scrollIntoView({block: 'center'})");

        // hovering the underline shows the message in the cell's popover
        @SuppressWarnings("unchecked")
        Map<String, Object> box = (Map<String, Object>) browser.js("const e = " + cell + ";"
                + "const a = e._domAtPlain(" + quote + ", false), b = e._domAtPlain(" + (quote + 1) + ", true);"
                + "const r = document.createRange(); r.setStart(a.node, a.offset); r.setEnd(b.node, b.offset);"
                + "const rect = r.getBoundingClientRect();"
                + "return {x: Math.round(rect.left + rect.width / 2), y: Math.round(rect.top + rect.height / 2)};");
        new Actions(driver()).moveToLocation(((Number) box.get("x")).intValue(), ((Number) box.get("y")).intValue())
                .perform();
        wait(Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(browser.js("const p = (" + cell
                + ").shadowRoot.querySelector('#popover'); return p.matches(':popover-open')")));
        String shown = (String) browser.js("return (" + cell + ").shadowRoot.querySelector('#popover').textContent");
        assertThat(messages).anySatisfy(m -> assertThat(shown).contains(m));
        browser.screenshot("review-checks-hover");

        // the issues panel lists it for the selected segment
        wait(Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(browser.js(
                "return [...document.querySelectorAll('.issues-panel .issue-row')]"
                        + ".some(r => r.getAttribute('aria-label').includes(arguments[0]))", messages.getFirst())));

        // the editor: the caret inside the underline shows the message, Alt+Enter applies the fix, Ctrl+Enter saves
        String editor = "document.querySelector('vaadin-grid.review-grid segment-editor:not([readonly])')";
        // a real click focuses the grid cell (a script click does not), then Enter opens the row's editor
        ((WebElement) browser.js("return (" + cell + ").closest('vaadin-grid-cell-content')")).click();
        new Actions(driver()).sendKeys(Keys.ENTER).perform();
        wait(Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(browser.js("const e = " + editor + ";"
                + "return !!e && e.plainText.includes('" + WORD + "') && JSON.parse(e.issues || '[]')"
                + ".some(i => i.offset <= " + quote + " && " + quote + " < i.offset + i.length)")));
        browser.js("const e = " + editor + "; e.focus(); const p = e._domAtPlain(" + quote + ", false);"
                + "e._setSelection(p.node, p.offset, p.node, p.offset);");
        wait(Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(browser.js("const p = (" + editor
                + ").shadowRoot.querySelector('#popover'); return p.matches(':popover-open')"
                + " && arguments[0].some(m => p.textContent.includes(m))", messages)));
        browser.screenshot("review-checks-caret");
        new Actions(driver()).keyDown(Keys.ALT).sendKeys(Keys.ENTER).keyUp(Keys.ALT).perform();
        wait(Duration.ofSeconds(10)).until(d -> Boolean.FALSE.equals(browser.js(
                "return (" + editor + ").plainText.includes(arguments[0])", WORD)));
        new Actions(driver()).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
        wait(Duration.ofSeconds(10)).until(d -> documents.segments(id).stream()
                .filter(s -> s.id() == segment.id()).findFirst().orElseThrow().version() == segment.version() + 1);
        Segment saved = documents.segments(id).stream().filter(s -> s.id() == segment.id()).findFirst()
                .orElseThrow();
        assertThat(saved.target().plainText()).contains("world").doesNotContain(WORD);
        // and the stored check no longer reports it
        wait(Duration.ofSeconds(60)).until(d -> checks.openIssues(List.of(segment.id())).getOrDefault(segment.id(),
                List.of()).stream().noneMatch(i -> i.ruleId().equals("opening-quote-apostrophe")));
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
