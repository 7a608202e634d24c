package org.postedit.workbench.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postedit.workbench.TestSecurity;
import org.postedit.workbench.api.ApiTestClient;
import org.postedit.workbench.document.TaggedText;
import org.postedit.workbench.security.UserAccount;
import org.postedit.workbench.security.UserRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * The project dictionary (service, API, roles) and what it and the shipped glossary do to LanguageTool's spelling
 * issues, in the running application with its real H2 database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProjectDictionaryTest {

    /** A document without glossaries of its own uses the shipped General glossary. */
    private static final long DOCUMENT = 987_654;

    @LocalServerPort
    int port;
    @Autowired
    ProjectDictionary dictionary;
    @Autowired
    ProjectKnownWords knownWords;
    LanguageToolChecker checker;
    @Autowired
    LanguageToolPool pool;
    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    ApplicationContext context;

    @BeforeEach
    void usersOfEveryRole() {
        // the application's pool and known words, with time enough for a machine shared by many builds
        checker = new LanguageToolChecker(pool, knownWords, LanguageToolCheckerTest.PATIENT);
        for (UserAccount.Role role : UserAccount.Role.values()) {
            String name = "dict-" + role.name().toLowerCase();
            if (users.find(name).isEmpty()) {
                users.insert(name, encoder.encode(name + "-password"), role, Instant.now());
            }
        }
    }

    @Test
    void glossaryTermsAndDictionaryWordsAreNotMisspelled() {
        String text = "The OpenAtom Foundation and Qiaozhi support OpenAtom's Qiaozhis.";
        LanguageToolChecker raw = new LanguageToolChecker(pool, KnownWords.NONE, LanguageToolCheckerTest.PATIENT);
        assertThat(spelling(raw, text)).contains("OpenAtom", "Qiaozhi", "Qiaozhis");

        // "OpenAtom Foundation" is a term of the shipped glossary: inside the term and in another form of its word
        assertThat(spelling(checker, text)).doesNotContain("OpenAtom").contains("Qiaozhi", "Qiaozhis");

        String before = checker.settingsKey(DOCUMENT, "en-US");
        ProjectDictionary.Added added = as("REVIEWER", () -> dictionary.add("en", "qiaozhi", "dict-reviewer"));
        try {
            assertThat(added.created()).isTrue();
            assertThat(checker.settingsKey(DOCUMENT, "en-US")).isNotEqualTo(before);
            // any case, and the plural; an "en" word holds in British documents too
            assertThat(spelling(checker, text)).isEmpty();
            assertThat(spelling(checker, text.replace("OpenAtom", "OpenAtomm"), "en-GB")).containsOnly("OpenAtomm");
            // other issues stay
            assertThat(checker.check(text("en-US", "Qiaozhi has a apple.")))
                    .extracting(Issue::ruleId).containsExactly("EN_A_VS_AN");
        } finally {
            as("ADMIN", () -> dictionary.remove(added.word().id(), "dict-admin"));
        }
        assertThat(spelling(checker, text)).contains("Qiaozhi");
    }

    @Test
    void wordsBelongToTheirLanguageTag() {
        ProjectDictionary.Added british = as("TERMINOLOGIST", () -> dictionary.add("en_gb", "Colourway", "t"));
        try {
            assertThat(british.word().language()).isEqualTo("en-GB");
            assertThat(dictionary.knows("en-GB", "colourways")).isTrue();
            assertThat(dictionary.knows("en-US", "colourway")).isFalse();
            assertThat(dictionary.knows("en", "colourway")).isFalse();
            assertThat(dictionary.contains("EN-gb", "COLOURWAY")).isTrue();
            assertThat(dictionary.knows("zh-CN", "colourway")).isFalse();
            assertThat(dictionary.list("en-GB")).extracting(DictionaryWord::word).contains("Colourway");
        } finally {
            as("ADMIN", () -> dictionary.remove(british.word().id(), "dict-admin"));
        }
    }

    @Test
    void onlyEditorsOfTheProjectMayChangeIt() {
        for (String role : List.of("VIEWER", "TRANSLATOR")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> as(role, () -> dictionary.add("en", "Xyzzy", "x")))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(dictionary.contains("en", "Xyzzy")).isFalse();
    }

    @Test
    void theApiListsAddsAndRemovesWordsWithProblemDetails() throws Exception {
        ApiTestClient viewer = client("viewer");
        ApiTestClient reviewer = client("reviewer");
        ApiTestClient approver = client("approver");

        ApiTestClient.Response list = viewer.get("/api/dictionary");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        long version = list.json().get("version").asLong();

        ApiTestClient.Response denied = viewer.postJson("/api/dictionary", Map.of("language", "en", "word", "Hongmeng"));
        // refused by the API's role table (SecurityConfiguration) before the service's own check
        assertThat(denied.status()).isEqualTo(403);

        ApiTestClient.Response created = reviewer.postJson("/api/dictionary",
                Map.of("language", "en", "word", " Hongmeng "));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("word").asString()).isEqualTo("Hongmeng");
        assertThat(created.json().get("addedBy").asString()).isEqualTo("dict-reviewer");
        long id = created.json().get("id").asLong();

        ApiTestClient.Response again = approver.postJson("/api/dictionary", Map.of("language", "EN", "word", "HONGMENG"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asLong()).isEqualTo(id);

        ApiTestClient.Response listed = viewer.get("/api/dictionary?language=en");
        assertThat(listed.json().get("version").asLong()).isGreaterThan(version);
        assertThat(listed.json().get("words").findValuesAsString("word")).contains("Hongmeng");

        for (Map<String, String> bad : List.of(Map.of("language", "en", "word", "two words"),
                Map.of("language", "en", "word", "  "), Map.of("language", "english!", "word", "ok"),
                Map.of("language", "en", "word", "x".repeat(101)), Map.of("language", "en", "word", "bell\u0007"),
                Map.of("word", "nolanguage"))) {
            ApiTestClient.Response rejected = reviewer.postJson("/api/dictionary", bad);
            assertThat(rejected.status()).as(bad.toString()).isEqualTo(400);
            assertThat(rejected.json().get("detail").asString()).isNotBlank();
        }

        assertThat(viewer.delete("/api/dictionary/" + id).status()).isEqualTo(403);
        assertThat(approver.delete("/api/dictionary/" + id).status()).isEqualTo(204);
        assertThat(approver.delete("/api/dictionary/" + id).status()).isEqualTo(404);
        assertThat(dictionary.contains("en", "hongmeng")).isFalse();

        assertThat(reviewer.postJson("/api/dictionary", Map.of("language", "de", "word", "Hongmeng")).status())
                .isEqualTo(201);
        assertThat(reviewer.delete("/api/dictionary?language=de&word=hongmeng").status()).isEqualTo(204);
        assertThat(reviewer.delete("/api/dictionary?language=de&word=hongmeng").status()).isEqualTo(404);
        assertThat(new ApiTestClient(port, null, null).get("/api/dictionary").status()).isEqualTo(401);
    }

    private ApiTestClient client(String role) {
        return new ApiTestClient(port, "dict-" + role, "dict-" + role + "-password");
    }

    private <T> T as(String role, java.util.function.Supplier<T> work) {
        return TestSecurity.runAs(context, "dict-" + role.toLowerCase(), work, role);
    }

    private static List<String> spelling(LanguageToolChecker checker, String text) {
        return spelling(checker, text, "en-US");
    }

    private static List<String> spelling(LanguageToolChecker checker, String text, String language) {
        return checker.check(new CheckedText(DOCUMENT, 1, language, null, TaggedText.plain(text),
                        TaggedText.plain(text), null)).stream()
                .filter(i -> i.category() == IssueCategory.SPELLING).map(i -> i.in(text)).toList();
    }

    private static CheckedText text(String language, String text) {
        return new CheckedText(DOCUMENT, 1, language, null, TaggedText.plain(text), TaggedText.plain(text), null);
    }
}
