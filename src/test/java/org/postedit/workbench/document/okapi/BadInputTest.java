package org.postedit.workbench.document.okapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.postedit.workbench.document.DocumentFormat;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.ImportRejectedException;
import org.postedit.workbench.document.ImportRejectedException.Reason;
import org.postedit.workbench.document.ImportedDocument;

/** Every kind of bad upload is refused quickly with a message that says what is wrong, and nothing crashes. */
class BadInputTest {

    private static final OkapiDocumentImporter IMPORTER = new OkapiDocumentImporter();
    private static final Duration QUICKLY = Duration.ofSeconds(10);
    private static final String XLIFF_BODY = """
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
              <file original="a.txt" source-language="en" target-language="de" datatype="plaintext"><body>
                <trans-unit id="1"><source>%s</source><target>Hallo.</target></trans-unit>
              </body></file>
            </xliff>
            """;

    @TempDir
    Path dir;

    // --- empty ---

    @Test
    void emptyWhitespaceOnlyAndTextlessFilesAreEmpty() {
        assertRefused(TestFiles.write(dir, "empty.txt", new byte[0]), Reason.INVALID, "is empty");
        assertRefused(TestFiles.write(dir, "empty.xlf", new byte[0]), Reason.INVALID, "is empty");
        assertRefused(TestFiles.write(dir, "empty.docx", new byte[0]), Reason.INVALID, "is empty");
        assertRefused(TestFiles.text(dir, "blank.txt", "  \n\t\r\n  "), Reason.INVALID, "is empty");
        assertRefused(TestFiles.text(dir, "blank.xlf", "\n\n   \n"), Reason.INVALID, "is empty");
        assertRefused(TestFiles.text(dir, "picture.html", "<html><body><p><img src=\"a.png\"/></p></body></html>"),
                Reason.INVALID, "is empty");
        assertRefused(TestFiles.text(dir, "code.md", "```\nnpm install antd\n```\n"), Reason.INVALID, "is empty");
        assertRefused(TestFiles.text(dir, "nounits.xlf", XLIFF_BODY.replace(
                "<trans-unit id=\"1\"><source>%s</source><target>Hallo.</target></trans-unit>", "")),
                Reason.INVALID, "is empty");
        assertRefused(TestFiles.text(dir, "numbers.txt", "1\n\n2\n\n=====\n"), Reason.INVALID, "is empty");
    }

    // --- unsupported ---

    @Test
    void unsupportedFormatsListWhatIsSupported() {
        assertRefused(TestFiles.write(dir, "report.pdf", "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1)),
                Reason.UNSUPPORTED_FORMAT, "a PDF document", "Supported formats: plain text");
        assertRefused(TestFiles.text(dir, "table.csv", "a,b\n1,2\n"), Reason.UNSUPPORTED_FORMAT, ".csv",
                "Supported formats");
        assertRefused(TestFiles.write(dir, "sheet.xlsx", TestFiles.zip(Map.of("xl/workbook.xml",
                "<workbook/>".getBytes(StandardCharsets.UTF_8)))), Reason.UNSUPPORTED_FORMAT, "Excel workbook");
        assertRefused(TestFiles.text(dir, "data.xml", "<?xml version=\"1.0\"?><catalog><book/></catalog>"),
                Reason.UNSUPPORTED_FORMAT, "root element <catalog>", "Supported formats");
        assertRefused(TestFiles.write(dir, "blob.bin", new byte[] {1, 2, 0, 3, (byte) 0xFF, 0, 7}),
                Reason.UNSUPPORTED_FORMAT, "Supported formats");
        assertRefused(TestFiles.text(dir, "future.xlf", "<xliff xmlns=\"urn:example:xliff:9\" version=\"9.0\"/>"),
                Reason.UNSUPPORTED_FORMAT, "no known XLIFF version");
    }

    @Test
    void contentWinsOverTheFileName() {
        byte[] docx = TestFiles.docx(TestFiles.paragraph(TestFiles.run("Hello from Word.")));
        assertThat(read(TestFiles.write(dir, "really-a-docx.txt", docx)).format()).isEqualTo(DocumentFormat.DOCX);
        assertThat(read(TestFiles.text(dir, "export.xml", "<?xml version=\"1.0\"?>\n"
                + XLIFF_BODY.formatted("Hello."))).format()).isEqualTo(DocumentFormat.XLIFF12);
        assertThat(read(TestFiles.text(dir, "noextension", "Just some text.")).format())
                .isEqualTo(DocumentFormat.PLAIN_TEXT);
    }

    // --- malformed and dangerous XML ---

    @Test
    void malformedXliffNamesTheLine() {
        Path file = TestFiles.text(dir, "broken.xlf", "<?xml version=\"1.0\"?>\n"
                + XLIFF_BODY.formatted("Hello <b>world.").replace("</body>", "</bdy>"));
        assertRefused(file, Reason.INVALID, "not well-formed XML at line 4");
    }

    @Test
    void entityBombIsRefusedWithoutExpanding() {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 10; i++) {
            bomb.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        bomb.append("]>\n").append(XLIFF_BODY.formatted("&lol10;"));
        assertRefused(TestFiles.text(dir, "bomb.xlf", bomb.toString()), Reason.INVALID, "entity bomb");
    }

    @Test
    void externalEntitiesAndDtdsAreNeverRead() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-4711");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + XLIFF_BODY.formatted("&xxe;");
        ImportRejectedException refused = assertRefused(TestFiles.text(dir, "xxe.xlf", xxe), Reason.INVALID,
                "declares entities");
        assertThat(refused.getMessage()).doesNotContain("TOP-SECRET");

        String parameterEntity = "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY % p SYSTEM \"" + secret.toUri()
                + "\"> %p;]>\n" + XLIFF_BODY.formatted("x");
        assertRefused(TestFiles.text(dir, "pe.xlf", parameterEntity), Reason.INVALID, "declares entities");

        String externalDtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff SYSTEM \"http://127.0.0.1:9/xliff.dtd\">\n"
                + XLIFF_BODY.formatted("Hello.");
        assertRefused(TestFiles.text(dir, "dtd.xlf", externalDtd), Reason.INVALID, "DOCTYPE");

        String undeclared = XLIFF_BODY.formatted("&nbsp; is HTML, not XML");
        assertRefused(TestFiles.text(dir, "undeclared.xlf", undeclared), Reason.INVALID, "nbsp");

        String tmx = """
                <?xml version="1.0"?>
                <!DOCTYPE tmx SYSTEM "%s">
                <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x"
                 adminlang="en" srclang="en" datatype="plaintext"/><body>
                <tu><tuv xml:lang="en"><seg>Hello.</seg></tuv><tuv xml:lang="de"><seg>Hallo.</seg></tuv></tu>
                </body></tmx>""";
        assertRefused(TestFiles.text(dir, "remote.tmx", tmx.formatted("http://127.0.0.1:9/tmx14.dtd")),
                Reason.INVALID, "DTDs are never loaded");
        ImportedDocument named = read(TestFiles.text(dir, "named.tmx", tmx.formatted("tmx14.dtd")));
        assertThat(named.segments()).hasSize(1);
        assertThat(named.targetLanguage()).isEqualTo("de");
    }

