package org.postedit.workbench.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Validates exports against the bundled OASIS/LISA schemas (src/test/resources/schemas), offline: external access
 * is off and only the bundled files are served by a resolver. Also runs ../shared/validators/validate.sh where it
 * and xmllint exist.
 */
final class ExportValidation {

    private static final Schema XLIFF12 = schema("/schemas/xliff12/xliff-core-1.2-transitional.xsd");
    private static final Schema XLIFF12_STRICT = schema("/schemas/xliff12/xliff-core-1.2-strict.xsd");
    private static final Schema XLIFF2 = schema("/schemas/xliff2/xliff_core_2.0.xsd");

    private ExportValidation() {
    }

    static void xliff12(byte[] xml) {
        validate(XLIFF12, xml, "XLIFF 1.2 transitional");
    }

    static void xliff12Strict(byte[] xml) {
        validate(XLIFF12_STRICT, xml, "XLIFF 1.2 strict");
    }

    /** XLIFF 2.0 core XSD, then Okapi's reader at its strictest (what validate.sh's jar runs too). */
    static void xliff2(byte[] xml) {
        validate(XLIFF2, xml, "XLIFF 2.0 core");
        try (net.sf.okapi.lib.xliff2.reader.XLIFFReader reader = new net.sf.okapi.lib.xliff2.reader.XLIFFReader(
                net.sf.okapi.lib.xliff2.reader.XLIFFReader.VALIDATION_MAXIMAL)) {
            reader.open(new ByteArrayInputStream(xml));
            while (reader.hasNext()) {
                reader.next();
            }
        } catch (RuntimeException e) {
            throw new AssertionError("Okapi XLIFF 2 maximal validation: " + e.getMessage() + "\n"
                    + new String(xml, StandardCharsets.UTF_8), e);
        }
    }

    /** TMX 1.4b against tmx14.dtd: the DOCTYPE is added here, the DTD served from the bundled copy only. */
    static void tmx(byte[] xml) {
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("<!DOCTYPE").doesNotContain("<!ENTITY");
        int afterDeclaration = text.startsWith("<?xml") ? text.indexOf("?>") + 2 : 0;
        String withDoctype = text.substring(0, afterDeclaration) + "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">"
                + text.substring(afterDeclaration);
        List<String> errors = new ArrayList<>();
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setValidating(true);
            factory.setNamespaceAware(false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            var parser = factory.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            XMLReader reader = parser.getXMLReader();
            reader.setEntityResolver((publicId, systemId) -> {
                if (systemId != null && systemId.endsWith("tmx14.dtd")) {
                    InputSource dtd = new InputSource(resource("/schemas/tmx/tmx14.dtd"));
                    return dtd;
                }
                throw new SAXException("refused to load " + systemId);
            });
            reader.setErrorHandler(collecting(errors));
            reader.parse(new InputSource(new ByteArrayInputStream(withDoctype.getBytes(StandardCharsets.UTF_8))));
        } catch (Exception e) {
            errors.add(e.toString());
        }
        assertThat(errors).as("TMX 1.4b DTD validation").isEmpty();
    }

    private static void validate(Schema schema, byte[] xml, String what) {
        List<String> errors = new ArrayList<>();
        try {
            Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(collecting(errors));
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (Exception e) {
            errors.add(e.toString());
        }
        assertThat(errors).as(what + " validation of\n" + new String(xml, StandardCharsets.UTF_8)).isEmpty();
    }

    private static ErrorHandler collecting(List<String> errors) {
        return new ErrorHandler() {
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
        };
    }

    private static Schema schema(String path) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setResourceResolver(bundled());
            StreamSource source = new StreamSource(resource(path));
            return factory.newSchema(source);
        } catch (SAXException e) {
            throw new IllegalStateException("Bundled schema " + path + " does not load", e);
        }
    }

    /** Serves xml.xsd (the only import of the bundled schemas) from the bundled copy; nothing else. */
    private static LSResourceResolver bundled() {
        return (type, namespace, publicId, systemId, baseUri) -> {
            if (systemId != null && systemId.endsWith("xml.xsd")) {
                return new Input(resource("/schemas/xliff12/xml.xsd"), systemId, publicId);
            }
            throw new IllegalStateException("refused to load schema " + systemId);
        };
    }

    private static InputStream resource(String path) {
        InputStream in = ExportValidation.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + path);
        }
        return in;
    }

    /**
     * Runs the shared validate.sh on the export; returns its one-line verdict, or null (with a visible message)
     * when validate.sh or xmllint is not available here.
     */
    static String validateSh(byte[] xml, String suffix) throws IOException, InterruptedException {
        Path script = validators().resolve("validate.sh");
        if (!Files.isRegularFile(script) || !onPath("xmllint")) {
            System.out.println("[export] SKIPPED validate.sh: " + script + " or xmllint not found");
            return null;
        }
        Path file = Files.createTempFile("export-", suffix);
        try {
            Files.write(file, xml);
            Process process = new ProcessBuilder("bash", script.toString(), file.toString())
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            System.out.println("[export] validate.sh " + suffix + ": " + out);
            assertThat(out).as("validate.sh verdict").startsWith("OK");
            assertThat(process.exitValue()).isZero();
            return out;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Path validators() {
        String configured = System.getenv("WORKBENCH_VALIDATORS");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.dir")).resolve("../shared/validators").normalize();
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private record Input(InputStream byteStream, String systemId, String publicId) implements LSInput {
        public java.io.Reader getCharacterStream() { return null; }
        public void setCharacterStream(java.io.Reader r) { }
        public InputStream getByteStream() { return byteStream; }
        public void setByteStream(InputStream s) { }
        public String getStringData() { return null; }
        public void setStringData(String s) { }
        public String getSystemId() { return systemId; }
        public void setSystemId(String s) { }
        public String getPublicId() { return publicId; }
        public void setPublicId(String s) { }
        public String getBaseURI() { return null; }
        public void setBaseURI(String s) { }
        public String getEncoding() { return null; }
        public void setEncoding(String s) { }
        public boolean getCertifiedText() { return false; }
        public void setCertifiedText(boolean b) { }
    }
}
