package org.postedit.workbench.export;

import java.io.OutputStream;
import java.io.UncheckedIOException;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** A UTF-8 StAX writer with line breaks between structural elements (never inside text), for the XML exporters. */
final class XmlOutput implements AutoCloseable {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    final XMLStreamWriter xml;

    XmlOutput(OutputStream out) {
        try {
            this.xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    void declaration() throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        newline();
    }

    void newline() throws XMLStreamException {
        xml.writeCharacters("\n");
    }

    /** Start tag with attributes given as name, value pairs; a null value leaves the attribute out. */
    void start(String name, String... attributes) throws XMLStreamException {
        xml.writeStartElement(name);
        attributes(attributes);
    }

    void empty(String name, String... attributes) throws XMLStreamException {
        xml.writeEmptyElement(name);
        attributes(attributes);
    }

    void attributes(String... attributes) throws XMLStreamException {
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                if (attributes[i].startsWith("xml:")) {
                    xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", attributes[i].substring(4),
                            attributes[i + 1]);
                } else {
                    xml.writeAttribute(attributes[i], attributes[i + 1]);
                }
            }
        }
    }

    /** Text with {@code <}, {@code &} and also {@code >} escaped (so a "]]>" in the text stays well-formed). */
    void text(String text) throws XMLStreamException {
        if (text == null || text.isEmpty()) {
            return;
        }
        int start = 0;
        for (int gt = text.indexOf('>'); gt >= 0; gt = text.indexOf('>', start)) {
            if (gt > start) {
                xml.writeCharacters(text.substring(start, gt));
            }
            xml.writeEntityRef("gt");
            start = gt + 1;
        }
        if (start < text.length()) {
            xml.writeCharacters(text.substring(start));
        }
    }

    void element(String name, String text, String... attributes) throws XMLStreamException {
        start(name, attributes);
        text(text);
        xml.writeEndElement();
    }

    void end() throws XMLStreamException {
        xml.writeEndElement();
    }

    @Override
    public void close() {
        try {
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new java.io.IOException("Export could not be written", e));
        }
    }
}
