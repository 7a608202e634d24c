package org.postedit.workbench.review;

import java.util.ArrayList;
import java.util.List;

import org.postedit.workbench.document.InlineCode;
import org.postedit.workbench.document.TaggedText;

/**
 * The source text as a new target. The target must keep its own codes (the exporter rebuilds the file from them),
 * so each code of the source is replaced by the target code of the same kind and id, in the source's order; target
 * codes the source lacks follow at the end, source codes the target lacks are left out.
 */
final class SourceCopy {

    private SourceCopy() {
    }

    static TaggedText intoTarget(TaggedText source, TaggedText target) {
        if (source == null) {
            return target;
        }
        List<InlineCode> unused = new ArrayList<>(target.codes());
        List<TaggedText.Run> runs = new ArrayList<>();
        for (TaggedText.Run run : source.runs()) {
            if (run.code() == null) {
                runs.add(run);
                continue;
            }
            InlineCode match = unused.stream()
                    .filter(c -> c.kind() == run.code().kind() && c.id() == run.code().id())
                    .findFirst().orElse(null);
            if (match != null) {
                unused.remove(match);
                runs.add(TaggedText.Run.code(match));
            }
        }
        unused.forEach(code -> runs.add(TaggedText.Run.code(code)));
        return TaggedText.fromRuns(runs);
    }
}
