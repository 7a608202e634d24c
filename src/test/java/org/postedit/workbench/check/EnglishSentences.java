package org.postedit.workbench.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;

/**
 * Real English sentences: the English side of the shared TICO-19 parallel set ({@code ../shared/corpus/parallel})
 * and the sentences of the shipped MT sample in {@code seeds/} (with its run-together sentences and odd quotes).
 */
public final class EnglishSentences {

    private EnglishSentences() {
    }

    /** The 300 English sentences of the TICO-19 subset; aborts the test visibly when the corpus is missing. */
    public static List<String> corpus() {
        Path tsv = Path.of(System.getProperty("user.dir")).resolve("../shared/corpus/parallel/tico19-zh-en.tsv")
                .normalize();
        if (!Files.isRegularFile(tsv)) {
            Assumptions.abort("parallel corpus not found at " + tsv);
        }
        List<String> sentences = new ArrayList<>();
        for (String line : read(tsv).subList(1, read(tsv).size())) {
            String[] cells = line.split("\t", -1);
            if (cells.length > 2 && !cells[2].isBlank()) {
                sentences.add(cells[2].strip());
            }
        }
        return sentences;
    }

    /** The sentences of every plain-text sample in seeds/, split where a sentence ends and the next begins. */
    public static List<String> seeds() {
        Set<String> sentences = new LinkedHashSet<>();
        try (var files = Files.list(Path.of("seeds"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                for (String paragraph : Files.readString(file, StandardCharsets.UTF_8).split("\\n\\s*\\n")) {
                    for (String sentence : paragraph.strip().split("(?<=[.!?])\\s+(?=[A-Z“\"])")) {
                        if (sentence.strip().length() > 3) {
                            sentences.add(sentence.strip());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(sentences);
    }

    /** The paragraphs of the seeds, as whole segments of several sentences. */
    public static List<String> seedParagraphs() {
        List<String> paragraphs = new ArrayList<>();
        try (var files = Files.list(Path.of("seeds"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                for (String paragraph : Files.readString(file, StandardCharsets.UTF_8).split("\\n\\s*\\n")) {
                    if (!paragraph.isBlank()) {
                        paragraphs.add(paragraph.strip());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return paragraphs;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
