package org.postedit.workbench.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postedit.workbench.document.Document;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.ImportedDocument;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SegmentStatus;
import org.postedit.workbench.document.TaggedText;
import org.postedit.workbench.document.okapi.OkapiDocumentImporter;
import org.postedit.workbench.review.ReviewService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Every importable document of the shared corpus and the shipped seeds, after an edit (with {@code &}, {@code <},
 * emoji) and an approval: XLIFF 1.2, XLIFF 2 and TMX exports valid against the bundled schemas and through
 * validate.sh, and the original format re-read by the importer with the edit present. Skipped when the corpus
 * (../shared/corpus, or -Dworkbench.corpus / $WORKBENCH_CORPUS) is absent. Split in two test classes (monolingual,
 * bilingual) to keep each short. validate.sh runs on every XLIFF 1.2 and TMX export; XLIFF 2 exports (whose check
 * starts a JVM each) go through it for the files {@link #validateXliff2WithScript} picks, or all with
 * $WORKBENCH_VALIDATE_ALL=true; all of them pass the same checks in-process (core XSD, Okapi's maximal validation).
 */
@SpringBootTest
@ActiveProfiles("test")
// the service checks the signed-in user: these tests edit and approve as an approver
@WithMockUser(username = "bob", roles = "APPROVER")
abstract class CorpusExports {

    static final String EDIT = " ✓ & 5 < 6 😀";

    @Autowired
    DocumentService documents;
    @Autowired
    ReviewService review;
    @Autowired
    ExportService export;

    @TempDir
    Path dir;

    /** Which corpus and seed files this class exports. */
    abstract boolean covers(String fileName);

    /** XLIFF 2 exports checked by validate.sh too (all when $WORKBENCH_VALIDATE_ALL=true). */
    boolean validateXliff2WithScript(String fileName) {
        return "true".equalsIgnoreCase(System.getenv("WORKBENCH_VALIDATE_ALL")) || fileName.startsWith("xliff20-")
                || fileName.startsWith("docx-") || fileName.startsWith("html-de") || fileName.startsWith("0");
    }

    @Test
    void everyDocumentExportsValidAndRebuildsWithTheEdit() throws Exception {
        List<Path> files = new ArrayList<>(corpus());
        try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
            files.addAll(seeds.sorted().toList());
        }
        files.removeIf(file -> !covers(file.getFileName().toString()));
        Map<Path, String> toValidate = new ConcurrentHashMap<>();
        List<String> refusedOriginal = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            long id = documents.importFile(file, name, ImportOptions.DETECT, "test").document().id();
            Document document = documents.document(id);
            editAndApprove(id);

            byte[] xliff12 = export(id, ExportFormat.XLIFF12);
            ExportValidation.xliff12(xliff12);
            toValidate.put(write(name + ".xlf", xliff12), "XLIFF 1.2");
            byte[] xliff2 = export(id, ExportFormat.XLIFF2);
            ExportValidation.xliff2(xliff2);
            Path xliff2File = write(name + ".xliff2.xlf", xliff2);
            if (validateXliff2WithScript(name)) {
                toValidate.put(xliff2File, "XLIFF 2.0");
            }
            byte[] tmx = export(id, ExportFormat.TMX);
            ExportValidation.tmx(tmx);
            toValidate.put(write(name + ".tmx", tmx), "TMX 1.4b");

            try {
                byte[] original = export(id, ExportFormat.ORIGINAL);
                Path rebuilt = write("rebuilt-" + name, original);
                ImportedDocument reread = new OkapiDocumentImporter().read(rebuilt, name,
                        new ImportOptions(document.sourceLanguage(), document.targetLanguage()));
                assertThat(reread.format()).as(name).isEqualTo(document.format());
                assertThat(reread.segments()).as("rebuilt " + name)
                        .anySatisfy(s -> assertThat(s.mt().plainText()).contains(EDIT.strip()));
            } catch (ExportRejectedException e) {
                assertThat(e.getMessage()).as(name).contains("not UTF-8");
                refusedOriginal.add(name);
            }
        }
        System.out.println("[export] " + getClass().getSimpleName() + ": " + files.size() + " documents exported "
                + "in 4 formats, " + toValidate.size() + " exports through validate.sh; original format refused "
                + "(not UTF-8, edited): " + refusedOriginal);
        validateAll(toValidate);
    }

    private void editAndApprove(long id) {
        List<Segment> segments = documents.segments(id);
        List<Segment> open = segments.stream().filter(s -> !s.locked()).toList();
        Segment first = open.getFirst();
        TaggedText edited = first.target().isBlank() && !first.target().hasCodes() ? TaggedText.plain(EDIT.strip())
                : new TaggedText(first.target().coded() + EDIT, first.target().codes());
        Segment saved = review.save(first.id(), first.version(), edited, "ann");
        review.approve(saved.id(), saved.version(), "bob");
        if (open.size() > 1) {
            review.approve(open.get(1).id(), open.get(1).version(), "bob");
        }
    }

    private void validateAll(Map<Path, String> files) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<String>> verdicts = new ArrayList<>();
            for (Map.Entry<Path, String> file : files.entrySet()) {
                verdicts.add(pool.submit(() -> {
                    String verdict = ExportValidation.validateSh(Files.readAllBytes(file.getKey()),
                            file.getKey().getFileName().toString().replaceAll(".*(\\.[a-z0-9]+)$", "$1"));
                    if (verdict != null) {
                        assertThat(verdict).as(file.getKey().toString()).isEqualTo("OK " + file.getValue());
                    }
                    return verdict;
                }));
            }
            for (Future<String> verdict : verdicts) {
                verdict.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private byte[] export(long id, ExportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.export(id, format, new ExportOptions(EnumSet.allOf(SegmentStatus.class), true), out);
        return out.toByteArray();
    }

    private Path write(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    private static List<Path> corpus() throws IOException {
        String configured = System.getProperty("workbench.corpus", System.getenv("WORKBENCH_CORPUS"));
        Path root = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.dir")).resolve("../shared/corpus").normalize();
        Path docs = root.resolve("docs");
        if (!Files.isDirectory(docs)) {
            System.out.println("[export] SKIPPED corpus exports: no corpus at " + docs.toAbsolutePath());
            Assumptions.abort("corpus not found at " + docs.toAbsolutePath());
        }
        try (Stream<Path> files = Files.list(docs)) {
            return files.filter(f -> !f.getFileName().toString().contains("broken")
                            && !f.getFileName().toString().endsWith(".tsv"))
                    .sorted().toList();
        }
    }
}
