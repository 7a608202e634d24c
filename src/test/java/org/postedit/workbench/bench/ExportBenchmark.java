package org.postedit.workbench.bench;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.sf.okapi.common.Event;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.XMLWriter;
import net.sf.okapi.common.filterwriter.IFilterWriter;
import net.sf.okapi.common.filterwriter.TMXWriter;
import net.sf.okapi.common.filterwriter.XLIFFWriter;
import net.sf.okapi.common.resource.ITextUnit;
import net.sf.okapi.common.resource.RawDocument;
import net.sf.okapi.common.resource.TextFragment;
import net.sf.okapi.common.resource.TextUnit;
import net.sf.okapi.common.filters.WrapMode;
import net.sf.okapi.filters.plaintext.paragraphs.ParaPlainTextFilter;
import net.sf.okapi.filters.xliff.XLIFFFilter;
import net.sf.okapi.lib.xliff2.core.StartFileData;
import net.sf.okapi.lib.xliff2.core.StartXliffData;
import net.sf.okapi.lib.xliff2.core.Unit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SegmentStatus;
import org.postedit.workbench.document.TaggedText;
import org.postedit.workbench.export.ExportFormat;
import org.postedit.workbench.export.ExportOptions;
import org.postedit.workbench.export.ExportService;
import org.postedit.workbench.review.ReviewService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Not a test: export time and peak heap of a 50,000-segment document in each format, beside Okapi's own writers fed
 * from 50,000 units held in memory, in the same JVM; and the same export of a 5,000-segment document, to show the
 * export's memory does not grow with the document. Run with {@code ./mvnw -o -Pbench test -Dtest=ExportBenchmark}
 * (-Xmx512m); see docs/benchmarks.md.
 */
@Tag("bench")
@SpringBootTest(properties = "workbench.import.max-file-size=200MB")
@ActiveProfiles("test")
// the service checks the signed-in user: these tests edit and approve as an approver
@WithMockUser(username = "bench", roles = "APPROVER")
class ExportBenchmark {

    private static final int SEGMENTS = 50_000;
    private static final LocaleId SOURCE = LocaleId.fromBCP47("zh-CN");
    private static final LocaleId TARGET = LocaleId.fromBCP47("en-US");

    @Autowired
    DocumentService documents;
    @Autowired
    ExportService export;
    @Autowired
    ReviewService review;

    @TempDir
    Path dir;

