package org.postedit.workbench.glossary;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads TBX v2 (ISO 30042:2008, {@code martif/text/body/termEntry/langSet/tig|ntig}) and TBX v3 (ISO 30042:2019,
 * {@code tbx/text/body/conceptEntry/langSec/termSec}, DCA style and the element names of DCT style) with StAX,
 * streaming: concepts are handed over one by one. DTDs and external entities are off, so an entity bomb or an
 * external entity is refused at its first reference. See docs/glossary.md for the mapping.
 */
final class TbxReader {

    /** The note that marks a deprecated TBX term as forbidden in the workbench (TBX has no "forbidden"). */
    static final String FORBIDDEN_NOTE = "x-workbench-status: forbidden";
    /** The termNote type that carries case sensitivity ("yes"/"no"). */
    static final String CASE_SENSITIVE_TYPE = "x-caseSensitive";

    private final List<String> warnings = new ArrayList<>();
    private final Map<String, Integer> unknownStatuses = new LinkedHashMap<>();
    private String version;

    static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("External entities are not allowed (" + systemId + ").");
        });
        trySet(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        trySet(factory, "jdk.xml.entityExpansionLimit", "1000");
        return factory;
    }

    private static void trySet(XMLInputFactory factory, String name, Object value) {
        try {
            factory.setProperty(name, value);
        } catch (IllegalArgumentException ignored) {
            // not every StAX implementation knows every property; DTD support is off anyway
        }
    }

    List<String> warnings() {
        List<String> all = new ArrayList<>(warnings);
        unknownStatuses.forEach((value, n) -> all.add(
                "Unknown administrativeStatus '%s' on %d term(s), read as admitted.".formatted(value, n)));
        return all;
    }

    /** "v2" or "v3" after reading. */
    String version() {
        return version;
    }

    /** Reads every concept, handing each to the consumer; throws GlossaryImportException on a bad file. */
    void read(InputStream in, Consumer<ParsedConcept> concepts) {
        XMLStreamReader xml = null;
        try {
            xml = secureFactory().createXMLStreamReader(in);
            readDocument(xml, concepts);
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            throw new GlossaryImportException(line, "the file is not well-formed XML: " + xmlMessage(e)
                    + " (a TBX file must be XML without DTD entities).");
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // closing after an error
                }
            }
        }
    }

    private static String xmlMessage(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int i = message.indexOf("Message: ");
        message = i >= 0 ? message.substring(i + "Message: ".length()) : message;
        int at = message.indexOf("\n at [row,col");
        return (at >= 0 ? message.substring(0, at) : message).strip();
    }

    private void readDocument(XMLStreamReader xml, Consumer<ParsedConcept> concepts) throws XMLStreamException {
        while (xml.hasNext() && xml.next() != XMLStreamConstants.START_ELEMENT) {
            // prolog
        }
        if (xml.getEventType() != XMLStreamConstants.START_ELEMENT) {
            throw new GlossaryImportException(-1, "the file is empty or not XML.");
        }
        String root = xml.getLocalName();
        if ("martif".equals(root)) {
            version = "v2";
        } else if ("tbx".equals(root)) {
            version = "v3";
        } else {
            throw new GlossaryImportException(line(xml), "the root element is <" + root
                    + ">; a TBX file starts with <martif> (TBX v2) or <tbx> (TBX v3).");
        }
        boolean body = false;
        int depth = 1;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = xml.getLocalName();
                if ("body".equals(name)) {
                    body = true;
                } else if ("termEntry".equals(name) || "conceptEntry".equals(name)) {
                    if (!body) {
                        throw new GlossaryImportException(line(xml), "<" + name + "> outside <text><body>.");
                    }
                    concepts.accept(readConcept(xml));
                    depth--;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if (!body) {
            throw new GlossaryImportException(-1, "the TBX file has no <text><body> element.");
        }
    }

    /** Positioned on termEntry/conceptEntry; returns after its end tag. */
    private ParsedConcept readConcept(XMLStreamReader xml) throws XMLStreamException {
        int startLine = line(xml);
        String key = Texts.clean(xml.getAttributeValue(null, "id"));
        String domain = null;
        String definition = null;
        String langDefinition = null;
        List<String> notes = new ArrayList<>();
        List<Term> terms = new ArrayList<>();
        String language = null;
        TermBuilder term = null;
        Deque<String> open = new ArrayDeque<>();
        open.push(xml.getLocalName());
        while (!open.isEmpty()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                String name = open.pop();
                if (isLangSection(name)) {
                    language = null;
                } else if (term != null && isTermSection(name)) {
                    terms.add(term.build());
                    term = null;
                }
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            String type = xml.getAttributeValue(null, "type");
            if (isLangSection(name)) {
                String tag = xml.getAttributeValue(XMLConstants.XML_NS_URI, "lang");
                language = Texts.language(tag);
                if (language == null) {
                    throw new GlossaryImportException(line(xml), "<" + name + "> needs an xml:lang with a language "
                            + "tag such as en or zh-CN" + (tag == null ? "." : ", not '" + tag + "'."));
                }
                open.push(name);
            } else if (isTermSection(name)) {
                if (language == null) {
                    throw new GlossaryImportException(line(xml), "<" + name + "> outside a language section.");
                }
                term = new TermBuilder(language, line(xml));
                open.push(name);
            } else if ("term".equals(name)) {
                if (term == null) {
                    throw new GlossaryImportException(line(xml), "<term> outside <tig>/<termSec>.");
                }
                term.text = Texts.clean(text(xml));
            } else if ("termNote".equals(name) || isDctTermNote(xml, name)) {
                String category = "termNote".equals(name) ? String.valueOf(type) : name;
                String value = Texts.clean(text(xml));
                if (term != null) {
                    term.termNote(category, value, this);
                }
            } else if ("descrip".equals(name) || isDctDescrip(xml, name)) {
                String category = "descrip".equals(name) ? String.valueOf(type) : name;
                String value = "descrip".equals(name) || isDctDescrip(xml, name) ? Texts.clean(text(xml)) : null;
                switch (category) {
                    case "subjectField" -> {
                        if (domain == null) {
                            domain = value;
                        }
                    }
                    case "definition" -> {
                        if (term == null && language == null) {
                            definition = definition == null ? value : definition;
                        } else if (langDefinition == null) {
                            langDefinition = value;
                        }
                    }
                    case "context" -> {
                        if (term != null && term.example == null) {
                            term.example = value;
                        }
                    }
                    default -> {
                        // other descriptive data categories are not kept
                    }
                }
            } else if ("note".equals(name)) {
                String value = Texts.cleanNote(text(xml));
                if (value == null) {
                    continue;
                }
                if (term != null) {
                    if (FORBIDDEN_NOTE.equalsIgnoreCase(value)) {
                        term.forbidden = true;
                    } else {
                        term.notes.add(value);
                    }
                } else {
                    notes.add(value);
                }
            } else if ("descripGrp".equals(name) || "termNoteGrp".equals(name) || "termGrp".equals(name)) {
                open.push(name); // containers: their children are read as usual
            } else {
                skip(xml); // transacGrp, admin, xref, ref, ...: not kept
            }
        }
        if (terms.isEmpty()) {
            throw new GlossaryImportException(startLine, "the concept" + (key == null ? "" : " '" + key + "'")
                    + " has no term.");
        }
        String note = notes.isEmpty() ? null : Texts.cleanNote(String.join("\n", notes));
        return new ParsedConcept(startLine, Concept.draft(key, domain, definition != null ? definition : langDefinition,
                note, terms));
    }

    private static boolean isLangSection(String name) {
        return "langSet".equals(name) || "langSec".equals(name);
    }

    private static boolean isTermSection(String name) {
        return "tig".equals(name) || "ntig".equals(name) || "termSec".equals(name);
    }

    /** DCT style (TBX v3): data categories as namespaced elements, e.g. {@code <basic:partOfSpeech>}. */
    private static boolean isDctTermNote(XMLStreamReader xml, String name) {
        return xml.getPrefix() != null && !xml.getPrefix().isEmpty()
                && ("administrativeStatus".equals(name) || "partOfSpeech".equals(name));
    }

    private static boolean isDctDescrip(XMLStreamReader xml, String name) {
        return xml.getPrefix() != null && !xml.getPrefix().isEmpty()
                && ("subjectField".equals(name) || "definition".equals(name) || "context".equals(name));
    }

    /** The text of the current element and its inline children (hi, foreign...); returns after its end tag. */
    private static String text(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(xml.getText());
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException(
                        "Entity references are not allowed (&" + xml.getLocalName() + ";).", xml.getLocation());
                default -> {
                }
            }
        }
        return text.toString();
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static int line(XMLStreamReader xml) {
        return xml.getLocation() == null ? -1 : xml.getLocation().getLineNumber();
    }

    static TermStatus status(String value) {
        String s = value.toLowerCase(Locale.ROOT).replace("-admn-sts", "").replace("term", "");
        return switch (s) {
            case "preferred", "standardized" -> TermStatus.PREFERRED;
            case "admitted" -> TermStatus.ADMITTED;
            case "deprecated", "superseded", "obsolete", "notrecommended" -> TermStatus.DEPRECATED;
            case "forbidden" -> TermStatus.FORBIDDEN;
            default -> null;
        };
    }

    static String administrativeStatus(TermStatus status) {
        return switch (status) {
            case PREFERRED -> "preferredTerm-admn-sts";
            case ADMITTED -> "admittedTerm-admn-sts";
            case DEPRECATED, FORBIDDEN -> "deprecatedTerm-admn-sts";
        };
    }

    private static final class TermBuilder {
        final String language;
        final int line;
        String text;
        TermStatus status;
        String partOfSpeech;
        boolean caseSensitive;
        boolean forbidden;
        String example;
        final List<String> notes = new ArrayList<>();

        TermBuilder(String language, int line) {
            this.language = language;
            this.line = line;
        }

        void termNote(String category, String value, TbxReader reader) {
            if (value == null) {
                return;
            }
            switch (category) {
                case "administrativeStatus" -> {
                    status = status(value);
                    if (status == null) {
                        reader.unknownStatuses.merge(value, 1, Integer::sum);
                    }
                }
                case "partOfSpeech" -> partOfSpeech = value;
                case CASE_SENSITIVE_TYPE -> caseSensitive = value.equalsIgnoreCase("yes")
                        || value.equalsIgnoreCase("true");
                default -> {
                    // other term notes (termType, grammaticalGender...) are not kept
                }
            }
        }

        Term build() {
            if (text == null) {
                throw new GlossaryImportException(line, "empty or missing <term> in a " + language + " term.");
            }
            TermStatus effective = status == null ? TermStatus.ADMITTED : status;
            if (forbidden && (effective == TermStatus.DEPRECATED || effective == TermStatus.FORBIDDEN)) {
                effective = TermStatus.FORBIDDEN;
            }
            String note = notes.isEmpty() ? null : Texts.cleanNote(String.join("\n", notes));
            return new Term(0, language, text, effective, partOfSpeech, caseSensitive, note, example);
        }
    }
}