    @Test
    void controlCharactersAreRefused() {
        assertRefused(TestFiles.text(dir, "bell.txt", "First line.\nSecond \u0007 line.\n"), Reason.INVALID,
                "U+0007 at line 2");
        assertRefused(TestFiles.text(dir, "ctrl.xlf", XLIFF_BODY.formatted("Text &#x3; here")), Reason.INVALID,
                "not well-formed XML");
    }

    // --- Word and ZIP ---

    @Test
    void docxThatIsNotAZipIsRefused() {
        assertRefused(TestFiles.text(dir, "letter.docx", "Dear reader, this is plain text."), Reason.INVALID,
                "not a valid .docx");
        byte[] fakeZip = "PK\u0003\u0004 this is not really a zip".getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(TestFiles.write(dir, "fake.docx", fakeZip), Reason.INVALID, "damaged or incomplete");
    }

    @Test
    void encryptedOrOldBinaryOfficeFileIsRefused() {
        byte[] ole = new byte[4096];
        byte[] signature = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(signature, 0, ole, 0, signature.length);
        assertRefused(TestFiles.write(dir, "secret.docx", ole), Reason.INVALID, "password-protected");
    }

    @Test
    void truncatedDocxIsReportedAsDamaged() {
        byte[] docx = TestFiles.docx(TestFiles.paragraph(TestFiles.run("A sentence. ".repeat(2000))));
        assertRefused(TestFiles.write(dir, "cut.docx", Arrays.copyOf(docx, docx.length * 6 / 10)), Reason.INVALID,
                "damaged or incomplete");
    }

    @Test
    void zipBombIsRefusedFromItsDirectory() {
        assertRefused(TestFiles.write(dir, "bomb.docx", bombDocx()), Reason.INVALID, "zip bomb", "compressed");
    }

    @Test
    void zipBombLyingAboutItsSizeIsCaughtWhileInflating() {
        byte[] docx = bombDocx();
        setDeclaredSize(docx, "word/document.xml", 4096);
        assertRefused(TestFiles.write(dir, "liar.docx", docx), Reason.INVALID, "zip bomb");
    }

    @Test
    void zipDeclaringHugeContentIsRefusedBeforeInflating() {
        byte[] docx = TestFiles.docx(TestFiles.paragraph(TestFiles.run("Small.")));
        setDeclaredSize(docx, "word/document.xml", 600L * 1024 * 1024);
        assertRefused(TestFiles.write(dir, "huge.docx", docx), Reason.INVALID, "zip bomb",
                "declare 600 MB");
    }

    @Test
    void docxPartWithDoctypeIsRefused() {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("word/document.xml", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d/>"
                .getBytes(StandardCharsets.UTF_8));
        assertRefused(TestFiles.write(dir, "xxe.docx", TestFiles.zip(parts)), Reason.INVALID, "DOCTYPE");
    }