    @Test
    void export50000Segments() throws Exception {
        Path file = generate(dir.resolve("bench-50k.xlf"), SEGMENTS);
        Path small = generate(dir.resolve("bench-5k.xlf"), SEGMENTS / 10);
        long large = documents.importFile(file, "bench-50k.xlf", ImportOptions.DETECT, "bench").document().id();
        long smaller = documents.importFile(small, "bench-5k.xlf", ImportOptions.DETECT, "bench").document().id();
        editSome(large);
        editSome(smaller);
        System.out.printf(Locale.ROOT, "%nBENCH document: %s, %.1f MB, %d segments (and %d)%n", file.getFileName(),
                Files.size(file) / 1e6, SEGMENTS, SEGMENTS / 10);
        ExportOptions all = new ExportOptions(EnumSet.allOf(SegmentStatus.class), false);

        // warm-up of every path on the small document, so JIT and class loading favour neither side
        for (ExportFormat format : ExportFormat.values()) {
            export.export(smaller, format, all, OutputStream.nullOutputStream());
        }
        List<ITextUnit> warm = okapiUnits(5000);
        okapiXliff12(warm);
        okapiXliff2(warm);
        okapiTmx(warm);
        okapiRoundTrip(small);
        warm = null;

        // the workbench first, while no baseline units are held: each export twice, the better one counts
        Map<ExportFormat, Measure> large50k = new java.util.EnumMap<>(ExportFormat.class);
        Map<ExportFormat, Measure> small5k = new java.util.EnumMap<>(ExportFormat.class);
        for (ExportFormat format : ExportFormat.values()) {
            large50k.put(format, best(() -> export.export(large, format, all, OutputStream.nullOutputStream())));
            small5k.put(format, best(() -> export.export(smaller, format, all, OutputStream.nullOutputStream())));
        }
        // the original format of a text document: the monolingual path (units rebuilt from the stored segments)
        Path text = generateText(dir.resolve("bench-50k.txt"), SEGMENTS / 2);
        long textId = documents.importFile(text, "bench-50k.txt", ImportOptions.DETECT, "bench").document().id();
        editSome(textId);
        export.export(textId, ExportFormat.ORIGINAL, all, OutputStream.nullOutputStream());
        okapiTextRoundTrip(text);
        Measure textExport = best(() -> export.export(textId, ExportFormat.ORIGINAL, all,
                OutputStream.nullOutputStream()));
        Measure textOkapi = best(() -> okapiTextRoundTrip(text));
        long textRetained = retainedWhileWriting(out -> export.export(textId, ExportFormat.ORIGINAL, all, out));
        long textOkapiRetained = retainedWhileWriting(out -> okapiTextRoundTrip(text, out));
        System.out.printf(Locale.ROOT, "BENCH original format, text of %d segments (%.1f MB): workbench %6.2f s, "
                        + "peak +%4d MB, live +%4d MB, retained +%d MB | Okapi's text filter into its writer %6.2f s, "
                        + "peak +%4d MB, live +%4d MB, retained +%d MB | time ratio %.2f%n",
                documents.document(textId).segmentCount(), Files.size(text) / 1e6, textExport.seconds,
                textExport.growthMb, textExport.liveMb, textRetained, textOkapi.seconds, textOkapi.growthMb,
                textOkapi.liveMb, textOkapiRetained, textExport.seconds / textOkapi.seconds);

        Map<ExportFormat, Long> retained50k = new java.util.EnumMap<>(ExportFormat.class);
        for (ExportFormat format : ExportFormat.values()) {
            retained50k.put(format, retainedWhileWriting(out -> export.export(large, format, all, out)));
        }
        long okapiRoundTripRetained = retainedWhileWriting(out -> okapiRoundTrip(file, out));
        System.out.printf(Locale.ROOT, "BENCH retained while writing 50,000 segments (full GC every 256 KB written): "
                + "%s; Okapi's XLIFF filter into its writer +%d MB%n", retained50k, okapiRoundTripRetained);

        long withoutList = retained();
        List<Segment> asList = documents.segments(large);  // what the export held before it streamed
        long list = retained() - withoutList;
        System.out.printf(Locale.ROOT, "BENCH the document's %d segments as one list (the export before streaming): "
                + "%d MB after GC%n", asList.size(), list / (1024 * 1024));
        asList = null;
        List<ITextUnit> okapiUnits = okapiUnits(SEGMENTS);
        long held = retained();
        for (ExportFormat format : ExportFormat.values()) {
            Measure okapi = switch (format) {
                case XLIFF12 -> best(() -> okapiXliff12(okapiUnits));
                case XLIFF2 -> best(() -> okapiXliff2(okapiUnits));
                case TMX -> best(() -> okapiTmx(okapiUnits));
                case ORIGINAL -> best(() -> okapiRoundTrip(file));
            };
            Measure workbench = large50k.get(format);
            Measure workbenchSmall = small5k.get(format);
            System.out.printf(Locale.ROOT, "BENCH %-15s workbench %6.2f s, peak +%4d MB, live +%4d MB "
                            + "(5,000 segments: %5.2f s, +%4d MB, live +%4d MB) | Okapi from memory %6.2f s, "
                            + "peak +%4d MB, live +%4d MB | time ratio %.2f%n", format.label(),
                    workbench.seconds, workbench.growthMb, workbench.liveMb, workbenchSmall.seconds,
                    workbenchSmall.growthMb, workbenchSmall.liveMb, okapi.seconds, okapi.growthMb, okapi.liveMb,
                    workbench.seconds / okapi.seconds);
        }
        System.out.printf(Locale.ROOT, "BENCH heap: max %d MB; the Okapi baseline's %d units in memory: %d MB after GC "
                        + "(held before its runs, not counted in its +MB)%n",
                Runtime.getRuntime().maxMemory() / (1024 * 1024), okapiUnits.size(), held / (1024 * 1024));
    }

