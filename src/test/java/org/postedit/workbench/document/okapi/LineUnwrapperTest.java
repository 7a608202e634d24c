package org.postedit.workbench.document.okapi;

import static org.assertj.core.api.Assertions.assertThat;

import net.sf.okapi.common.resource.TextFragment;
import net.sf.okapi.common.resource.TextFragment.TagType;
import org.junit.jupiter.api.Test;

/** Soft line breaks are joined; CJK lines without a space; structure stays. */
class LineUnwrapperTest {

    @Test
    void joinsWithOneSpaceAndDropsTheIndentation() {
        assertThat(LineUnwrapper.unwrap("the terms and conditions\n      and distribution"))
                .isEqualTo("the terms and conditions and distribution");
    }

    @Test
    void joinsCjkWithoutASpace() {
        assertThat(LineUnwrapper.unwrap("具有模糊匹配、翻译记忆、\n关键字搜索")).isEqualTo("具有模糊匹配、翻译记忆、关键字搜索");
        assertThat(LineUnwrapper.unwrap("包含 OmegaT.jar 和\nlinux-install.sh")).isEqualTo("包含 OmegaT.jar 和 linux-install.sh");
        assertThat(LineUnwrapper.unwrap("한국어\n텍스트")).isEqualTo("한국어 텍스트");
    }

    @Test
    void looksThroughInlineCodes() {
        TextFragment fragment = new TextFragment("粗体");
        fragment.append(TagType.CLOSING, "bold", "</b>");
        fragment.append("\n中文");
        String unwrapped = LineUnwrapper.unwrap(fragment.getCodedText());
        assertThat(unwrapped).doesNotContain("\n", " ");
    }

    @Test
    void keepsStructuralBreaksAndTheEdges() {
        assertThat(LineUnwrapper.unwrap("Title\n=====")).isEqualTo("Title\n=====");
        assertThat(LineUnwrapper.unwrap("Linux:\n  - deb\n  - rpm")).isEqualTo("Linux:\n  - deb\n  - rpm");
        assertThat(LineUnwrapper.unwrap("\n  indented\n")).isEqualTo("\n  indented\n");
    }
}
