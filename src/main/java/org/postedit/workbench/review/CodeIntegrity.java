package org.postedit.workbench.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.postedit.workbench.document.InlineCode;
import org.postedit.workbench.document.TaggedText;

/**
 * Checks that an edited target keeps every inline code of the text it was made from, each once, with every
 * closing code after its opening one. Exporters rebuild the file from these codes, so a lost tag would break it.
 */
final class CodeIntegrity {

    private CodeIntegrity() {
    }

    /** @return problems in words, empty when the codes are intact */
    static List<String> problems(TaggedText reference, TaggedText edited) {
        Map<String, Integer> expected = new HashMap<>();
        for (InlineCode code : reference.codes()) {
            expected.merge(key(code), 1, Integer::sum);
        }
        Map<String, Integer> found = new HashMap<>();
        Map<Integer, Integer> open = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (TaggedText.Run run : edited.runs()) {
            InlineCode code = run.code();
            if (code == null) {
                continue;
            }
            found.merge(key(code), 1, Integer::sum);
            if (code.kind() == InlineCode.Kind.OPENING) {
                open.merge(code.id(), 1, Integer::sum);
            } else if (code.kind() == InlineCode.Kind.CLOSING && expectsOpening(reference, code)) {
                if (open.getOrDefault(code.id(), 0) == 0) {
                    problems.add("The closing code " + code.label() + " comes before its opening code.");
                } else {
                    open.merge(code.id(), -1, Integer::sum);
                }
            }
        }
        for (InlineCode code : reference.codes()) {
            String key = key(code);
            int want = expected.getOrDefault(key, 0);
            int have = found.getOrDefault(key, 0);
            if (have < want) {
                problems.add("The code " + code.label() + " is missing.");
                expected.put(key, have);
            }
        }
        found.forEach((key, have) -> {
            if (have > expected.getOrDefault(key, 0)) {
                problems.add("A code appears more often than in the original.");
            }
        });
        return problems.stream().distinct().toList();
    }

    private static boolean expectsOpening(TaggedText reference, InlineCode closing) {
        return reference.codes().stream()
                .anyMatch(c -> c.kind() == InlineCode.Kind.OPENING && c.id() == closing.id());
    }

    private static String key(InlineCode code) {
        return code.kind() + ":" + code.id() + ":" + code.data();
    }
}
