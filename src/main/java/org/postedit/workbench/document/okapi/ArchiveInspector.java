package org.postedit.workbench.document.okapi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.postedit.workbench.document.DocumentFormat;
import org.postedit.workbench.document.ImportRejectedException;
import org.postedit.workbench.document.ImportRejectedException.Reason;

/**
 * Checks a ZIP container (DOCX, ODT) before Okapi opens it, and says which of the two it is. A zip bomb is refused
 * twice over: first by the sizes and compression ratios the central directory declares, then by counting what
 * really inflates while every entry is streamed once (declared sizes can lie). The same pass refuses XML parts
 * with a DOCTYPE or entity declaration, which Office and LibreOffice never write.
 */
final class ArchiveInspector {

    static final long MAX_TOTAL_BYTES = 500L * 1024 * 1024;
    static final long MAX_ENTRY_BYTES = 200L * 1024 * 1024;
    static final int MAX_ENTRIES = 10_000;
    /** Real documents compress text parts 5 to 20 times; bombs a thousand times. */
    static final int MAX_RATIO = 100;
    /** Entries below this size may compress as they like (a page of spaces is legitimately tiny). */
    static final long RATIO_EXEMPT_BYTES = 1024 * 1024;

    private static final String ODT_MIME = "application/vnd.oasis.opendocument.text";
    private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ENTITY = "<!ENTITY".getBytes(StandardCharsets.US_ASCII);

    private ArchiveInspector() {
    }

    /** DOCX or ODT; anything else is refused. */
    static DocumentFormat inspect(Path file, String fileName) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            checkDeclaredSizes(zip, fileName);
            DocumentFormat format = formatOf(zip, fileName);
            checkInflatedSizes(zip, fileName);
            return format;
        } catch (ZipException e) {
            throw damaged(fileName, e);
        } catch (IOException e) {
            throw damaged(fileName, e);
        }
    }

    private static void checkDeclaredSizes(ZipFile zip, String fileName) {
        if (zip.size() > MAX_ENTRIES) {
            throw bomb(fileName, "it has " + zip.size() + " parts");
        }
        long total = 0;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            long size = entry.getSize();
            long compressed = entry.getCompressedSize();
            if (size < 0) {
                continue; // unknown here; the streaming pass counts it
            }
            total += size;
            if (size > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES) {
                throw bomb(fileName, "its parts declare " + mebibytes(Math.max(size, total)) + " of content");
            }
            if (size > RATIO_EXEMPT_BYTES && compressed > 0 && size / compressed > MAX_RATIO) {
                throw bomb(fileName, "its part " + entry.getName() + " is compressed " + size / compressed
                        + " times");
            }
        }
    }

    private static DocumentFormat formatOf(ZipFile zip, String fileName) throws IOException {
        if (zip.getEntry("word/document.xml") != null) {
            return DocumentFormat.DOCX;
        }
        ZipEntry mimetype = zip.getEntry("mimetype");
        if (mimetype != null && mimetype.getSize() < 200) {
            try (InputStream in = zip.getInputStream(mimetype)) {
                String mime = new String(in.readNBytes(200), StandardCharsets.US_ASCII).strip();
                if (mime.equals(ODT_MIME)) {
                    return DocumentFormat.ODT;
                }
                throw new ImportRejectedException(Reason.UNSUPPORTED_FORMAT, fileName + " is an OpenDocument file of "
                        + "type " + mime + ", not a text document. " + SupportedFormats.LIST);
            }
        }
        String kind = zip.getEntry("xl/workbook.xml") != null ? "an Excel workbook"
                : zip.getEntry("ppt/presentation.xml") != null ? "a PowerPoint presentation"
                : "a ZIP archive that is neither a Word (DOCX) nor an OpenDocument text (ODT) file";
        throw new ImportRejectedException(Reason.UNSUPPORTED_FORMAT, fileName + " is " + kind + ". "
                + SupportedFormats.LIST);
    }

    private static void checkInflatedSizes(ZipFile zip, String fileName) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (entry.isDirectory()) {
                continue;
            }
            boolean xml = isXml(entry.getName());
            MarkupScanner markup = xml ? new MarkupScanner() : null;
            long size = 0;
            try (InputStream in = zip.getInputStream(entry)) {
                int read;
                while ((read = in.read(buffer)) > 0) {
                    size += read;
                    total += read;
                    if (size > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES) {
                        throw bomb(fileName, "it unpacks to more than "
                                + mebibytes(size > MAX_ENTRY_BYTES ? MAX_ENTRY_BYTES : MAX_TOTAL_BYTES));
                    }
                    if (markup != null && markup.foundDeclaration(buffer, read)) {
                        throw new ImportRejectedException(Reason.INVALID, fileName + " contains a DOCTYPE or "
                                + "entity declaration in " + entry.getName() + ", which Word and LibreOffice never "
                                + "write; it is refused because such declarations can read other files.");
                    }
                }
            }
            if (size > RATIO_EXEMPT_BYTES && entry.getCompressedSize() > 0
                    && size / entry.getCompressedSize() > MAX_RATIO) {
                throw bomb(fileName, "its part " + entry.getName() + " is compressed "
                        + size / entry.getCompressedSize() + " times");
            }
        }
    }

    private static boolean isXml(String name) {
        return name.endsWith(".xml") || name.endsWith(".rels");
    }

    /** Finds "<!DOCTYPE" or "<!ENTITY" across buffer boundaries. */
    private static final class MarkupScanner {
        private int doctypeMatched;
        private int entityMatched;

        boolean foundDeclaration(byte[] buffer, int length) {
            for (int i = 0; i < length; i++) {
                byte b = buffer[i];
                doctypeMatched = advance(DOCTYPE, doctypeMatched, b);
                entityMatched = advance(ENTITY, entityMatched, b);
                if (doctypeMatched == DOCTYPE.length || entityMatched == ENTITY.length) {
                    return true;
                }
            }
            return false;
        }

        private static int advance(byte[] pattern, int matched, byte b) {
            if (pattern[matched] == b) {
                return matched + 1;
            }
            return pattern[0] == b ? 1 : 0;
        }
    }

    private static ImportRejectedException bomb(String fileName, String why) {
        return new ImportRejectedException(Reason.INVALID, fileName + " is refused as a possible zip bomb: " + why
                + " (limits: " + mebibytes(MAX_ENTRY_BYTES) + " a part, " + mebibytes(MAX_TOTAL_BYTES)
                + " in all, compression ratio " + MAX_RATIO + ").");
    }

    private static ImportRejectedException damaged(String fileName, Exception e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ImportRejectedException(Reason.INVALID, fileName + " is a damaged or incomplete ZIP container "
                + "(was the upload cut off?): " + detail + ".", e);
    }

    private static String mebibytes(long bytes) {
        return (bytes / (1024 * 1024)) + " MB";
    }
}
