package org.postedit.workbench.document.okapi;

import java.util.ArrayList;
import java.util.List;

import net.sf.okapi.common.resource.Code;
import net.sf.okapi.common.resource.TextFragment;

import org.postedit.workbench.document.InlineCode;
import org.postedit.workbench.document.TaggedText;

/**
 * Turns Okapi coded text into {@link TaggedText}. Both use the same marker layout, so the conversion copies
 * characters and only renumbers the codes: each segment gets its own code list, indexed from zero.
 */
final class TaggedTextConverter {

    private TaggedTextConverter() {
    }

    static TaggedText convert(TextFragment fragment) {
        String coded = fragment.getCodedText();
        return convert(coded, fragment.getCodes(), 0, coded.length());
    }

    /** Converts {@code coded[start, end)}, a slice of a fragment whose codes are {@code codes}. */
    static TaggedText convert(String coded, List<Code> codes, int start, int end) {
        if (codes.isEmpty()) {
            return TaggedText.plain(coded.substring(start, end));
        }
        StringBuilder out = new StringBuilder(end - start);
        List<Code> found = new ArrayList<>();
        List<InlineCode.Kind> kinds = new ArrayList<>();
        for (int i = start; i < end; i++) {
            char c = coded.charAt(i);
            if (TextFragment.isMarker(c) && i + 1 < end) {
                found.add(codes.get(TextFragment.toIndex(coded.charAt(++i))));
                kinds.add(kindOf(c));
                out.append(c).append((char) (TaggedText.INDEX_BASE + found.size() - 1));
            } else {
                out.append(c);
            }
        }
        if (found.isEmpty()) {
            return TaggedText.plain(out.toString());
        }
        isolateUnpaired(found, kinds, out);
        List<InlineCode> inline = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            Code code = found.get(i);
            InlineCode.Kind kind = kinds.get(i);
            inline.add(new InlineCode(code.getId(), kind, code.getType(), code.getData(),
                    InlineCodeLabel.of(code)));
        }
        return new TaggedText(out.toString(), inline);
    }

    private static InlineCode.Kind kindOf(char marker) {
        return switch (marker) {
            case TaggedText.OPENING_MARKER -> InlineCode.Kind.OPENING;
            case TaggedText.CLOSING_MARKER -> InlineCode.Kind.CLOSING;
            default -> InlineCode.Kind.STANDALONE;
        };
    }

    /**
     * A sentence break can fall between an opening code and its closing code. Like Okapi's own segments, such a
     * code becomes standalone within its segment, so every segment is balanced on its own.
     */
    private static void isolateUnpaired(List<Code> codes, List<InlineCode.Kind> kinds, StringBuilder coded) {
        int markerPosition = -1;
        for (int i = 0; i < codes.size(); i++) {
            markerPosition = nextMarker(coded, markerPosition + 1);
            InlineCode.Kind kind = kinds.get(i);
            boolean paired = switch (kind) {
                case OPENING -> hasPartner(codes, kinds, i, InlineCode.Kind.CLOSING, i + 1, codes.size());
                case CLOSING -> hasPartner(codes, kinds, i, InlineCode.Kind.OPENING, 0, i);
                case STANDALONE -> true;
            };
            if (!paired) {
                kinds.set(i, InlineCode.Kind.STANDALONE);
                coded.setCharAt(markerPosition, TaggedText.STANDALONE_MARKER);
            }
        }
    }

    private static boolean hasPartner(List<Code> codes, List<InlineCode.Kind> kinds, int self,
                                      InlineCode.Kind partnerKind, int from, int to) {
        int id = codes.get(self).getId();
        for (int j = from; j < to; j++) {
            if (kinds.get(j) == partnerKind && codes.get(j).getId() == id) {
                return true;
            }
        }
        return false;
    }

    private static int nextMarker(CharSequence coded, int from) {
        for (int i = from; i < coded.length(); i++) {
            if (TaggedText.isMarker(coded.charAt(i))) {
                return i;
            }
        }
        throw new IllegalStateException("Fewer markers than codes in " + coded);
    }
}
