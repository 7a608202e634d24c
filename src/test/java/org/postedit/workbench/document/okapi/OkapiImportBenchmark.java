package org.postedit.workbench.document.okapi;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import net.sf.okapi.common.Event;
import net.sf.okapi.common.ISegmenter;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.filters.IFilter;
import net.sf.okapi.common.resource.RawDocument;
import net.sf.okapi.filters.plaintext.paragraphs.ParaPlainTextFilter;
import net.sf.okapi.filters.xliff.XLIFFFilter;
import net.sf.okapi.lib.segmentation.SRXDocument;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.postedit.workbench.document.ImportOptions;

/**
 * Prints how long the importer takes for 50,000 segments of plain text and of XLIFF, against Okapi alone (the same
 * filter, and for text the same SRX rules) on the same file. Not a test: it asserts nothing and is excluded from
 * normal builds. Run with
 * {@code ./mvnw -o test -Dtest=OkapiImportBenchmark -Dsurefire.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
class OkapiImportBenchmark {

    private static final int SEGMENTS = 50_000;
    private static final int ROUNDS = 5;

    @TempDir
    Path dir;

    @Test
    void importerAgainstRawOkapi() throws Exception {
        Path text = Files.writeString(dir.resolve("bench.txt"), plainText(), StandardCharsets.UTF_8);
        Path xliff = Files.writeString(dir.resolve("bench.xlf"), xliff(), StandardCharsets.UTF_8);
        OkapiDocumentImporter importer = new OkapiDocumentImporter();
        SRXDocument rules = new SRXDocument();
        rules.loadRules(OkapiImportBenchmark.class.getResourceAsStream(SegmentationRules.RESOURCE));

        long[][] times = new long[4][ROUNDS];
        int[] counts = new int[4];
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            counts[0] = importer.read(text, "bench.txt", ImportOptions.DETECT).segments().size();
            times[0][round] = System.nanoTime() - start;

            start = System.nanoTime();
            counts[1] = rawOkapiText(text, rules.compileLanguageRules(LocaleId.fromBCP47("en-US"), null));
            times[1][round] = System.nanoTime() - start;

            start = System.nanoTime();
            counts[2] = importer.read(xliff, "bench.xlf", ImportOptions.DETECT).segments().size();
            times[2][round] = System.nanoTime() - start;

            start = System.nanoTime();
            counts[3] = rawOkapiXliff(xliff);
            times[3][round] = System.nanoTime() - start;
        }
        System.out.printf("%nImport of %,d segments, median of %d rounds (first round includes warm-up):%n",
                SEGMENTS, ROUNDS);
        print("plain text " + Files.size(text) / 1024 + " KB", counts[0], times[0], counts[1], times[1]);
        print("XLIFF 1.2  " + Files.size(xliff) / 1024 + " KB", counts[2], times[2], counts[3], times[3]);
    }

    private static void print(String what, int importerCount, long[] importerTimes, int rawCount, long[] rawTimes) {
        double importer = median(importerTimes) / 1e6;
        double raw = median(rawTimes) / 1e6;
        System.out.printf("  %-22s importer %,6d segments %7.0f ms | raw Okapi %,6d segments %7.0f ms | "
                        + "ratio %.2f (first rounds: %.0f ms / %.0f ms)%n", what, importerCount, importer, rawCount,
                raw, importer / raw, importerTimes[0] / 1e6, rawTimes[0] / 1e6);
    }

    private static int rawOkapiText(Path file, ISegmenter segmenter) {
        ParaPlainTextFilter filter = new ParaPlainTextFilter();
        ((net.sf.okapi.filters.plaintext.paragraphs.Parameters) filter.getParameters()).extractParagraphs = true;
        LocaleId english = LocaleId.fromBCP47("en-US");
        return count(filter, new RawDocument(file.toUri(), "UTF-8", english, english), segmenter);
    }

    private static int rawOkapiXliff(Path file) {
        return count(new XLIFFFilter(), new RawDocument(file.toUri(), "UTF-8", LocaleId.fromBCP47("zh-CN"),
                LocaleId.fromBCP47("en-US")), null);
    }

    private static int count(IFilter filter, RawDocument document, ISegmenter segmenter) {
        int segments = 0;
        try (document) {
            filter.open(document);
            while (filter.hasNext()) {
                Event event = filter.next();
                if (event.isTextUnit()) {
                    if (segmenter != null) {
                        event.getTextUnit().createSourceSegmentation(segmenter);
                    }
                    segments += event.getTextUnit().getSource().getSegments().count();
                }
            }
        } finally {
            filter.close();
        }
        return segments;
    }

    /** Paragraphs of four sentences, one of them glued to the next ("development.Improve"), blank-line separated. */
    private static String plainText() {
        StringBuilder text = new StringBuilder();
        int segments = 0;
        for (int paragraph = 1; segments < SEGMENTS; paragraph++) {
            text.append("The summit number ").append(paragraph).append(" was held in Beijing on June 11. ")
                    .append("Zhang Yunming attended and delivered a speech. ")
                    .append("It is necessary to promote high-quality development.Improve the systematic layout.\n\n");
            segments += 4;
        }
        return text.toString();
    }

    private static String xliff() {
        StringBuilder xliff = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
                <file original="bench.txt" source-language="zh-CN" target-language="en-US" datatype="plaintext"><body>
                """);
        for (int i = 0; i < SEGMENTS; i++) {
            xliff.append("<trans-unit id=\"u").append(i).append("\"><source>开放原子全球开源峰会在北京举行第")
                    .append(i).append("次。</source><target state=\"translated\">The <g id=\"1\">Open Atom</g> ")
                    .append("Global Open Source Summit was held in Beijing, number ").append(i)
                    .append(".</target><note>n").append(i).append("</note></trans-unit>\n");
        }
        return xliff.append("</body></file></xliff>\n").toString();
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
