package org.postedit.workbench.document.okapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postedit.workbench.document.DocumentFormat;
import org.postedit.workbench.document.ImportRejectedException;
import org.postedit.workbench.document.ImportRejectedException.Reason;
import org.postedit.workbench.document.okapi.TextDecoder.DecodedText;
import org.postedit.workbench.document.okapi.XmlPreflight.XmlFacts;

/**
 * Decides what a file is from its content first and its name second: a ".txt" that is a ZIP is read as what the
 * ZIP holds, an ".xml" whose root is {@code <xliff>} as XLIFF, in the version its namespace and version attribute
 * say. Every check that can refuse a file before Okapi opens it runs here (empty, encrypted, zip bomb, unsafe or
 * malformed XML, unknown encoding).
 */
final class FormatDetector {

    /** A file that passed the checks: its format, and for text formats its decoded content. */
    record DetectedFile(DocumentFormat format, DecodedText text, XmlFacts xml) {
    }

    private static final int HEAD_BYTES = 8192;
    private static final String XLIFF_1_NAMESPACE = "urn:oasis:names:tc:xliff:document:1.";
    private static final String XLIFF_2_NAMESPACE = "urn:oasis:names:tc:xliff:document:2.0";
    private static final Set<String> XML_EXTENSIONS = Set.of("xlf", "xliff", "xml", "tmx", "sdlxliff", "mxliff");
    private static final Set<String> HTML_EXTENSIONS = Set.of("html", "htm", "xhtml");
    private static final Set<String> TEXT_EXTENSIONS = Set.of("txt", "text", "");
    private static final Pattern HTML_START = Pattern.compile("(?is)^(?:<!--.*?-->\\s*)*<(?:!DOCTYPE\\s+html|html[\\s>])");
    private static final Pattern INTERCHANGE_START = Pattern.compile(
            "^(?:<!--.*?-->\\s*|<!DOCTYPE[^>]*>\\s*)*<(?:xliff|tmx)[\\s>]", Pattern.DOTALL);
    private static final Pattern HTML_CHARSET = Pattern.compile(
            "(?i)<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9._-]+)");
    private static final Pattern PO_CHARSET = Pattern.compile("(?m)^\"Content-Type:[^\"]*charset=([A-Za-z0-9._-]+)");
    private static final Pattern PO_ENTRY = Pattern.compile("(?m)^msgid\\s+\"");

    private FormatDetector() {
    }

    static DetectedFile detect(Path file, String fileName) {
        byte[] head = head(file);
        if (head.length == 0) {
            throw empty(fileName);
        }
        String extension = extension(fileName);
        refuseOpaque(head, extension, fileName);
        if (TextDecoder.startsWith(head, 'P', 'K', 3, 4) || TextDecoder.startsWith(head, 'P', 'K', 5, 6)) {
            return new DetectedFile(ArchiveInspector.inspect(file, fileName), null, null);
        }
        String headText = headText(head);
        String start = headText.stripLeading();
        if (start.isEmpty() && isWhitespaceOnly(file)) {
            throw empty(fileName);
        }
        boolean html = HTML_EXTENSIONS.contains(extension) || HTML_START.matcher(start).find();
        if (!html && (start.startsWith("<?xml") || INTERCHANGE_START.matcher(start).find()
                || (start.startsWith("<") && XML_EXTENSIONS.contains(extension)))) {
            return xml(file, fileName);
        }
        if (html) {
            return text(DocumentFormat.HTML, file, fileName, declared(HTML_CHARSET, headText));
        }
        if (XML_EXTENSIONS.contains(extension)) {
            throw new ImportRejectedException(Reason.INVALID, fileName + " is not XML, so it cannot be "
                    + (extension.equals("tmx") ? "TMX" : "XLIFF") + ": it does not start with an XML element.");
        }
        if (extension.equals("md") || extension.equals("markdown")) {
            return text(DocumentFormat.MARKDOWN, file, fileName, null);
        }
        if (extension.equals("po") || extension.equals("pot") || PO_ENTRY.matcher(headText).find()) {
            return text(DocumentFormat.PO, file, fileName, poCharset(headText));
        }
        if (TEXT_EXTENSIONS.contains(extension)) {
            return text(DocumentFormat.PLAIN_TEXT, file, fileName, null);
        }
        throw new ImportRejectedException(Reason.UNSUPPORTED_FORMAT,
                "Files of type ." + extension + " are not supported. " + SupportedFormats.LIST);
    }

