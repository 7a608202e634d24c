package org.postedit.workbench.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.postedit.workbench.document.InlineCode;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.TaggedText;

/**
 * A target read back from an edited export, in the stored segment's own codes. The reader numbers and types the
 * codes as the file has them; the workbench keeps the codes of the original file (their ids and types rebuild it
 * on export, and the review service checks edits against them). Each code of the file is matched to an unused
 * stored code of the same kind and markup, from the current target, then the MT, then the source.
 */
final class FileTarget {

    private FileTarget() {
    }

    static TaggedText inStoredCodes(Segment stored, TaggedText fromFile) {
        List<InlineCode> candidates = new ArrayList<>(stored.target().codes());
        candidates.addAll(stored.mt().codes());
        if (stored.source() != null) {
            candidates.addAll(stored.source().codes());
        }
        List<InlineCode> used = new ArrayList<>();
        List<TaggedText.Run> runs = new ArrayList<>();
        for (TaggedText.Run run : fromFile.runs()) {
            InlineCode code = run.code();
            if (code == null) {
                runs.add(run);
                continue;
            }
            InlineCode match = null;
            for (InlineCode candidate : candidates) {
                if (candidate.kind() == code.kind() && candidate.data().equals(code.data())
                        && used.stream().noneMatch(u -> u.id() == candidate.id() && u.kind() == candidate.kind())) {
                    match = candidate;
                    break;
                }
            }
            InlineCode adopted = match != null ? match : code;
            used.add(adopted);
            runs.add(TaggedText.Run.code(adopted));
        }
        return TaggedText.fromRuns(runs);
    }

    /** Same text and the same codes (kind, id, markup) in the same places: what a reviewer would call unchanged. */
    static boolean same(TaggedText a, TaggedText b) {
        List<TaggedText.Run> x = a.runs();
        List<TaggedText.Run> y = b.runs();
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            InlineCode p = x.get(i).code();
            InlineCode q = y.get(i).code();
            if (p == null || q == null) {
                if (p != q || !Objects.equals(x.get(i).text(), y.get(i).text())) {
                    return false;
                }
            } else if (p.kind() != q.kind() || p.id() != q.id() || !p.data().equals(q.data())) {
                return false;
            }
        }
        return true;
    }
}