    /** The faster of two runs (the machine is shared: the slower one is mostly someone else's build). */
    private static Measure best(ThrowingRunnable work) throws Exception {
        Measure first = measure(work);
        Measure second = measure(work);
        return new Measure(Math.min(first.seconds, second.seconds), Math.max(first.growthMb, second.growthMb),
                Math.max(first.liveMb, second.liveMb));
    }

    /**
     * @param growthMb peak heap during the run (garbage included, over all heap pools) minus the heap in use after a
     *                 GC just before it: what the run itself needed at most
     */
    private record Measure(double seconds, long growthMb, long liveMb) {
    }

    /**
     * Also samples, every 10 ms, the heap the collector found alive at its last collection during the run: the
     * largest of these, minus what was alive before, is what the run kept (not garbage it made).
     */
    private static Measure measure(ThrowingRunnable work) throws Exception {
        long before = retained();
        long liveBefore = liveAfterGc();
        resetPeaks();
        java.util.concurrent.atomic.AtomicLong live = new java.util.concurrent.atomic.AtomicLong(liveBefore);
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (running.get()) {
                live.accumulateAndGet(liveAfterGc(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        running.set(false);
        sampler.join();
        return new Measure(seconds, Math.max(0, peakHeap() - before) / (1024 * 1024),
                Math.max(0, live.get() - liveBefore) / (1024 * 1024));
    }

    interface Writing {
        void writeTo(OutputStream out) throws Exception;
    }

    /**
     * What a run keeps, exactly: a full GC every 256 KB of output, the largest heap after it minus the heap before
     * the run. Slow (a separate run from the timed ones), but garbage promoted to the old generation does not count.
     */
    private static long retainedWhileWriting(Writing work) throws Exception {
        long before = retained();
        long[] most = {before};
        OutputStream sampling = new OutputStream() {
            private long written;
            private long next = 256 * 1024;

            @Override
            public void write(int b) {
                count(1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                count(length);
            }

            private void count(int length) {
                written += length;
                if (written >= next) {
                    next += 256 * 1024;
                    most[0] = Math.max(most[0], retained());
                }
            }
        };
        work.writeTo(sampling);
        return Math.max(0, most[0] - before) / (1024 * 1024);
    }

    private static long liveAfterGc() {
        return heapPools().stream().map(MemoryPoolMXBean::getCollectionUsage)
                .filter(java.util.Objects::nonNull).mapToLong(java.lang.management.MemoryUsage::getUsed).sum();
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Every 100th segment edited, every 10th approved: the original format is rebuilt, not copied. */
    private void editSome(long id) {
        int n = 0;
        for (Segment segment : documents.segmentsInOrder(id)) {
            if (n % 100 == 0) {
                review.save(segment.id(), segment.version(), new TaggedText(segment.target().coded() + " (edited)",
                        segment.target().codes()), "bench");
            }
            n++;
        }
    }

    /** XLIFF 1.2, one trans-unit per sentence, every fourth with a bold code, statuses mixed. */
    private static Path generate(Path file, int count) throws Exception {
        StringBuilder x = new StringBuilder(count * 320);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\" "
                + "xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n<file original=\"bench.txt\" "
                + "source-language=\"zh-CN\" target-language=\"en-US\" datatype=\"plaintext\"><body>\n");
        for (int i = 0; i < count; i++) {
            String state = switch (i % 4) {
                case 0 -> " state=\"needs-review-translation\" state-qualifier=\"mt-suggestion\"";
                case 1 -> " state=\"translated\"";
                case 2 -> " state=\"signed-off\"";
                default -> "";
            };
            x.append("<trans-unit id=\"u").append(i).append("\"><source>峰会于6月").append(i % 28 + 1)
                    .append("日在北京举行，共有").append(i).append(i % 4 == 3 ? "名<g id=\"1\">开发者</g>出席。" : "名开发者出席。")
                    .append("</source><target").append(state).append(">The summit was held in Beijing on June ")
                    .append(i % 28 + 1).append(", attended by ").append(i)
                    .append(i % 4 == 3 ? " <g id=\"1\">developers</g>." : " developers.")
                    .append("</target></trans-unit>\n");
        }
        x.append("</body></file></xliff>\n");
        Files.writeString(file, x.toString(), StandardCharsets.UTF_8);
        return file;
    }

    /** Plain text: paragraphs of two sentences separated by blank lines, every third indented. */
    private static Path generateText(Path file, int paragraphs) throws Exception {
        StringBuilder x = new StringBuilder(paragraphs * 90);
        for (int i = 0; i < paragraphs; i++) {
            x.append(i % 3 == 0 ? "  " : "").append("The summit was held in Beijing on June ").append(i % 28 + 1)
                    .append(". It was attended by ").append(i).append(" developers.\n\n");
        }
        Files.writeString(file, x.toString(), StandardCharsets.UTF_8);
        return file;
    }

    /** Okapi's paragraph text filter (configured as the export configures it) straight into its writer. */
    private static void okapiTextRoundTrip(Path file) throws Exception {
        okapiTextRoundTrip(file, OutputStream.nullOutputStream());
    }

    private static void okapiTextRoundTrip(Path file, OutputStream out) throws Exception {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        ParaPlainTextFilter filter = new ParaPlainTextFilter();
        var parameters = (net.sf.okapi.filters.plaintext.paragraphs.Parameters) filter.getParameters();
        parameters.extractParagraphs = true;
        parameters.wrapMode = WrapMode.NONE;
        parameters.trimLeading = false;
        parameters.trimTrailing = false;
        parameters.preserveWS = true;
        parameters.unescapeSource = false;
        parameters.useCodeFinder = false;
        try (filter; RawDocument raw = new RawDocument(content, TARGET, TARGET)) {
            IFilterWriter writer = filter.createFilterWriter();
            writer.setOptions(TARGET, "UTF-8");
            writer.setOutput(out);
            filter.open(raw);
            while (filter.hasNext()) {
                writer.handleEvent(filter.next());
            }
            writer.close();
        }
    }

    /** The same content as Okapi text units, all in memory: what a writer fed from memory starts from. */
    private static List<ITextUnit> okapiUnits(int count) {
        List<ITextUnit> units = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            TextUnit unit = new TextUnit("u" + i);
            TextFragment source = new TextFragment("峰会于6月" + (i % 28 + 1) + "日在北京举行，共有" + i + "名");
            TextFragment target = new TextFragment("The summit was held in Beijing on June " + (i % 28 + 1)
                    + ", attended by " + i + " ");
            if (i % 4 == 3) {
                source.append(TextFragment.TagType.OPENING, "bold", "<b>");
                target.append(TextFragment.TagType.OPENING, "bold", "<b>");
            }
            source.append("开发者");
            target.append("developers");
            if (i % 4 == 3) {
                source.append(TextFragment.TagType.CLOSING, "bold", "</b>");
                target.append(TextFragment.TagType.CLOSING, "bold", "</b>");
            }
            source.append("出席。");
            target.append(".");
            unit.setSourceContent(source);
            unit.setTargetContent(TARGET, target);
            units.add(unit);
        }
        return units;
    }

    private static void okapiXliff12(List<ITextUnit> units) {
        XLIFFWriter writer = new XLIFFWriter();
        writer.setOutput(OutputStream.nullOutputStream());
        writer.create(null, null, SOURCE, TARGET, "plaintext", "bench.txt", null);
        for (ITextUnit unit : units) {
            writer.writeTextUnit(unit);
        }
        writer.close();
    }

    private static void okapiXliff2(List<ITextUnit> units) {
        try (net.sf.okapi.lib.xliff2.writer.XLIFFWriter writer = new net.sf.okapi.lib.xliff2.writer.XLIFFWriter()) {
            writer.create(new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8), "zh-CN",
                    "en-US");
            StartXliffData start = new StartXliffData(null);
            start.setSourceLanguage("zh-CN");
            start.setTargetLanguage("en-US");
            writer.writeStartDocument(start, null);
            StartFileData file = new StartFileData("f1");
            writer.writeStartFile(file);
            writer.setWithOriginalData(true);
            for (ITextUnit unit : units) {
                Unit u = new Unit(unit.getId());
                var segment = u.appendSegment();
                segment.setId("0");
                segment.setPreserveWS(true);
                segment.setState(net.sf.okapi.lib.xliff2.core.TargetState.TRANSLATED);
                copy(unit.getSource().getFirstContent(), segment.getSource());
                copy(unit.getTarget(TARGET).getFirstContent(),
                        segment.getTarget(net.sf.okapi.lib.xliff2.core.Part.GetTarget.CREATE_EMPTY));
                writer.writeUnit(u);
            }
            writer.writeEndFile();
            writer.writeEndDocument();
        }
    }

    /** Text and codes (as {@code pc} with their data), the work the workbench's XLIFF 2 export does per segment. */
    private static void copy(TextFragment from, net.sf.okapi.lib.xliff2.core.Fragment to) {
        String coded = from.getCodedText();
        for (int i = 0; i < coded.length(); i++) {
            char c = coded.charAt(i);
            if (TextFragment.isMarker(c)) {
                net.sf.okapi.common.resource.Code code = from.getCode(TextFragment.toIndex(coded.charAt(++i)));
                net.sf.okapi.lib.xliff2.core.TagType type = switch (code.getTagType()) {
                    case OPENING -> net.sf.okapi.lib.xliff2.core.TagType.OPENING;
                    case CLOSING -> net.sf.okapi.lib.xliff2.core.TagType.CLOSING;
                    default -> net.sf.okapi.lib.xliff2.core.TagType.STANDALONE;
                };
                to.append(type, "c" + code.getId(), code.getData(), false);
            } else {
                to.append(c);
            }
        }
    }

    private static void okapiTmx(List<ITextUnit> units) {
        Writer out = new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8);
        TMXWriter writer = new TMXWriter(new XMLWriter(out));
        writer.writeStartDocument(SOURCE, TARGET, "bench", "1", "sentence", "bench", "plaintext");
        for (ITextUnit unit : units) {
            writer.writeTU(unit.getSource().getFirstContent(), unit.getTarget(TARGET).getFirstContent(), unit.getId(),
                    Map.of());
        }
        writer.writeEndDocument();
        writer.close();
    }

    /** Okapi's XLIFF filter straight into its own writer: the original-format path without a database. */
    private static void okapiRoundTrip(Path file) throws Exception {
        okapiRoundTrip(file, OutputStream.nullOutputStream());
    }

    private static void okapiRoundTrip(Path file, OutputStream out) throws Exception {
        try (XLIFFFilter filter = new XLIFFFilter();
             RawDocument raw = new RawDocument(file.toUri(), "UTF-8", SOURCE, TARGET)) {
            IFilterWriter writer = filter.createFilterWriter();
            writer.setOptions(TARGET, "UTF-8");
            writer.setOutput(out);
            filter.open(raw);
            while (filter.hasNext()) {
                Event event = filter.next();
                writer.handleEvent(event);
            }
            writer.close();
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : heapPools()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long retained() {
        System.gc();
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }
}
