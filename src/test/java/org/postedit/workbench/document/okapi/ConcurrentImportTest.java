package org.postedit.workbench.document.okapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.ImportedDocument;

/** One importer serves several uploads at once and gives each the same result as alone. */
class ConcurrentImportTest {

    @Test
    void parallelImportsGiveTheSameSegmentsAsSequentialOnes() throws Exception {
        OkapiDocumentImporter importer = new OkapiDocumentImporter();
        List<Path> files = List.of(Path.of("seeds/000_796b4e4ca0be2a4e.txt"),
                Path.of("seeds/opensource-summit.zh-en.xlf"));
        List<ImportedDocument> alone = files.stream()
                .map(file -> importer.read(file, file.getFileName().toString(), ImportOptions.DETECT)).toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<ImportedDocument>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                Path file = files.get(i % files.size());
                results.add(pool.submit(() -> importer.read(file, file.getFileName().toString(), ImportOptions.DETECT)));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(alone.get(i % files.size()));
            }
        }
    }
}
