package org.postedit.workbench.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import net.sf.okapi.common.Event;
import net.sf.okapi.common.ISegmenter;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.resource.ITextUnit;
import net.sf.okapi.common.resource.RawDocument;
import net.sf.okapi.common.resource.TextContainer;
import net.sf.okapi.filters.plaintext.paragraphs.ParaPlainTextFilter;

import net.sf.okapi.lib.segmentation.SRXDocument;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.postedit.workbench.browser.BrowserSupport;
import org.postedit.workbench.document.DocumentProgress;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.ImportOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Not a test: prints import and grid figures for a generated 50,000-segment document, beside raw Okapi (filter +
 * SRX segmenter) on the same file in the same JVM. Run with {@code ./mvnw -Pbench verify}; see docs/benchmarks.md.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "workbench.import.max-file-size=200MB")
@ActiveProfiles("test")
class ImportBenchmark {

    private static final int SEGMENTS = 50_000;

    @Autowired
    DocumentService documents;
    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    @Test
    void import50000Segments() throws Exception {
        Path file = generate(dir.resolve("bench-50k.txt"));
        System.out.printf(Locale.ROOT, "%nBENCH file: %s, %.1f MB, %d sentences%n", file.getFileName(),
                Files.size(file) / 1e6, SEGMENTS);

        // warm both paths once on a small file so the JIT and class loading do not favour either
        Path small = dir.resolve("warm.txt");
        Files.writeString(small, Files.readString(file).substring(0, 200_000));
        rawOkapi(small);
        documents.importFile(small, "warm.txt", new ImportOptions(null, "en-US"), "bench");

        long rawStart = System.nanoTime();
        int rawSegments = rawOkapi(file);
        double rawSeconds = (System.nanoTime() - rawStart) / 1e9;

        System.gc();
        resetPeaks();
        long importStart = System.nanoTime();
        DocumentProgress imported = documents.importFile(file, "bench-50k.txt", new ImportOptions(null, "en-US"), "bench");
        double importSeconds = (System.nanoTime() - importStart) / 1e9;
        long peakHeap = peakHeap();
        int stored = imported.document().segmentCount();

        System.out.printf(Locale.ROOT, "BENCH raw Okapi filter+SRX: %d segments in %.2f s (%.0f segments/s)%n",
                rawSegments, rawSeconds, rawSegments / rawSeconds);
        System.out.printf(Locale.ROOT, "BENCH workbench import:     %d segments in %.2f s (%.0f segments/s), "
                + "stored in H2 in one transaction%n", stored, importSeconds, stored / importSeconds);
        System.out.printf(Locale.ROOT, "BENCH import / raw Okapi ratio: %.2f (overhead %.0f%%)%n",
                importSeconds / rawSeconds, 100 * (importSeconds / rawSeconds - 1));
        System.out.printf(Locale.ROOT, "BENCH peak heap during import: %d MB (max heap %d MB)%n",
                peakHeap / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        firstGridPage(imported.document().id());
    }

    private void firstGridPage(long documentId) {
        if (!Files.isExecutable(BrowserSupport.CHROMIUM) || !Files.isExecutable(BrowserSupport.CHROMEDRIVER)) {
            System.out.println("BENCH first grid page: skipped, no Chromium/chromedriver installed");
            return;
        }
        BrowserSupport browser = new BrowserSupport();
        try {
            browser.beforeAll(null);
            WebDriver driver = browser.driver();
            driver.get("http://localhost:" + port + "/login");
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> !d.findElements(
                    By.cssSelector("input[name='username']")).isEmpty());
            driver.findElement(By.cssSelector("input[name='username']")).sendKeys("admin");
            driver.findElement(By.cssSelector("input[name='password']")).sendKeys("test-admin-password", Keys.ENTER);
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> !d.getCurrentUrl().contains("/login"));
            // first a small document, so the timing below is of the grid, not of the first page load of the app
            openAndTime(browser, documents.list(false).getLast().document().id());
            for (int run = 1; run <= 3; run++) {
                double small = openAndTime(browser, documents.list(false).getLast().document().id());
                double large = openAndTime(browser, documentId);
                System.out.printf(Locale.ROOT, "BENCH first grid page, run %d: 50,000 segments %.2f s; "
                        + "sample document %.2f s (ratio %.2f)%n", run, large, small, large / small);
            }
        } catch (Exception e) {
            System.out.println("BENCH first grid page: failed: " + e);
        } finally {
            browser.afterAll(null);
        }
    }

    private double openAndTime(BrowserSupport browser, long id) {
        WebDriver driver = browser.driver();
        driver.get("about:blank");
        long start = System.nanoTime();
        driver.get("http://localhost:" + port + "/review/" + id);
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(browser.js(
                "const g = document.querySelector('vaadin-grid.review-grid');"
                        + "return !!g && !g.loading && [...g.querySelectorAll('segment-editor')]"
                        + ".some(e => e.shadowRoot && e.shadowRoot.textContent.trim().length > 0);")));
        return (System.nanoTime() - start) / 1e9;
    }

    /** Paragraphs of two to four MT-like sentences, some run together the way MT output does. */
    private static Path generate(Path file) throws Exception {
        StringBuilder text = new StringBuilder(SEGMENTS * 80);
        String[] sentences = {
                "The summit was held in Beijing on June %d, attended by %d developers.",
                "Zhang Yunming emphasized that it is necessary to promote high-quality development of item %d and %d.",
                "A number of excellent open source projects have been implemented, such as project %d (version %d.5).",
                "Mr. Smith of the U.S. delegation said e.g. the Node.js community grew by %d percent in %d years.",
        };
        int written = 0;
        while (written < SEGMENTS) {
            int inParagraph = 2 + written % 3;
            for (int i = 0; i < inParagraph && written < SEGMENTS; i++, written++) {
                text.append(String.format(Locale.ROOT, sentences[written % sentences.length], written % 28 + 1,
                        written));
                text.append(written % 7 == 0 ? "" : " ");
            }
            text.append("\n\n");
        }
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
        return file;
    }

    /** The baseline: Okapi's paragraph plain-text filter and the shipped SRX rules, nothing stored. */
    private static int rawOkapi(Path file) throws Exception {
        SRXDocument srx = new SRXDocument();
        try (InputStream rules = ImportBenchmark.class.getResourceAsStream("/segmentation/workbench.srx")) {
            srx.loadRules(rules);
        }
        ISegmenter segmenter = srx.compileLanguageRules(LocaleId.fromBCP47("en-US"), null);
        int count = 0;
        try (ParaPlainTextFilter filter = new ParaPlainTextFilter();
             RawDocument raw = new RawDocument(file.toUri(), "UTF-8", LocaleId.fromBCP47("en-US"))) {
            filter.open(raw);
            while (filter.hasNext()) {
                Event event = filter.next();
                if (event.isTextUnit()) {
                    ITextUnit unit = event.getTextUnit();
                    TextContainer container = unit.getSource();
                    segmenter.computeSegments(container);
                    container.getSegments().create(segmenter.getRanges());
                    count += container.getSegments().count();
                }
            }
        }
        return count;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : heapPools()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }
}