    // --- encodings ---

    @Test
    void unicodeEncodingsWithAndWithoutBomReadTheSame() {
        String text = "Grüße aus Köln. Das ist ein Test.\n\nZweiter Absatz: schön!\n";
        List<String> expected = texts(read(TestFiles.text(dir, "utf8.txt", text)));
        assertThat(expected).containsExactly("Grüße aus Köln.", "Das ist ein Test.", "Zweiter Absatz: schön!");
        assertThat(texts(read(TestFiles.text(dir, "bom8.txt", text, StandardCharsets.UTF_8,
                (byte) 0xEF, (byte) 0xBB, (byte) 0xBF)))).isEqualTo(expected);
        assertThat(texts(read(TestFiles.text(dir, "le.txt", text, StandardCharsets.UTF_16LE,
                (byte) 0xFF, (byte) 0xFE)))).isEqualTo(expected);
        assertThat(texts(read(TestFiles.text(dir, "be.txt", text, StandardCharsets.UTF_16BE,
                (byte) 0xFE, (byte) 0xFF)))).isEqualTo(expected);
        assertThat(texts(read(TestFiles.text(dir, "le-nobom.txt", text, StandardCharsets.UTF_16LE))))
                .isEqualTo(expected);
        assertThat(texts(read(TestFiles.text(dir, "be-nobom.txt", text, StandardCharsets.UTF_16BE))))
                .isEqualTo(expected);
    }

    @Test
    void gbkChineseIsDecodedExactly() {
        String text = "开放原子开源基金会是致力于推动全球开源事业发展的非营利机构。我们的目标是建设开源生态。\n";
        Path gbk = TestFiles.text(dir, "gbk.txt", text, Charset.forName("GBK"));
        assertThat(texts(read(gbk))).containsExactly("开放原子开源基金会是致力于推动全球开源事业发展的非营利机构。",
                "我们的目标是建设开源生态。");
    }

    @Test
    void otherLegacyEncodingsAreRefusedRatherThanGarbled() {
        assertRefused(TestFiles.text(dir, "latin1.txt", "Les élèves étaient très contents de l'été à la montagne.",
                StandardCharsets.ISO_8859_1), Reason.INVALID, "Unknown text encoding", "Save the file as UTF-8");
        assertRefused(TestFiles.text(dir, "big5.txt", "我們這裡的人都很喜歡說話，時間過得很快。這個國家的學生對未來充滿希望。",
                Charset.forName("Big5")), Reason.INVALID, "Unknown text encoding");
        assertRefused(TestFiles.text(dir, "sjis.txt", "これは東京で開発されたソフトウェアの説明書であり、多くの機能があります。",
                Charset.forName("Shift_JIS")), Reason.INVALID, "Unknown text encoding");
    }

    @Test
    void declaredHtmlCharsetIsHonoured() {
        String html = "<html><head><meta charset=\"windows-1252\"><title>Caf\u00e9</title></head>"
                + "<body><p>D\u00e9j\u00e0 vu \u2013 voil\u00e0.</p></body></html>";
        ImportedDocument document = read(TestFiles.text(dir, "legacy.html", html, Charset.forName("windows-1252")));
        assertThat(texts(document)).contains("Café", "Déjà vu – voilà.");
    }

    private static byte[] bombDocx() {
        String padding = " ".repeat(20 * 1024 * 1024);
        return TestFiles.docx(TestFiles.paragraph(TestFiles.run("Boom." + padding)));
    }

    /** Overwrites the uncompressed size that the central directory declares for one entry. */
    private static void setDeclaredSize(byte[] zip, String entryName, long size) {
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        byte[] name = entryName.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 < zip.length; i++) {
            if (buffer.getInt(i) == 0x02014b50 && buffer.getShort(i + 28) == name.length
                    && Arrays.equals(zip, i + 46, i + 46 + name.length, name, 0, name.length)) {
                buffer.putInt(i + 24, (int) size);
                return;
            }
        }
        throw new AssertionError("no central directory entry " + entryName);
    }

    private static ImportRejectedException assertRefused(Path file, Reason reason, String... messageParts) {
        ImportRejectedException refused = assertTimeoutPreemptively(QUICKLY, () -> {
            try {
                IMPORTER.read(file, file.getFileName().toString(), ImportOptions.DETECT);
                return null;
            } catch (ImportRejectedException e) {
                return e;
            }
        });
        assertThat(refused).as("%s must be refused", file.getFileName()).isNotNull();
        assertThat(refused.reason()).as(refused.getMessage()).isEqualTo(reason);
        assertThat(refused.getMessage()).contains(messageParts);
        return refused;
    }

    private static ImportedDocument read(Path file) {
        return assertTimeoutPreemptively(QUICKLY,
                () -> IMPORTER.read(file, file.getFileName().toString(), ImportOptions.DETECT));
    }

    private static List<String> texts(ImportedDocument document) {
        return document.segments().stream().map(s -> s.mt().plainText()).toList();
    }
}
