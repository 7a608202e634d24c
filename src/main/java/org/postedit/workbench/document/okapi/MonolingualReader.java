package org.postedit.workbench.document.okapi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.resource.RawDocument;
import net.sf.okapi.common.resource.TextContainer;
import net.sf.okapi.common.resource.TextFragment;

import org.postedit.workbench.document.DocumentFormat;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.ImportedDocument;
import org.postedit.workbench.document.ImportedSegment;
import org.postedit.workbench.document.okapi.FormatDetector.DetectedFile;

/**
 * Reads a file that holds only the machine translation (text, HTML, Markdown, DOCX, ODT): every paragraph Okapi
 * finds is cut into sentences with the shipped SRX rules, and each sentence is MT to review. The language is the
 * user's, else the file's, else detected from the text, else en-US; it also picks the SRX rules.
 */
final class MonolingualReader {

    static final String DEFAULT_LANGUAGE = "en-US";
    private static final int SAMPLE_CHARS = 4000;
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\r]*\\n");
    private static final Pattern HTML_LANG = Pattern.compile(
            "(?is)<html\\b[^>]*?\\s(?:xml:)?lang\\s*=\\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)");

    private final SegmentationRules rules;
    private final TextLanguageDetector languages;

    MonolingualReader(SegmentationRules rules, TextLanguageDetector languages) {
        this.rules = rules;
        this.languages = languages;
    }

    /** A paragraph as Okapi read it, with its line breaks already unwrapped for text and Markdown. */
    record Paragraph(String unitId, TextFragment text) {
    }

    ImportedDocument read(DetectedFile detected, Path file, String fileName, ImportOptions options) {
        List<Paragraph> paragraphs = paragraphs(detected, file, fileName);
        String language = LanguageTags.normalize(options.targetLanguage());
        if (language == null) {
            language = declaredLanguage(detected);
        }
        if (language == null) {
            language = languages.detect(sample(paragraphs)).orElse(DEFAULT_LANGUAGE);
        }
        List<ImportedSegment> segments = rules.withSegmenter(language, segmenter -> {
            List<ImportedSegment> all = new ArrayList<>(paragraphs.size() * 2);
            for (Paragraph paragraph : paragraphs) {
                all.addAll(ParagraphSegmenter.segment(paragraph.unitId(), paragraph.text(), segmenter));
            }
            return all;
        });
        return new ImportedDocument(detected.format(), LanguageTags.normalize(options.sourceLanguage()), language,
                segments);
    }

    /** The paragraphs a reviewer can work on, in document order. */
    List<Paragraph> paragraphs(DetectedFile detected, Path file, String fileName) {
        DocumentFormat format = detected.format();
        String text = detected.text() == null ? null : detected.text().text();
        boolean unwrap = format == DocumentFormat.PLAIN_TEXT || format == DocumentFormat.MARKDOWN;
        Set<String> referenceLabels = format == DocumentFormat.MARKDOWN ? MarkdownReferenceLabels.in(text) : Set.of();
        LocaleId locale = LocaleId.fromBCP47(DEFAULT_LANGUAGE);
        RawDocument document = text != null
                ? new RawDocument(text, locale, locale)
                : new RawDocument(file.toUri(), "UTF-8", locale, locale);
        boolean paragraphMode = format == DocumentFormat.PLAIN_TEXT && BLANK_LINE.matcher(text).find();
        UnitIds ids = new UnitIds();
        List<Paragraph> paragraphs = new ArrayList<>();
        TextUnitStream.forEach(OkapiFilters.create(format, paragraphMode), document, format, fileName, unit -> {
            if (!unit.isTranslatable()) {
                return;
            }
            String unitId = ids.unique(unit.getId());  // counted for every unit, so ids do not depend on filtering
            TextContainer source = unit.getSource();
            TextFragment content = source.contentIsOneSegment() ? source.getFirstContent()
                    : source.getUnSegmentedContentCopy();
            if (unwrap) {
                content = new TextFragment(LineUnwrapper.unwrap(content.getCodedText()), content.getCodes());
            }
            if (!ReviewableText.hasWords(content.getCodedText())
                    || referenceLabels.contains(content.getCodedText().strip())) {
                return;
            }
            paragraphs.add(new Paragraph(unitId, content));
        });
        return paragraphs;
    }

    private static String declaredLanguage(DetectedFile detected) {
        if (detected.format() != DocumentFormat.HTML || detected.text() == null) {
            return null;
        }
        String text = detected.text().text();
        Matcher lang = HTML_LANG.matcher(text.length() > 8192 ? text.substring(0, 8192) : text);
        return lang.find() ? LanguageTags.normalize(lang.group(1)) : null;
    }

    private static String sample(List<Paragraph> paragraphs) {
        StringBuilder sample = new StringBuilder(SAMPLE_CHARS + 200);
        for (Paragraph paragraph : paragraphs) {
            if (sample.length() >= SAMPLE_CHARS) {
                break;
            }
            sample.append(paragraph.text().getText()).append('\n');
        }
        return sample.toString();
    }
}
