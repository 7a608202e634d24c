package org.postedit.workbench.document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tagged text as one string for the JSON API: each inline code is written {@code ⟦n⟧}, n being its index in the
 * segment's code list. The brackets (U+27E6, U+27E7) do not occur in ordinary prose, so scripts can edit text
 * around codes and send it back.
 */
public final class BracketNotation {

    private static final Pattern CODE = Pattern.compile("\u27E6(\\d{1,4})\u27E7");

    private BracketNotation() {
    }

    public static String write(TaggedText text) {
        if (text == null) {
            return null;
        }
        if (!text.hasCodes()) {
            return text.coded();
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.coded().length(); i++) {
            char c = text.coded().charAt(i);
            if (TaggedText.isMarker(c) && i + 1 < text.coded().length()) {
                out.append('\u27E6').append(text.coded().charAt(++i) - TaggedText.INDEX_BASE).append('\u27E7');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * @param codes the codes the indexes refer to (the segment's current target codes)
     * @throws IllegalArgumentException when an index names no code
     */
    public static TaggedText read(String text, List<InlineCode> codes) {
        List<TaggedText.Run> runs = new ArrayList<>();
        Matcher m = CODE.matcher(text);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                runs.add(TaggedText.Run.text(text.substring(last, m.start())));
            }
            int index = Integer.parseInt(m.group(1));
            if (index >= codes.size()) {
                throw new IllegalArgumentException("The text names code \u27E6" + index + "\u27E7 but the segment has "
                        + codes.size() + " code(s).");
            }
            runs.add(TaggedText.Run.code(codes.get(index)));
            last = m.end();
        }
        if (last < text.length()) {
            runs.add(TaggedText.Run.text(text.substring(last)));
        }
        return TaggedText.fromRuns(runs);
    }
}
