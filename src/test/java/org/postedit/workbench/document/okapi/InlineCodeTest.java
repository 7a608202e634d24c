package org.postedit.workbench.document.okapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.util.List;

import net.sf.okapi.common.resource.Code;
import net.sf.okapi.common.resource.TextFragment;
import net.sf.okapi.common.resource.TextFragment.TagType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.postedit.workbench.document.ImportOptions;
import org.postedit.workbench.document.ImportedDocument;
import org.postedit.workbench.document.ImportedSegment;
import org.postedit.workbench.document.InlineCode;
import org.postedit.workbench.document.InlineCode.Kind;
import org.postedit.workbench.document.TaggedText;

/** Tags of every format arrive as inline codes with their original markup and a short label. */
class InlineCodeTest {

    private static final OkapiDocumentImporter IMPORTER = new OkapiDocumentImporter();

    @TempDir
    Path dir;

    @Test
    void htmlTagsBecomeCodesWithTheirMarkup() {
        ImportedDocument document = read("page.html", "<html lang=\"en\"><body><p>Click <b>Save</b> now.<br/>"
                + "Then read <a href=\"https://example.com/help\">the help</a>.</p></body></html>");
        TaggedText first = document.segments().getFirst().mt();
        assertThat(first.displayText()).isEqualTo("Click <b>Save</b> now.");
        assertThat(first.codes()).extracting(InlineCode::kind, InlineCode::data, InlineCode::label)
                .containsExactly(tuple(Kind.OPENING, "<b>", "<b>"), tuple(Kind.CLOSING, "</b>", "</b>"));
        assertThat(first.codes().get(0).id()).isEqualTo(first.codes().get(1).id());
        assertThat(first.plainText()).isEqualTo("Click Save now.");
        // a standalone code at a sentence break opens the next sentence (SRX: isolated codes not included)
        TaggedText second = document.segments().get(1).mt();
        assertThat(second.displayText()).isEqualTo("<br/>Then read <a>the help</a>.");
        assertThat(second.codes()).extracting(InlineCode::kind, InlineCode::type)
                .containsExactly(tuple(Kind.STANDALONE, "br"), tuple(Kind.OPENING, "link"), tuple(Kind.CLOSING, "link"));
    }

    @Test
    void codesAreNumberedPerSegment() {
        ImportedDocument document = read("two.html", "<p>One <i>a</i>. Two <u>b</u> and <b>c</b>.</p>");
        for (ImportedSegment segment : document.segments()) {
            TaggedText text = segment.mt();
            assertThat(text.runs()).isNotEmpty();
            for (int i = 0; i < text.codes().size(); i++) {
                assertThat(text.coded()).contains(String.valueOf((char) (TaggedText.INDEX_BASE + i)));
            }
        }
        assertThat(document.segments()).extracting(s -> s.mt().codes().size()).containsExactly(2, 4);
    }

    @Test
    void aSentenceBreakInsideATagLeavesBalancedSegments() {
        ImportedDocument document = read("split.html", "<p><b>First sentence. Second sentence.</b></p>");
        assertThat(document.segments()).hasSize(2);
        assertThat(document.segments()).extracting(s -> s.mt().codes().getFirst().kind(),
                        s -> s.mt().codes().getFirst().label())
                .containsExactly(tuple(Kind.STANDALONE, "<b>"), tuple(Kind.STANDALONE, "</b>"));
    }

    @Test
    void wordRunsBecomeCodes() {
        byte[] docx = TestFiles.docx(TestFiles.paragraph(TestFiles.run("Press ") + TestFiles.boldRun("Save")
                + TestFiles.run(" to keep your work.")));
        ImportedDocument document = IMPORTER.read(TestFiles.write(dir, "word.docx", docx), "word.docx",
                ImportOptions.DETECT);
        TaggedText text = document.segments().getFirst().mt();
        assertThat(text.plainText()).isEqualTo("Press Save to keep your work.");
        assertThat(text.codes()).extracting(InlineCode::kind, InlineCode::label)
                .containsExactly(tuple(Kind.OPENING, "<b>"), tuple(Kind.CLOSING, "</b>"));
        assertThat(text.codes()).allSatisfy(code -> assertThat(code.data()).isNotEmpty());
    }

    @Test
    void xliff12CodesKeepTheirIdsAndEquivText() {
        ImportedDocument document = read("codes.xlf", """
                <?xml version="1.0" encoding="UTF-8"?>
                <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
                 <file original="a" source-language="zh-CN" target-language="en-US" datatype="html"><body>
                  <trans-unit id="1">
                   <source>请点击<g id="1" ctype="bold">保存</g><x id="2" ctype="lb"/><ph id="3" equiv-text="{0}">%s</ph></source>
                   <target>Click <g id="1" ctype="bold">Save</g><x id="2" ctype="lb"/><ph id="3" equiv-text="{0}">%s</ph></target>
                  </trans-unit>
                  <trans-unit id="2">
                   <source><bpt id="5">&lt;a href="#x"&gt;</bpt>链接<ept id="5">&lt;/a&gt;</ept></source>
                   <target><bpt id="5">&lt;a href="#x"&gt;</bpt>link<ept id="5">&lt;/a&gt;</ept></target>
                  </trans-unit>
                 </body></file>
                </xliff>""");
        TaggedText mt = document.segments().getFirst().mt();
        assertThat(mt.displayText()).isEqualTo("Click <b>Save</b><br/>{0}");
        assertThat(mt.codes()).extracting(InlineCode::id, InlineCode::kind, InlineCode::data)
                .containsExactly(tuple(1, Kind.OPENING, ""), tuple(1, Kind.CLOSING, ""),
                        tuple(2, Kind.STANDALONE, ""), tuple(3, Kind.STANDALONE, "%s"));
        TaggedText link = document.segments().get(1).mt();
        assertThat(link.codes()).extracting(InlineCode::data, InlineCode::label)
                .containsExactly(tuple("<a href=\"#x\">", "<a>"), tuple("</a>", "</a>"));
        assertThat(document.segments().getFirst().source().displayText()).isEqualTo("请点击<b>保存</b><br/>{0}");
    }

