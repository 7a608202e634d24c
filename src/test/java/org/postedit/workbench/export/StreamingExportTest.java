package org.postedit.workbench.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;

import javax.xml.stream.XMLStreamException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postedit.workbench.document.DocumentService;
import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SegmentStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The XML exports write each unit as they read it: when an exporter reads segment k from the database, the file
 * has already been written up to about unit k (an exporter that read the document first would have written
 * nothing). The heap this keeps flat is measured by bench/ExportBenchmark, not here.
 */
@SpringBootTest
@ActiveProfiles("test")
class StreamingExportTest {

    private static final int UNITS = 3000;
    private static final int BUFFERED = 16_384;  // what a writer may hold before it reaches the stream

    @Autowired
    DocumentService documents;

    @TempDir
    Path dir;

    private long id;

    @BeforeEach
    void importLargeXliff() throws IOException {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\" "
                + "xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n<file original=\"large.txt\" "
                + "source-language=\"zh-CN\" target-language=\"en-US\" datatype=\"plaintext\"><body>\n");
        for (int i = 1; i <= UNITS; i++) {
            x.append("<trans-unit id=\"u").append(i).append("\"><source>第").append(i)
                    .append(i % 4 == 0 ? "个<g id=\"1\">开发者</g>。" : "个开发者。").append("</source><target state=\"")
                    .append(i % 2 == 0 ? "translated" : "final").append("\">Developer ").append(i)
                    .append(i % 4 == 0 ? " <g id=\"1\">in bold</g>." : ".").append("</target></trans-unit>\n");
        }
        x.append("</body></file></xliff>\n");
        Path file = dir.resolve("large.xlf");
        Files.writeString(file, x, StandardCharsets.UTF_8);
        id = documents.importFile(file, "large.xlf", ImportOptions.DETECT, "test").document().id();
    }

    @Test
    void xliff2WrittenByOkapisWriterStreams() throws Exception {
        String written = exportRecorded(ExportFormat.XLIFF2, "<unit id=\"u%d\"");
        ExportValidation.xliff2(written.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void xliff12Streams() throws Exception {
        String written = exportRecorded(ExportFormat.XLIFF12, "<trans-unit id=\"u%d\"");
        ExportValidation.xliff12(written.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void tmxStreams() throws Exception {
        String written = exportRecorded(ExportFormat.TMX, "tuid=\"u%d#");
        ExportValidation.tmx(written.getBytes(StandardCharsets.UTF_8));
    }

    private String exportRecorded(ExportFormat format, String unitMarker) throws XMLStreamException {
        ReadWhileWritten<Segment> recorded = new ReadWhileWritten<>(documents.segmentsInOrder(id), Segment::ordinal);
        ExportOptions all = new ExportOptions(EnumSet.allOf(SegmentStatus.class), false);
        ExportContext context = new ExportContext(documents.document(id), recorded, segment -> null, all,
                Instant.now(), DocumentStamp.of(id, documents.originalSha256(id), Instant.now()));
        switch (format) {
            case XLIFF12 -> new Xliff12Exporter().write(context, recorded.out);
            case XLIFF2 -> new Xliff2Exporter().write(context, recorded.out);
            case TMX -> new TmxExporter().write(context, recorded.out);
            case ORIGINAL -> throw new IllegalArgumentException("see OriginalFormatExportTest");
        }
        String written = recorded.out.toString(StandardCharsets.UTF_8);
        assertThat(recorded.writtenWhenRead).hasSize(UNITS);
        for (int ordinal = 500; ordinal <= UNITS; ordinal += 500) {
            int at = written.indexOf(unitMarker.formatted(ordinal - 50));
            assertThat(at).isPositive();
            int earlier = written.substring(0, at).getBytes(StandardCharsets.UTF_8).length;
            assertThat(recorded.writtenWhenRead.get(ordinal)).as("%s: bytes written when segment %d was read",
                    format, ordinal).isGreaterThan(earlier - BUFFERED).isPositive();
        }
        return written;
    }
}
