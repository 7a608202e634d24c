package org.postedit.workbench.document.okapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.ImportedDocument;

/** The target language: the user's choice, else what the file declares, else detected, else en-US. */
class LanguageDetectionTest {

    private static final TextLanguageDetector DETECTOR = new TextLanguageDetector();
    private static final OkapiDocumentImporter IMPORTER = new OkapiDocumentImporter();

    @TempDir
    Path dir;

    @Test
    void detectsTheLanguagesLanguageToolKnows() {
        assertThat(DETECTOR.detect("The summit was co-hosted by the foundation and the municipal bureau, "
                + "with the theme of an inclusive future.")).contains("en-US");
        assertThat(DETECTOR.detect("OmegaT ist ein freies und quelloffenes Übersetzungswerkzeug für "
                + "computergestützte Übersetzung.")).contains("de-DE");
        assertThat(DETECTOR.detect("Le chat est sur la table et il dort depuis ce matin.")).contains("fr");
        assertThat(DETECTOR.detect("O gato está em cima da mesa e dorme desde manhã cedo.")).contains("pt-PT");
    }

    @Test
    void tellsCjkApartByScript() {
        assertThat(DETECTOR.detect("OmegaT 是自由且开源的跨平台计算机辅助翻译工具。")).contains("zh-CN");
        assertThat(DETECTOR.detect("我們這裡的人都很喜歡說話，這個國家的學生對未來充滿希望。")).contains("zh-TW");
        assertThat(DETECTOR.detect("OmegaT は、自由に使用できるオープンソースの翻訳支援ツールです。")).contains("ja");
        assertThat(DETECTOR.detect("오메가티는 자유 오픈 소스 번역 지원 도구입니다.")).contains("ko");
    }

    @Test
    void saysNothingWhenUnsure() {
        assertThat(DETECTOR.detect("OmegaT")).isEmpty();
        assertThat(DETECTOR.detect("1234 5678")).isEmpty();
    }

    @Test
    void plainTextWithoutAHintIsDetectedAndDefaultsToEnglish() {
        assertThat(read("de.txt", "Das ist ein kurzer deutscher Text über die Übersetzung von Dokumenten.",
                ImportOptions.DETECT).targetLanguage()).isEqualTo("de-DE");
        assertThat(read("short.txt", "OK", ImportOptions.DETECT).targetLanguage()).isEqualTo("en-US");
    }

    @Test
    void theUsersChoiceWins() {
        ImportedDocument document = read("de.txt", "Das ist ein kurzer deutscher Text über Dokumente.",
                new ImportOptions("zh_CN", "en-gb"));
        assertThat(document.targetLanguage()).isEqualTo("en-GB");
        assertThat(document.sourceLanguage()).isEqualTo("zh-CN");
    }

    @Test
    void htmlDeclaresItsLanguage() {
        assertThat(read("page.html", "<html lang=\"fr-CA\"><body><p>The text is English anyway.</p></body></html>",
                ImportOptions.DETECT).targetLanguage()).isEqualTo("fr-CA");
    }

    @Test
    void poTakesItsHeaderThenItsFileName() {
        String entry = "\nmsgid \"Open file\"\nmsgstr \"Datei öffnen\"\n";
        String header = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n";
        assertThat(read("messages.po", header + "\"Language: de_AT\\n\"\n" + entry, ImportOptions.DETECT)
                .targetLanguage()).isEqualTo("de-AT");
        assertThat(read("app.pt_BR.po", header + entry, ImportOptions.DETECT).targetLanguage()).isEqualTo("pt-BR");
        assertThat(DeclaredLanguages.languageInFileName("zh_CN.po")).isEqualTo("zh-CN");
        assertThat(DeclaredLanguages.languageInFileName("messages.po")).isNull();
        assertThat(DeclaredLanguages.languageInFileName("po-en-fr-okapi-allcases.po")).isNull();
    }

    @Test
    void languageTagsAreNormalised() {
        assertThat(LanguageTags.normalize("zh_CN")).isEqualTo("zh-CN");
        assertThat(LanguageTags.normalize("en-us")).isEqualTo("en-US");
        assertThat(LanguageTags.normalize("FR-CA")).isEqualTo("fr-CA");
        assertThat(LanguageTags.normalize("de_DE.UTF-8")).isEqualTo("de-DE");
        assertThat(LanguageTags.normalize("*all*")).isNull();
        assertThat(LanguageTags.normalize("not a tag")).isNull();
    }

    private ImportedDocument read(String name, String content, ImportOptions options) {
        return IMPORTER.read(TestFiles.text(dir, name, content), name, options);
    }
}
