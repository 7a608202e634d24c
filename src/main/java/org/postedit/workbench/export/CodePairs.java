package org.postedit.workbench.export;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.postedit.workbench.document.InlineCode;
import org.postedit.workbench.document.TaggedText;

/**
 * Which opening and closing codes of one text close each other inside it (properly nested), so writers can use
 * paired elements ({@code bpt}/{@code ept}, {@code pc}) for those and isolated ones ({@code it}, {@code sc}/{@code ec}
 * isolated) for the rest.
 */
final class CodePairs {

    private final Map<TaggedText.Run, TaggedText.Run> partner = new IdentityHashMap<>();

    CodePairs(List<TaggedText.Run> runs) {
        Deque<TaggedText.Run> open = new ArrayDeque<>();
        for (TaggedText.Run run : runs) {
            InlineCode code = run.code();
            if (code == null) {
                continue;
            }
            if (code.kind() == InlineCode.Kind.OPENING) {
                open.push(run);
            } else if (code.kind() == InlineCode.Kind.CLOSING && !open.isEmpty()
                    && open.peek().code().id() == code.id()) {
                TaggedText.Run opening = open.pop();
                partner.put(opening, run);
                partner.put(run, opening);
            }
        }
    }

    boolean paired(TaggedText.Run run) {
        return partner.containsKey(run);
    }
}
