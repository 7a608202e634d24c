package org.postedit.workbench.document.okapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.filters.IFilter;
import net.sf.okapi.common.resource.Code;
import net.sf.okapi.common.resource.RawDocument;
import net.sf.okapi.common.resource.TextFragment;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.postedit.workbench.document.DocumentFormat;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.ImportedDocument;
import org.postedit.workbench.document.ImportedSegment;
import org.postedit.workbench.document.TaggedText;

/**
 * Segmenting loses nothing: for every monolingual file of the corpus (and the shipped MT seed), each text unit Okapi
 * reads equals {@code spaceBefore + Σ(mt + spaceAfter)} of the unit's segments, codes included. Plain text and
 * Markdown units are compared after their hard line breaks are unwrapped, and the unwrapping itself is checked to
 * change nothing but whitespace.
 */
class MonolingualRebuildTest {

    private static final OkapiDocumentImporter IMPORTER = new OkapiDocumentImporter();

    @TestFactory
    Stream<DynamicTest> joinedSegmentsGiveBackEveryTextUnit() {
        Stream<Path> corpus = Corpus.manifest().stream()
                .filter(row -> !row.rejected())
                .map(row -> Corpus.doc(row.file()));
        Stream<Path> seed = Stream.of(Path.of("seeds/000_796b4e4ca0be2a4e.txt"));
        return Stream.concat(seed, corpus)
                .filter(file -> !FormatDetector.detect(file, name(file)).format().bilingual())
                .map(file -> dynamicTest(name(file), () -> checkRebuild(file)));
    }

    private static void checkRebuild(Path file) {
        FormatDetector.DetectedFile detected = FormatDetector.detect(file, name(file));
        Map<String, TextFragment> units = rawTextUnits(detected, file);
        ImportedDocument document = IMPORTER.read(file, name(file), ImportOptions.DETECT);
        Map<String, List<ImportedSegment>> byUnit = document.segments().stream()
                .collect(Collectors.groupingBy(ImportedSegment::unitId, LinkedHashMap::new, Collectors.toList()));

        assertThat(byUnit.keySet()).isSubsetOf(units.keySet());
        boolean unwraps = detected.format() == DocumentFormat.PLAIN_TEXT || detected.format() == DocumentFormat.MARKDOWN;
        int compared = 0;
        for (Map.Entry<String, TextFragment> unit : units.entrySet()) {
            TextFragment raw = unit.getValue();
            String expected = render(raw.getCodedText(), raw.getCodes());
            if (unwraps) {
                String unwrapped = LineUnwrapper.unwrap(raw.getCodedText());
                assertThat(withoutWhitespace(unwrapped)).isEqualTo(withoutWhitespace(raw.getCodedText()));
                expected = render(unwrapped, raw.getCodes());
            }
            List<ImportedSegment> segments = byUnit.get(unit.getKey());
            if (segments == null) {
                assertThat(ReviewableText.hasWords(raw.getCodedText()) && !isMarkdownLabel(detected, raw))
                        .as("unit %s left out although it has words: %s", unit.getKey(), expected).isFalse();
                continue;
            }
            assertThat(joined(segments)).as("unit " + unit.getKey()).isEqualTo(expected);
            compared++;
        }
        assertThat(compared).isEqualTo(byUnit.size()).isPositive();
    }

    /** The text units as Okapi reads them with the importer's filter configuration, nothing else. */
    private static Map<String, TextFragment> rawTextUnits(FormatDetector.DetectedFile detected, Path file) {
        LocaleId locale = LocaleId.fromBCP47("en-US");
        String text = detected.text() == null ? null : detected.text().text();
        RawDocument document = text != null ? new RawDocument(text, locale, locale)
                : new RawDocument(file.toUri(), "UTF-8", locale, locale);
        boolean paragraphs = text != null && text.matches("(?s).*\\n[ \\t\\r]*\\n.*");
        IFilter filter = OkapiFilters.create(detected.format(), paragraphs);
        Map<String, TextFragment> units = new LinkedHashMap<>();
        UnitIds ids = new UnitIds();
        TextUnitStream.forEach(filter, document, detected.format(), name(file), unit -> {
            if (unit.isTranslatable()) {
                units.put(ids.unique(unit.getId()), unit.getSource().getUnSegmentedContentCopy());
            }
        });
        return units;
    }

    private static boolean isMarkdownLabel(FormatDetector.DetectedFile detected, TextFragment raw) {
        return detected.format() == DocumentFormat.MARKDOWN
                && MarkdownReferenceLabels.in(detected.text().text()).contains(raw.getCodedText().strip());
    }

    private static String joined(List<ImportedSegment> segments) {
        StringBuilder out = new StringBuilder(segments.getFirst().spaceBefore());
        for (ImportedSegment segment : segments) {
            out.append(render(segment.mt())).append(segment.spaceAfter());
        }
        return out.toString();
    }

    /** Text with each code written as ⟦data⟧, the same for Okapi fragments and for TaggedText. */
    private static String render(String coded, List<Code> codes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < coded.length(); i++) {
            char c = coded.charAt(i);
            if (TextFragment.isMarker(c)) {
                out.append('⟦').append(codes.get(TextFragment.toIndex(coded.charAt(++i))).getData()).append('⟧');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String render(TaggedText text) {
        StringBuilder out = new StringBuilder();
        for (TaggedText.Run run : text.runs()) {
            out.append(run.code() == null ? run.text() : "⟦" + run.code().data() + "⟧");
        }
        return out.toString();
    }

    private static String withoutWhitespace(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }
}
