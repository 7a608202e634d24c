package org.postedit.workbench.document;

import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Codes of a tagged text as the JSON stored in the *_codes columns (null when there are none). */
final class InlineCodesJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<InlineCode>> CODES = new TypeReference<>() { };

    private InlineCodesJson() {
    }

    static String write(TaggedText text) {
        return text == null || text.codes().isEmpty() ? null : JSON.writeValueAsString(text.codes());
    }

    static TaggedText read(String coded, String codesJson) {
        if (coded == null) {
            return null;
        }
        if (codesJson == null || codesJson.isEmpty()) {
            return TaggedText.plain(coded);
        }
        return new TaggedText(coded, JSON.readValue(codesJson, CODES));
    }
}