    @Test
    void xliff2OriginalDataIsTheCodeData() {
        ImportedDocument document = read("codes2.xlf", """
                <?xml version="1.0" encoding="UTF-8"?>
                <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh-CN" trgLang="en-US">
                 <file id="f1"><unit id="u1">
                  <originalData><data id="d1">&lt;b&gt;</data><data id="d2">&lt;/b&gt;</data><data id="d3">&lt;br/&gt;</data></originalData>
                  <segment id="s1" state="translated">
                   <source>请点击<pc id="1" dataRefStart="d1" dataRefEnd="d2">保存</pc><ph id="2" dataRef="d3"/>。</source>
                   <target>Click <pc id="1" dataRefStart="d1" dataRefEnd="d2">Save</pc><ph id="2" dataRef="d3"/>.</target>
                  </segment>
                 </unit></file>
                </xliff>""");
        assertThat(document.segments().getFirst().mt().codes()).extracting(InlineCode::kind, InlineCode::data,
                        InlineCode::label)
                .containsExactly(tuple(Kind.OPENING, "<b>", "<b>"), tuple(Kind.CLOSING, "</b>", "</b>"),
                        tuple(Kind.STANDALONE, "<br/>", "<br/>"));
    }

    @Test
    void tmxAndPoPlaceholders() {
        ImportedDocument tmx = read("codes.tmx", """
                <?xml version="1.0" encoding="UTF-8"?>
                <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x"
                 adminlang="en" srclang="en-US" datatype="html"/><body>
                 <tu tuid="t1"><tuv xml:lang="en-US"><seg>The <bpt i="1">&lt;b&gt;</bpt>big<ept i="1">&lt;/b&gt;</ept> cat<ph>&lt;br/&gt;</ph></seg></tuv>
                 <tuv xml:lang="de-DE"><seg>Die <bpt i="1">&lt;b&gt;</bpt>große<ept i="1">&lt;/b&gt;</ept> Katze<ph>&lt;br/&gt;</ph></seg></tuv></tu>
                </body></tmx>""");
        assertThat(tmx.segments().getFirst().unitId()).isEqualTo("t1");
        assertThat(tmx.segments().getFirst().mt().displayText()).isEqualTo("Die <b>große</b> Katze<br/>");

        ImportedDocument po = read("de.po", """
                msgid ""
                msgstr ""
                "Content-Type: text/plain; charset=UTF-8\\n"
                "Language: de\\n"

                #, c-format
                msgid "The %s program is missing."
                msgstr "Das Programm %s fehlt."
                """);
        assertThat(po.segments().getFirst().mt().codes()).extracting(InlineCode::data, InlineCode::label)
                .containsExactly(tuple("%s", "%s"));
    }

    @Test
    void labelsPreferDisplayTextThenTagsThenShortData() {
        Code bold = new Code(TagType.OPENING, "x-bold;color:000000;", "<run1>");
        Code placeholder = new Code(TagType.PLACEHOLDER, "ph", "%1$s");
        placeholder.setDisplayText("{1}");
        Code span = new Code(TagType.CLOSING, "span", "</span>");
        Code shortcode = new Code(TagType.PLACEHOLDER, "regxph", "[vc_column width=\"1/2\" el_class=\"x\"]");
        Code skeleton = new Code(TagType.OPENING, "x", "[#$dp1]");
        assertThat(List.of(bold, placeholder, span, shortcode, skeleton)).extracting(InlineCodeLabel::of)
                .containsExactly("<b>", "{1}", "</span>", "[vc_column]", null);
    }

    @Test
    void converterRenumbersASlice() {
        TextFragment fragment = new TextFragment("A ");
        fragment.append(TagType.OPENING, "bold", "<b>");
        fragment.append("B");
        fragment.append(TagType.CLOSING, "bold", "</b>");
        fragment.append(" C ");
        fragment.append(TagType.PLACEHOLDER, "lb", "<br/>");
        String coded = fragment.getCodedText();
        int slice = coded.indexOf(" C ");
        TaggedText tail = TaggedTextConverter.convert(coded, fragment.getCodes(), slice, coded.length());
        assertThat(tail.codes()).hasSize(1);
        assertThat(tail.displayText()).isEqualTo(" C <br/>");
        assertThat(tail.coded()).endsWith("" + TaggedText.STANDALONE_MARKER + (char) TaggedText.INDEX_BASE);
    }

    private ImportedDocument read(String name, String content) {
        return IMPORTER.read(TestFiles.text(dir, name, content), name, ImportOptions.DETECT);
    }
}
