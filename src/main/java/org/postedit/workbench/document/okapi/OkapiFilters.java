package org.postedit.workbench.document.okapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import net.sf.okapi.common.filters.IFilter;
import net.sf.okapi.common.filters.WrapMode;
import net.sf.okapi.filters.html.HtmlFilter;
import net.sf.okapi.filters.markdown.MarkdownFilter;
import net.sf.okapi.filters.openoffice.OpenOfficeFilter;
import net.sf.okapi.filters.openxml.OpenXMLFilter;
import net.sf.okapi.filters.plaintext.paragraphs.ParaPlainTextFilter;
import net.sf.okapi.filters.po.POFilter;
import net.sf.okapi.filters.tmx.TmxFilter;
import net.sf.okapi.filters.xliff.XLIFFFilter;
import net.sf.okapi.filters.xliff2.XLIFF2Filter;

import org.postedit.workbench.document.DocumentFormat;

/**
 * One configured Okapi filter per import (filters keep per-file state). The configuration is where the
 * workbench differs from Okapi's defaults; everything else is left as Okapi ships it.
 */
final class OkapiFilters {

    /**
     * WordPress/Visual Composer shortcodes ({@code [vc_row]}, {@code [vc_single_image image="470"]},
     * {@code [/vc_column]}) are markup, not prose: the HTML filter's code finder turns them into inline codes.
     */
    static final String SHORTCODE = "\\[/?[a-z][a-z0-9_-]*(?:\\s+[a-z_-]+=\"[^\"]*\")*\\s*/?\\]";

    private static final String HTML_CONFIGURATION = htmlConfiguration();

    private OkapiFilters() {
    }

    /**
     * @param paragraphs for plain text: true to read blank-line separated paragraphs, false for one unit a line
     */
    static IFilter create(DocumentFormat format, boolean paragraphs) {
        return switch (format) {
            case PLAIN_TEXT -> plainText(paragraphs);
            case HTML -> html();
            case MARKDOWN -> markdown();
            case DOCX -> new OpenXMLFilter();
            case ODT -> new OpenOfficeFilter();
            case XLIFF12 -> new XLIFFFilter();
            case XLIFF2 -> new XLIFF2Filter();
            case PO -> new POFilter();
            case TMX -> new TmxFilter();
        };
    }

    private static IFilter plainText(boolean paragraphs) {
        ParaPlainTextFilter filter = new ParaPlainTextFilter();
        var parameters = (net.sf.okapi.filters.plaintext.paragraphs.Parameters) filter.getParameters();
        parameters.extractParagraphs = paragraphs;
        parameters.wrapMode = WrapMode.NONE;      // lines are joined by LineUnwrapper, which knows about CJK
        parameters.trimLeading = false;           // the text unit keeps its exact text; segments trim it
        parameters.trimTrailing = false;
        parameters.preserveWS = true;
        parameters.unescapeSource = false;        // "C:\new" is a path, not a line break
        parameters.useCodeFinder = false;
        return filter;
    }

    private static IFilter html() {
        HtmlFilter filter = new HtmlFilter();
        net.sf.okapi.filters.html.Parameters parameters = new net.sf.okapi.filters.html.Parameters();
        parameters.fromString(HTML_CONFIGURATION);
        filter.setParameters(parameters);
        return filter;
    }

    private static IFilter markdown() {
        MarkdownFilter filter = new MarkdownFilter();
        net.sf.okapi.filters.markdown.Parameters parameters = filter.getParameters();
        parameters.setTranslateFencedCodeBlocks(false);
        parameters.setTranslateIndentedCodeBlocks(false);
        parameters.setTranslateUrls(false);
        return filter;
    }

    private static String htmlConfiguration() {
        String resource = "/net/sf/okapi/filters/html/nonwellformedConfiguration.yml";
        try (InputStream in = HtmlFilter.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Okapi HTML configuration missing: " + resource);
            }
            String okapiDefaults = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String rules = "#v1\ncount.i=1\nrule0=" + SHORTCODE;
            return okapiDefaults + "\nuseCodeFinder: true\ncodeFinderRules: \"" + yamlEscape(rules) + "\"\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String yamlEscape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