    /** Files whose first bytes already say they are no text and no supported container. */
    private static void refuseOpaque(byte[] head, String extension, String fileName) {
        if (TextDecoder.startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            throw new ImportRejectedException(Reason.INVALID, fileName + " is a password-protected or old binary "
                    + "Office file (OLE compound document), not a DOCX or ODT. Remove the password, or save it "
                    + "as .docx, and upload it again.");
        }
        boolean zip = TextDecoder.startsWith(head, 'P', 'K');
        if ((extension.equals("docx") || extension.equals("odt")) && !zip) {
            throw new ImportRejectedException(Reason.INVALID, fileName + " is not a valid ." + extension
                    + " file: such files are ZIP archives, and this one is not.");
        }
        String kind = TextDecoder.startsWith(head, '%', 'P', 'D', 'F') ? "a PDF document"
                : TextDecoder.startsWith(head, 0x89, 'P', 'N', 'G') ? "a PNG image"
                : TextDecoder.startsWith(head, 0xFF, 0xD8, 0xFF) ? "a JPEG image"
                : TextDecoder.startsWith(head, 'G', 'I', 'F', '8') ? "a GIF image"
                : TextDecoder.startsWith(head, '{', '\\', 'r', 't', 'f') ? "an RTF document"
                : null;
        if (kind != null) {
            throw new ImportRejectedException(Reason.UNSUPPORTED_FORMAT, fileName + " is " + kind + ". "
                    + SupportedFormats.LIST);
        }
    }

    private static DetectedFile xml(Path file, String fileName) {
        XmlFacts facts = XmlPreflight.scan(file, fileName);
        if (facts.isTmx()) {
            return new DetectedFile(DocumentFormat.TMX, null, facts);
        }
        if (facts.isXliff()) {
            return new DetectedFile(xliffVersion(facts, fileName), null, facts);
        }
        if ("html".equals(facts.root())) {
            return text(DocumentFormat.HTML, file, fileName, null);
        }
        throw new ImportRejectedException(Reason.UNSUPPORTED_FORMAT, fileName + " is XML with the root element <"
                + facts.root() + ">, which is neither XLIFF nor TMX. " + SupportedFormats.LIST);
    }

    /** XLIFF 1.0, 1.1 and 1.2 share one structure and one Okapi filter; 2.0, 2.1 and 2.2 share the 2.0 namespace. */
    private static DocumentFormat xliffVersion(XmlFacts facts, String fileName) {
        String namespace = facts.namespace() == null ? "" : facts.namespace();
        String version = facts.version() == null ? "" : facts.version().strip();
        if (namespace.startsWith(XLIFF_1_NAMESPACE) || (namespace.isEmpty() && version.startsWith("1."))) {
            return DocumentFormat.XLIFF12;
        }
        if (namespace.equals(XLIFF_2_NAMESPACE)) {
            return DocumentFormat.XLIFF2;
        }
        throw new ImportRejectedException(Reason.UNSUPPORTED_FORMAT, fileName + " is XLIFF with the namespace \""
                + namespace + "\" and version \"" + version + "\", which is no known XLIFF version (XLIFF 1.2 uses "
                + XLIFF_1_NAMESPACE + "2, XLIFF 2.x uses " + XLIFF_2_NAMESPACE + "). " + SupportedFormats.LIST);
    }

    private static DetectedFile text(DocumentFormat format, Path file, String fileName, String declaredCharset) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DecodedText text = TextDecoder.decode(bytes, declaredCharset);
        if (text.text().isBlank()) {
            throw empty(fileName);
        }
        ControlCharacters.refuseIn(text.text(), fileName);
        return new DetectedFile(format, text, null);
    }

    /** The first bytes as text, good enough to recognise markup and declarations, never stored. */
    private static String headText(byte[] head) {
        Charset announced = TextDecoder.announcedCharset(head);
        String text = new String(head, announced != null ? announced : StandardCharsets.UTF_8);
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    private static String declared(Pattern pattern, String headText) {
        Matcher matcher = pattern.matcher(headText);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String poCharset(String headText) {
        String charset = declared(PO_CHARSET, headText);
        return charset == null || charset.equalsIgnoreCase("CHARSET") ? null : charset;
    }

    private static boolean isWhitespaceOnly(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[HEAD_BYTES];
            int read;
            while ((read = in.read(buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    int b = buffer[i] & 0xFF;
                    if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != 0 && b != 0xFE && b != 0xFF
                            && b != 0xEF && b != 0xBB && b != 0xBF) {
                        return false;
                    }
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String extension(String fileName) {
        String name = fileName == null ? "" : fileName;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static ImportRejectedException empty(String fileName) {
        return new ImportRejectedException(Reason.INVALID, "The file " + fileName + " is empty: it has no text "
                + "to review.");
    }
}
