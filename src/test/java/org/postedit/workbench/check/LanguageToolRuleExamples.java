package org.postedit.workbench.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * LanguageTool's own examples for its rules, read from a rule file of a language module on the class path (e.g.
 * {@code /org/languagetool/rules/en/grammar.xml}): {@code <example correction="...">} is a sentence the rule must
 * flag (its {@code <marker>} shows where), an {@code <example>} without correction or type one it must leave alone.
 * The files declare their entities in an internal DTD subset, which is read; external entities are not.
 */
final class LanguageToolRuleExamples {

    /**
     * @param ruleId    the rule's id, or its rule group's
     * @param incorrect whether the rule should flag it
     * @param defaultOn whether the rule (and its group and category) is on by default, so a plain check runs it
     */
    record Example(String ruleId, String text, int markerFrom, int markerTo, boolean incorrect, boolean defaultOn) {
    }

    private LanguageToolRuleExamples() {
    }

    static List<Example> read(String resource) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, true);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setXMLResolver((publicId, systemId, base, namespace) -> InputStream.nullInputStream());
        List<Example> examples = new ArrayList<>();
        try (InputStream in = LanguageToolRuleExamples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            XMLStreamReader xml = factory.createXMLStreamReader(in, "UTF-8");
            Deque<String[]> scopes = new ArrayDeque<>(); // {element, id, default, tags}
            StringBuilder text = null;
            int markerFrom = -1;
            int markerTo = -1;
            boolean incorrect = false;
            boolean skip = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    switch (name) {
                        case "category", "rulegroup", "rule" -> scopes.push(new String[] {name,
                                xml.getAttributeValue(null, "id"), xml.getAttributeValue(null, "default"),
                                xml.getAttributeValue(null, "tags")});
                        case "example" -> {
                            text = new StringBuilder();
                            markerFrom = markerTo = -1;
                            String type = xml.getAttributeValue(null, "type");
                            incorrect = xml.getAttributeValue(null, "correction") != null || "incorrect".equals(type);
                            skip = type != null && !type.equals("incorrect") && !type.equals("correct");
                        }
                        case "marker" -> {
                            if (text != null) {
                                markerFrom = text.length();
                            }
                        }
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    if (text != null) {
                        text.append(xml.getText());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = xml.getLocalName();
                    switch (name) {
                        case "category", "rulegroup", "rule" -> scopes.pop();
                        case "marker" -> {
                            if (text != null) {
                                markerTo = text.length();
                            }
                        }
                        case "example" -> {
                            if (text != null && !skip && !scopes.isEmpty()) {
                                examples.add(new Example(ruleId(scopes), text.toString(), markerFrom, markerTo,
                                        incorrect, defaultOn(scopes)));
                            }
                            text = null;
                        }
                        default -> { }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not read " + resource, e);
        }
        return examples;
    }

    private static String ruleId(Deque<String[]> scopes) {
        for (String[] scope : scopes) { // innermost first
            if (!scope[0].equals("category") && scope[1] != null) {
                return scope[1];
            }
        }
        return "";
    }

    private static boolean defaultOn(Deque<String[]> scopes) {
        for (String[] scope : scopes) {
            // picky rules run only at LanguageTool's picky level, not in a plain check
            if ("off".equals(scope[2]) || "temp_off".equals(scope[2])
                    || (scope[3] != null && scope[3].contains("picky"))) {
                return false;
            }
        }
        return true;
    }
}
