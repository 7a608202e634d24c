package org.postedit.workbench.check;

import java.net.URI;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The project dictionary for scripts: list (any signed-in user), add and remove (reviewers, approvers,
 * terminologists, admins; the service enforces it), through the same {@link ProjectDictionary} as the grid.
 */
@RestController
@RequestMapping("/api/dictionary")
public class DictionaryApi {

    private final ProjectDictionary dictionary;

    public DictionaryApi(ProjectDictionary dictionary) {
        this.dictionary = dictionary;
    }

    public record NewWord(String language, String word) {
    }

    /** All words, or those stored for one language tag ({@code ?language=en}). */
    @GetMapping
    public Map<String, Object> list(@RequestParam(required = false) String language) {
        List<DictionaryWord> words = language == null || language.isBlank() ? dictionary.list()
                : dictionary.list(language);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", dictionary.version());
        json.put("words", words.stream().map(DictionaryApi::json).toList());
        return json;
    }

    /** {@code 201} with the new word, {@code 200} with the stored one when it was already there. */
    @PostMapping
    public ResponseEntity<Map<String, Object>> add(@RequestBody NewWord word, Principal user) {
        if (word == null || word.word() == null || word.language() == null) {
            throw new DictionaryWordRejectedException("Send \"language\" (e.g. en or en-GB) and \"word\".");
        }
        ProjectDictionary.Added added = dictionary.add(word.language(), word.word(), user.getName());
        if (added.created()) {
            return ResponseEntity.created(URI.create("/api/dictionary/" + added.word().id())).body(json(added.word()));
        }
        return ResponseEntity.ok(json(added.word()));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> remove(@PathVariable long id, Principal user) {
        if (!dictionary.remove(id, user.getName())) {
            throw new NoSuchWord("There is no dictionary word " + id + ".");
        }
        return ResponseEntity.noContent().build();
    }

    /** Removes by language and word ({@code ?language=en&word=OpenAtom}), as the grid knows them. */
    @DeleteMapping
    public ResponseEntity<Void> remove(@RequestParam String language, @RequestParam String word, Principal user) {
        if (!dictionary.remove(language, word, user.getName())) {
            throw new NoSuchWord("'" + word.strip() + "' is not in the " + language.strip() + " dictionary.");
        }
        return ResponseEntity.noContent().build();
    }

    static Map<String, Object> json(DictionaryWord word) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", word.id());
        json.put("language", word.language());
        json.put("word", word.word());
        json.put("addedBy", word.addedBy());
        json.put("addedAt", word.addedAt().toString());
        return json;
    }

    /** A word the caller names that is not there. */
    static final class NoSuchWord extends RuntimeException {
        NoSuchWord(String message) {
            super(message);
        }
    }

    @ExceptionHandler(DictionaryWordRejectedException.class)
    ProblemDetail rejected(DictionaryWordRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Word not added");
        return problem;
    }

    @ExceptionHandler(NoSuchWord.class)
    ProblemDetail notFound(NoSuchWord e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
