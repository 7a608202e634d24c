package org.postedit.workbench.export;

import java.util.List;

import javax.xml.stream.XMLStreamException;

import org.postedit.workbench.document.InlineCode;
import org.postedit.workbench.document.TaggedText;

/**
 * Writes tagged text with its codes in the bpt/ept/it/ph family of elements that XLIFF 1.2 and TMX share: paired
 * codes (both ends in the text) as {@code bpt}/{@code ept}, a code whose partner is elsewhere as {@code it},
 * standalone codes as {@code ph}. Each format says only how an element is attributed.
 */
interface InlineMarkup {

    void paired(XmlOutput x, InlineCode code, String id, boolean opening) throws XMLStreamException;

    void isolated(XmlOutput x, InlineCode code, String id, boolean opening) throws XMLStreamException;

    void placeholder(XmlOutput x, InlineCode code, String id) throws XMLStreamException;

    default void write(XmlOutput x, TaggedText text) throws XMLStreamException {
        List<TaggedText.Run> runs = text.runs();
        CodePairs pairs = new CodePairs(runs);
        for (TaggedText.Run run : runs) {
            InlineCode code = run.code();
            if (code == null) {
                x.text(run.text());
                continue;
            }
            String id = Integer.toString(code.id());
            switch (code.kind()) {
                case OPENING, CLOSING -> {
                    boolean opening = code.kind() == InlineCode.Kind.OPENING;
                    if (pairs.paired(run)) {
                        paired(x, code, id, opening);
                    } else {
                        isolated(x, code, id, opening);
                    }
                }
                case STANDALONE -> placeholder(x, code, id);
            }
        }
    }
}
