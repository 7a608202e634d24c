package org.postedit.workbench.document.okapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.postedit.workbench.document.ImportRejectedException;
import org.postedit.workbench.document.ImportRejectedException.Reason;

/**
 * Reads an XML file once with a hardened parser before Okapi sees it: DTDs and external entities off, so no
 * entity is ever expanded and no other file or URL is read. It refuses what is not well-formed XML 1.0 (with the
 * parser's line), any entity declaration or reference (entity bombs, XXE) and a DOCTYPE where the format has
 * none (XLIFF) or one that points at a path or URL (TMX may name its DTD, which is never loaded). On the way it
 * notes the root element and the languages the file declares.
 */
final class XmlPreflight {

    /** What the file says about itself. Languages are BCP 47 tags or null when undeclared. */
    record XmlFacts(String root, String namespace, String version, String sourceLanguage, String targetLanguage) {
        boolean isXliff() {
            return "xliff".equals(root);
        }

        boolean isTmx() {
            return "tmx".equals(root);
        }
    }

    private static final Pattern SYSTEM_ID = Pattern.compile("(?:SYSTEM|PUBLIC\\s+[\"'][^\"']*[\"'])\\s+[\"']([^\"']*)[\"']");

    private XmlPreflight() {
    }

    static XmlFacts scan(Path file, String fileName) {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader reader = hardenedFactory().createXMLStreamReader(in);
            try {
                return new Scan(reader, fileName).run();
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw notWellFormed(fileName, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Scan {
        private final XMLStreamReader reader;
        private final String fileName;
        private String doctype;
        private String root;
        private String namespace;
        private String version;
        private String source;
        private String target;
        private boolean sawFile;

        Scan(XMLStreamReader reader, String fileName) {
            this.reader = reader;
            this.fileName = fileName;
        }

        XmlFacts run() throws XMLStreamException {
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.DTD -> doctype(reader.getText());
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new ImportRejectedException(Reason.INVALID,
                            fileName + " uses the entity &" + reader.getLocalName() + "; (line "
                                    + reader.getLocation().getLineNumber() + "). Entities other than XML's own are "
                                    + "not accepted: they can expand without limit or read other files.");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (root == null) {
                            startRoot();
                            if (!isInterchangeFormat()) {
                                return facts(); // the caller decides; nothing else to learn here
                            }
                        } else {
                            element();
                        }
                    }
                    default -> { }
                }
            }
            return facts();
        }

        private XmlFacts facts() {
            return new XmlFacts(root, namespace, version, source, target);
        }

        private boolean isInterchangeFormat() {
            return "xliff".equals(root) || "tmx".equals(root);
        }

        private void doctype(String text) {
            doctype = text == null ? "" : text;
            if (doctype.contains("<!ENTITY")) {
                throw new ImportRejectedException(Reason.INVALID, fileName + " declares entities in its DOCTYPE. "
                        + "Entity declarations are not accepted: they can expand without limit (an \"entity bomb\") "
                        + "or read other files and URLs.");
            }
        }

        private void startRoot() {
            root = reader.getLocalName();
            namespace = reader.getNamespaceURI();
            version = reader.getAttributeValue(null, "version");
            if ("xliff".equals(root)) {
                if (doctype != null) {
                    throw new ImportRejectedException(Reason.INVALID, fileName + " has a DOCTYPE declaration. "
                            + "XLIFF has no DTD, and a DOCTYPE can make a parser read other files or URLs: remove it.");
                }
                source = LanguageTags.normalize(reader.getAttributeValue(null, "srcLang"));
                target = LanguageTags.normalize(reader.getAttributeValue(null, "trgLang"));
            } else if ("tmx".equals(root) && doctype != null) {
                Matcher systemId = SYSTEM_ID.matcher(doctype);
                if (systemId.find() && systemId.group(1).matches(".*[:/\\\\].*")) {
                    throw new ImportRejectedException(Reason.INVALID, fileName + " has a DOCTYPE that points at "
                            + systemId.group(1) + ". DTDs are never loaded; name it by file name alone "
                            + "(\"tmx14.dtd\") or remove the DOCTYPE.");
                }
            }
        }

        private void element() {
            String name = reader.getLocalName();
            if ("xliff".equals(root) && "file".equals(name) && !sawFile) {
                sawFile = true;
                if (source == null) {
                    source = LanguageTags.normalize(reader.getAttributeValue(null, "source-language"));
                }
                if (target == null) {
                    target = LanguageTags.normalize(reader.getAttributeValue(null, "target-language"));
                }
            } else if ("tmx".equals(root) && "header".equals(name)) {
                source = LanguageTags.normalize(reader.getAttributeValue(null, "srclang"));
            } else if ("tmx".equals(root) && "tuv".equals(name) && target == null) {
                String language = LanguageTags.normalize(tuvLanguage());
                if (language != null && source == null) {
                    source = language;  // srclang="*all*": the first language met is the source
                } else if (language != null && !language.equalsIgnoreCase(source)) {
                    target = language;
                }
            }
        }

        private String tuvLanguage() {
            String language = reader.getAttributeValue(XMLConstants.XML_NS_URI, "lang");
            return language != null ? language : reader.getAttributeValue(null, "lang"); // TMX 1.1
        }
    }

    static ImportRejectedException notWellFormed(String fileName, XMLStreamException e) {
        Location at = e.getLocation();
        String message = e.getMessage() == null ? "" : e.getMessage();
        int detail = message.indexOf("Message: ");
        if (detail >= 0) {
            message = message.substring(detail + "Message: ".length());
        }
        String where = at == null || at.getLineNumber() < 0 ? ""
                : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
        return new ImportRejectedException(Reason.INVALID,
                fileName + " is not well-formed XML" + where + ": " + message.strip(), e);
    }

    /** A fresh factory per file: cheap, and factories are not promised to be thread-safe. */
    private static XMLInputFactory hardenedFactory() {
        // the JDK's own parser, whatever else is on the class path, so the hardening below is known to apply
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("External resource refused: " + systemId);
        });
        return factory;
    }
}
