package org.postedit.workbench.glossary;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes TBX-Basic in the TBX v2 layout (ISO 30042:2008, valid against TBXcoreStructV02.dtd): one
 * {@code termEntry} per concept, one {@code langSet} per language, one {@code tig} per term. Streaming: concepts are
 * written as they are handed over. See docs/glossary.md for the mapping.
 */
final class TbxWriter implements AutoCloseable {

    private final XMLStreamWriter xml;
    private int depth;

    TbxWriter(OutputStream out, String sourceLanguage, String title) {
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeDTD("<!DOCTYPE martif SYSTEM \"TBXcoreStructV02.dtd\">");
            xml.writeCharacters("\n");
            xml.writeStartElement("martif");
            xml.writeAttribute("type", "TBX-Basic");
            xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", sourceLanguage);
            depth++;
            start("martifHeader");
            start("fileDesc");
            start("titleStmt");
            element("title", title);
            end();
            start("sourceDesc");
            element("p", "Exported by the translation-review workbench");
            end();
            end();
            start("encodingDesc");
            element("p", "TBX-Basic", "type", "DCSName");
            end();
            end();
            start("text");
            start("body");
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write TBX", e);
        }
    }

    void write(Concept concept) {
        try {
            start("termEntry", "id", concept.key());
            if (concept.domain() != null) {
                element("descrip", concept.domain(), "type", "subjectField");
            }
            if (concept.definition() != null) {
                element("descrip", concept.definition(), "type", "definition");
            }
            notes(concept.note());
            Map<String, List<Term>> byLanguage = new LinkedHashMap<>();
            for (Term term : concept.terms()) {
                byLanguage.computeIfAbsent(term.language(), l -> new ArrayList<>()).add(term);
            }
            for (Map.Entry<String, List<Term>> language : byLanguage.entrySet()) {
                start("langSet", "xml:lang", language.getKey());
                for (Term term : language.getValue()) {
                    start("tig");
                    element("term", term.text());
                    element("termNote", TbxReader.administrativeStatus(term.status()), "type", "administrativeStatus");
                    if (term.partOfSpeech() != null) {
                        element("termNote", term.partOfSpeech(), "type", "partOfSpeech");
                    }
                    if (term.caseSensitive()) {
                        element("termNote", "yes", "type", TbxReader.CASE_SENSITIVE_TYPE);
                    }
                    if (term.example() != null) {
                        element("descrip", term.example(), "type", "context");
                    }
                    notes(term.note());
                    if (term.status() == TermStatus.FORBIDDEN) {
                        element("note", TbxReader.FORBIDDEN_NOTE);
                    }
                    end();
                }
                end();
            }
            end();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write TBX", e);
        }
    }

    private void notes(String note) throws XMLStreamException {
        if (note != null) {
            for (String line : note.split("\n")) {
                element("note", line);
            }
        }
    }

    private void start(String name, String... attributes) throws XMLStreamException {
        indent();
        xml.writeStartElement(name);
        attributes(attributes);
        depth++;
    }

    private void end() throws XMLStreamException {
        depth--;
        indent();
        xml.writeEndElement();
    }

    private void element(String name, String text, String... attributes) throws XMLStreamException {
        indent();
        xml.writeStartElement(name);
        attributes(attributes);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private void attributes(String... attributes) throws XMLStreamException {
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i].equals("xml:lang")) {
                xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", attributes[i + 1]);
            } else {
                xml.writeAttribute(attributes[i], attributes[i + 1]);
            }
        }
    }

    private void indent() throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    @Override
    public void close() {
        try {
            end(); // body
            end(); // text
            depth--;
            xml.writeCharacters("\n");
            xml.writeEndElement(); // martif
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write TBX", e);
        }
    }
}
