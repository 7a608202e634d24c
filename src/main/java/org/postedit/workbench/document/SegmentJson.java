package org.postedit.workbench.document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON form of a segment, shared by every API call that returns segments. */
public final class SegmentJson {

    private SegmentJson() {
    }

    public static Map<String, Object> of(Segment s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", s.id());
        json.put("ordinal", s.ordinal());
        json.put("unitId", s.unitId());
        json.put("segmentKey", s.segmentKey());
        json.put("source", BracketNotation.write(s.source()));
        json.put("mt", BracketNotation.write(s.mt()));
        json.put("target", BracketNotation.write(s.target()));
        json.put("status", s.status().name().toLowerCase());
        json.put("version", s.version());
        json.put("locked", s.locked());
        if (s.note() != null) {
            json.put("note", s.note());
        }
        if (s.target().hasCodes()) {
            json.put("codes", codes(s.target().codes()));
        }
        json.put("updatedBy", s.updatedBy());
        json.put("updatedAt", s.updatedAt() == null ? null : s.updatedAt().toString());
        return json;
    }

    private static List<Map<String, Object>> codes(List<InlineCode> codes) {
        return codes.stream().map(c -> {
            Map<String, Object> code = new LinkedHashMap<>();
            code.put("kind", c.kind().name().toLowerCase());
            code.put("label", c.label());
            return code;
        }).toList();
    }
}
