package org.postedit.workbench.glossary;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/** Shared by the glossary tests: reading, writing and DTD validation of TBX. */
final class TbxTestSupport {

    static final Path SHIPPED = Path.of("glossary", SampleGlossary.FILE_NAME);
    static final Path SEED_CSV = Path.of("src/test/resources/glossary/seed-terms.csv");

    private TbxTestSupport() {
    }

    static List<Concept> read(InputStream in) {
        List<Concept> concepts = new ArrayList<>();
        new TbxReader().read(in, p -> concepts.add(GlossaryService.normalise(p.concept())));
        return concepts;
    }

    static List<Concept> read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    static byte[] write(List<Concept> concepts, String sourceLanguage, String title) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TbxWriter writer = new TbxWriter(out, sourceLanguage, title)) {
            concepts.forEach(writer::write);
        }
        return out.toByteArray();
    }

    /** The shipped TBX as generated from the seed CSV: concepts c1, c2, ... in CSV order. */
    static byte[] generateShipped() throws Exception {
        List<ParsedConcept> parsed;
        try (var reader = Files.newBufferedReader(SEED_CSV, StandardCharsets.UTF_8)) {
            parsed = GlossaryCsv.read(reader, ',', row -> { });
        }
        List<Concept> concepts = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            Concept c = GlossaryService.normalise(parsed.get(i).concept());
            concepts.add(new Concept(0, 0, "c" + (i + 1), c.domain(), c.definition(), c.note(), c.terms(), null, null));
        }
        return write(concepts, "zh", Glossary.GENERAL);
    }

    /**
     * Validates against the bundled TBXcoreStructV02.dtd (ISO 30042:2008 core structure); the DTD comes from the
     * test resources only, nothing is fetched. Returns the validation errors.
     */
    static List<String> validateAgainstCoreDtd(byte[] tbx) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setValidating(true);
        factory.setNamespaceAware(false);
        factory.setExpandEntityReferences(false);
        factory.setXIncludeAware(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        byte[] dtd = Files.readAllBytes(Path.of("src/test/resources/tbx/schema/TBXcoreStructV02.dtd"));
        builder.setEntityResolver((publicId, systemId) -> {
            if (systemId != null && systemId.endsWith("TBXcoreStructV02.dtd")) {
                return new InputSource(new ByteArrayInputStream(dtd));
            }
            return new InputSource(new StringReader("")); // anything else: nothing is fetched
        });
        List<String> errors = new ArrayList<>();
        builder.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }
        });
        builder.parse(new ByteArrayInputStream(tbx));
        return errors;
    }
}
