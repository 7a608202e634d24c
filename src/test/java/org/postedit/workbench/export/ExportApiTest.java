package org.postedit.workbench.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.TaggedText;
import org.postedit.workbench.review.ReviewService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The download endpoint through the real controllers and security chain (MockMvc on the shared test context, so
 * no second server starts): attachment with a telling name, problem details for bad requests.
 */
@SpringBootTest
@ActiveProfiles("test")
class ExportApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Charset GB18030 = Charset.forName("GB18030");

    @Autowired
    WebApplicationContext context;
    @Autowired
    DocumentService documents;
    @Autowired
    ReviewService review;

    @TempDir
    Path dir;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @Test
    void downloadsEachFormatAsAnAttachment() throws Exception {
        long id = importFile("summit.html", ("<html lang=\"en\"><body><p>The <b>summit</b> was held in Beijing."
                + "Improve the layout.</p></body></html>").getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse xliff = download("/api/documents/" + id + "/export?format=xliff12");
        assertThat(xliff.getStatus()).isEqualTo(200);
        assertThat(xliff.getHeader("Content-Disposition"))
                .startsWith("attachment").containsPattern("summit_mt_en-US_\\d{4}-\\d{2}-\\d{2}\\.xlf");
        assertThat(xliff.getContentType()).startsWith("application/xliff+xml");
        ExportValidation.xliff12(xliff.getContentAsByteArray());
        assertThat(xliff.getContentAsString(StandardCharsets.UTF_8)).contains("<trans-unit", "x-workbench-mt-only");

        MockHttpServletResponse xliff2 = download("/api/documents/" + id + "/export?format=XLIFF2");
        assertThat(xliff2.getStatus()).isEqualTo(200);
        assertThat(xliff2.getHeader("Content-Disposition")).contains(".xliff2.xlf");
        ExportValidation.xliff2(xliff2.getContentAsByteArray());

        MockHttpServletResponse tmx = download("/api/documents/" + id + "/export?format=tmx&mtPairs=true&statuses=new");
        assertThat(tmx.getStatus()).isEqualTo(200);
        ExportValidation.tmx(tmx.getContentAsByteArray());
        assertThat(tmx.getContentAsString(StandardCharsets.UTF_8)).contains("<tu ");

        MockHttpServletResponse original = download("/api/documents/" + id + "/export?format=original");
        assertThat(original.getStatus()).isEqualTo(200);
        assertThat(original.getHeader("Content-Disposition")).contains(".html");
        assertThat(original.getContentAsString(StandardCharsets.UTF_8)).contains("<b>summit</b>");
    }

    @Test
    void unknownFormatsOptionsAndDocumentsAreProblemDetails() throws Exception {
        long id = importFile("summit.html", "<html><body><p>The summit was held.</p></body></html>"
                .getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse unknown = call("/api/documents/" + id + "/export?format=pdf");
        assertThat(unknown.getStatus()).isEqualTo(400);
        assertThat(unknown.getContentType()).contains("application/problem+json");
        assertThat(detail(unknown)).contains("pdf", "xliff12", "tmx");

        assertThat(call("/api/documents/" + id + "/export").getStatus()).isEqualTo(400);

        MockHttpServletResponse badStatus = call("/api/documents/" + id + "/export?format=tmx&mtPairs=true"
                + "&statuses=approved,done");
        assertThat(badStatus.getStatus()).isEqualTo(400);
        assertThat(detail(badStatus)).contains("done");

        MockHttpServletResponse mtOnlyTmx = call("/api/documents/" + id + "/export?format=tmx");
        assertThat(mtOnlyTmx.getStatus()).isEqualTo(400);
        assertThat(detail(mtOnlyTmx)).contains("mtPairs=true");

        assertThat(call("/api/documents/987654/export?format=xliff12").getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/api/documents/" + id + "/export?format=xliff12")).andReturn().getResponse()
                .getStatus()).isEqualTo(401);
    }

    @Test
    void anEditedOriginalThatCannotBeRebuiltIsA400BeforeAnyByteIsSent() throws Exception {
        byte[] gbk = "北京是中国的首都。上海是最大的城市。这是一个测试文件，用于检查编码。".getBytes(GB18030);
        long id = importFile("gbk.txt", gbk);
        assertThat(download("/api/documents/" + id + "/export?format=original").getContentAsByteArray())
                .isEqualTo(gbk);
        Segment first = documents.segments(id).getFirst();
        org.postedit.workbench.TestSecurity.runAs(context, "ann", () -> review.save(first.id(), first.version(),
                TaggedText.plain("Beijing is the capital."), "ann"), "TRANSLATOR");
        MockHttpServletResponse refused = call("/api/documents/" + id + "/export?format=original");
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(detail(refused)).contains("not UTF-8");
    }

    @Test
    void severalDocumentsDownloadAsOneZipOfValidFiles() throws Exception {
        long first = importFile("zip-a.html", "<html><body><p>The summit was held.</p></body></html>"
                .getBytes(StandardCharsets.UTF_8));
        long second = importFile("zip-b.html", "<html><body><p>The forum <b>opened</b>.</p></body></html>"
                .getBytes(StandardCharsets.UTF_8));
        for (String format : new String[] {"xliff12", "xliff2"}) {
            MockHttpServletResponse zip = download("/api/documents/export?ids=" + first + "," + second
                    + "&format=" + format);
            assertThat(zip.getStatus()).isEqualTo(200);
            assertThat(zip.getContentType()).isEqualTo("application/zip");
            assertThat(zip.getHeader("Content-Disposition"))
                    .containsPattern("2-documents_mt_en-US_\\d{4}-\\d{2}-\\d{2}\\.zip");
            Map<String, byte[]> entries = unzip(zip.getContentAsByteArray());
            String extension = format.equals("xliff12") ? "\\.xlf" : "\\.xliff2\\.xlf";
            assertThat(entries.keySet()).hasSize(2).allMatch(name -> name.matches(
                    "zip-[ab]_mt_en-US_\\d{4}-\\d{2}-\\d{2}" + extension));
            for (byte[] entry : entries.values()) {
                if (format.equals("xliff12")) {
                    ExportValidation.xliff12(entry);
                } else {
                    ExportValidation.xliff2(entry);
                }
            }
            assertThat(new String(entries.values().stream().filter(e -> new String(e, StandardCharsets.UTF_8)
                    .contains("forum")).findFirst().orElseThrow(), StandardCharsets.UTF_8)).contains("opened");
        }
        MockHttpServletResponse tmx = download("/api/documents/export?ids=" + first + "," + second
                + "&format=tmx&mtPairs=true&statuses=all");
        for (byte[] entry : unzip(tmx.getContentAsByteArray()).values()) {
            ExportValidation.tmx(entry);
        }

        assertThat(call("/api/documents/export?ids=" + first + ",987654&format=xliff12").getStatus())
                .isEqualTo(404);
        MockHttpServletResponse mtOnly = call("/api/documents/export?ids=" + first + "&format=tmx");
        assertThat(mtOnly.getStatus()).isEqualTo(400);
        assertThat(call("/api/documents/export?ids=x&format=tmx").getStatus()).isEqualTo(400);
        assertThat(call("/api/documents/export?format=tmx").getStatus()).isEqualTo(400);
    }

    @Test
    void anEditedXliffUpdatesItsDocumentThroughTheApi() throws Exception {
        long id = importFile("api-update.html", "<html><body><p>The summit was held. The forum opened.</p></body>"
                .concat("</html>").getBytes(StandardCharsets.UTF_8));
        long other = importFile("api-other.html", "<html><body><p>Another text.</p></body></html>"
                .getBytes(StandardCharsets.UTF_8));
        String xliff = download("/api/documents/" + id + "/export?format=xliff12")
                .getContentAsString(StandardCharsets.UTF_8);
        String edited = xliff.replace("The forum opened.</target>", "The forum was opened.</target>");
        assertThat(edited).isNotEqualTo(xliff);

        MockHttpServletResponse updated = upload(id, edited, "api-update.xlf", "");
        assertThat(updated.getStatus()).isEqualTo(200);
        JsonNode summary = JSON.readTree(updated.getContentAsString(StandardCharsets.UTF_8));
        assertThat(summary.get("updated").asInt()).isEqualTo(1);
        assertThat(summary.get("unchanged").asInt()).isEqualTo(1);
        assertThat(summary.get("changes").get(0).get("after").asString()).isEqualTo("The forum was opened.");
        assertThat(summary.get("changes").get(0).get("diff").toString()).contains("INSERTED", "was ");
        assertThat(documents.segments(id).get(1).target().plainText()).isEqualTo("The forum was opened.");

        MockHttpServletResponse wrongDocument = upload(other, edited, "api-update.xlf", "?overwriteApproved=true");
        assertThat(wrongDocument.getStatus()).isEqualTo(400);
        assertThat(detail(wrongDocument)).contains("api-update.html", "api-other.html");
        MockHttpServletResponse broken = upload(id, edited.substring(0, 300), "broken.xlf", "");
        assertThat(broken.getStatus()).isEqualTo(400);
        assertThat(detail(broken)).contains("broken.xlf");
        assertThat(upload(987654, edited, "api-update.xlf", "").getStatus()).isEqualTo(404);
        assertThat(documents.segments(other)).extracting(Segment::version).containsOnly(0);
    }

    private MockHttpServletResponse upload(long id, String content, String name, String query) throws Exception {
        return mvc.perform(multipart("/api/documents/" + id + "/xliff" + query)
                        .file(new MockMultipartFile("file", name, "application/xliff+xml",
                                content.getBytes(StandardCharsets.UTF_8)))
                        .with(httpBasic("admin", "test-admin-password")))
                .andReturn().getResponse();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private long importFile(String name, byte[] content) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return documents.importFile(file, name, new ImportOptions(null, "en-US"), "test").document().id();
    }

    /** A request answered at once (errors). */
    private MockHttpServletResponse call(String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic("admin", "test-admin-password"))).andReturn().getResponse();
    }

    /** A streamed download: the body is written asynchronously. */
    private MockHttpServletResponse download(String path) throws Exception {
        MvcResult started = mvc.perform(get(path).with(httpBasic("admin", "test-admin-password"))).andReturn();
        if (!started.getRequest().isAsyncStarted()) {
            return started.getResponse();
        }
        started.getAsyncResult(10_000);
        return mvc.perform(asyncDispatch(started)).andReturn().getResponse();
    }

    private static String detail(MockHttpServletResponse response) throws Exception {
        JsonNode json = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        return json.get("detail").asString();
    }
}
