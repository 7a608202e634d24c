package org.postedit.workbench.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Ties an XLIFF export to the document it came from, so that a file uploaded onto the wrong document is refused:
 * the document's id and the start of its original file's SHA-256 (ids alone repeat between installations), and the
 * time of the export, which tells a change made in the workbench after the export from one made in the file.
 *
 * <p>XLIFF 1.2 carries it in the {@code <file>} attributes {@code build-num} and {@code date}; XLIFF 2 in the
 * metadata module ({@code <mda:meta type="workbench-document">}, {@code type="exported"}). Both are plain XLIFF,
 * valid in the strict schemas, and kept by tools that keep the file's header.
 */
record DocumentStamp(long documentId, String originalSha256, Instant exportedAt) {

    static final String META_DOCUMENT = "workbench-document";
    static final String META_EXPORTED = "exported";
    private static final Pattern VALUE = Pattern.compile("wb-document-(\\d{1,18})-([0-9a-f]{16,64})");
    private static final int SHA_CHARS = 16;

    static DocumentStamp of(long documentId, String originalSha256, Instant exportedAt) {
        return new DocumentStamp(documentId, originalSha256.substring(0, Math.min(SHA_CHARS,
                originalSha256.length())), exportedAt);
    }

    String value() {
        return "wb-document-" + documentId + "-" + originalSha256;
    }

    boolean names(long id, String sha256) {
        return documentId == id && sha256.startsWith(originalSha256);
    }

    /** What the header of an uploaded XLIFF says about where it came from. */
    record Header(String version, String original, String targetLanguage, DocumentStamp stamp) {
    }

    /**
     * Reads the header of an XLIFF file (up to its first unit), with DTDs and external entities off.
     *
     * @return null when the file is not XLIFF
     */
    static Header read(Path file) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            String version = null;
            String original = null;
            String target = null;
            String stampValue = null;
            String date = null;
            boolean inFile = false;
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = xml.getLocalName();
                if (version == null) {
                    if (!name.equals("xliff")) {
                        return null;
                    }
                    version = attribute(xml, "version");
                    target = attribute(xml, "trgLang");
                    continue;
                }
                switch (name) {
                    case "file" -> {
                        if (inFile) {
                            return header(version, original, target, stampValue, date);
                        }
                        inFile = true;
                        original = attribute(xml, "original");
                        if (attribute(xml, "target-language") != null) {
                            target = attribute(xml, "target-language");
                        }
                        stampValue = attribute(xml, "build-num");
                        date = attribute(xml, "date");
                    }
                    case "meta" -> {
                        String type = attribute(xml, "type");
                        if (META_DOCUMENT.equals(type)) {
                            stampValue = xml.getElementText();
                        } else if (META_EXPORTED.equals(type)) {
                            date = xml.getElementText();
                        }
                    }
                    case "body", "unit", "group", "trans-unit" -> {
                        return header(version, original, target, stampValue, date);
                    }
                    default -> {
                    }
                }
            }
            return version == null ? null : header(version, original, target, stampValue, date);
        } catch (XMLStreamException e) {
            return null;
        }
    }

    private static Header header(String version, String original, String target, String stampValue, String date) {
        DocumentStamp stamp = null;
        Matcher m = stampValue == null ? null : VALUE.matcher(stampValue.strip());
        if (m != null && m.matches()) {
            Instant exported = null;
            try {
                exported = date == null ? null : Instant.parse(date.strip());
            } catch (DateTimeParseException e) {
                // another tool rewrote the date: the stamp still names the document, conflicts go undetected
            }
            stamp = new DocumentStamp(Long.parseLong(m.group(1)), m.group(2), exported);
        }
        return new Header(version, original, target, stamp);
    }

    private static String attribute(XMLStreamReader xml, String name) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (xml.getAttributeLocalName(i).equals(name)) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }
}
