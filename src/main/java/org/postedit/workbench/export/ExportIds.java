package org.postedit.workbench.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLStreamException;

import org.postedit.workbench.document.Segment;

/**
 * The ids segments get in the XLIFF exports, and the way back from an id to its segment. A document's segments
 * never change order or ids after the import, so every export of a document gives each segment the same id, and
 * the update from an edited export finds it again by running the same numbering over the stored segments.
 *
 * <ul>
 * <li>XLIFF 1.2: one {@code trans-unit} per segment: the stored unit id when the unit has one segment, else
 *     {@code unitId#segmentKey}; a clash with an earlier id gets {@code _2}, {@code _3}.</li>
 * <li>XLIFF 2: the unit id made an NMTOKEN (unique among units the same way), the segment id the segment key made
 *     an NMTOKEN (unique within its unit).</li>
 * </ul>
 * The ids seen so far are kept (a few dozen bytes a segment) to keep them unique; the segments are not.
 */
final class ExportIds {

    private final Set<String> used = new HashSet<>();

    /** Handles one unit: its consecutive segments. */
    interface UnitAction {
        void accept(List<Segment> unit) throws XMLStreamException;
    }

    /** Calls {@code action} with each run of consecutive segments of one unit, holding one unit at a time. */
    static void forEachUnit(Iterable<Segment> segments, UnitAction action) throws XMLStreamException {
        List<Segment> unit = new ArrayList<>();
        for (Segment segment : segments) {
            if (!unit.isEmpty() && !unitOf(unit.getFirst()).equals(unitOf(segment))) {
                action.accept(unit);
                unit = new ArrayList<>();
            }
            unit.add(segment);
        }
        if (!unit.isEmpty()) {
            action.accept(unit);
        }
    }

    /** The {@code trans-unit} ids of one unit's segments, in order. */
    List<String> xliff12(List<Segment> unit) {
        List<String> ids = new ArrayList<>(unit.size());
        for (Segment segment : unit) {
            String id = unit.size() == 1 ? unitOf(segment) : unitOf(segment) + "#" + segment.segmentKey();
            ids.add(unique(used, id));
        }
        return ids;
    }

    /** The XLIFF 2 {@code unit} id. */
    String xliff2Unit(List<Segment> unit) {
        Segment first = unit.getFirst();
        return unique(used, nmtoken(first.unitId(), "u" + first.ordinal()));
    }

    /** The XLIFF 2 {@code segment} ids of one unit; {@code unitIds} is the unit's id space (codes share it). */
    static List<String> xliff2Segments(List<Segment> unit, Set<String> unitIds) {
        List<String> ids = new ArrayList<>(unit.size());
        for (Segment segment : unit) {
            ids.add(unique(unitIds, nmtoken(segment.segmentKey(), "s" + segment.ordinal())));
        }
        return ids;
    }

    /** Every segment of a document by the id its XLIFF 1.2 export gives it. */
    static Map<String, Segment> byXliff12Id(Iterable<Segment> segments) {
        ExportIds ids = new ExportIds();
        Map<String, Segment> byId = new HashMap<>();
        try {
            forEachUnit(segments, unit -> {
                List<String> unitIds = ids.xliff12(unit);
                for (int i = 0; i < unit.size(); i++) {
                    byId.put(unitIds.get(i), unit.get(i));
                }
            });
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);  // nothing is written here
        }
        return byId;
    }

    /** Every segment of a document by {@link #xliff2Key} of the ids its XLIFF 2 export gives it. */
    static Map<String, Segment> byXliff2Id(Iterable<Segment> segments) {
        ExportIds ids = new ExportIds();
        Map<String, Segment> byId = new HashMap<>();
        try {
            forEachUnit(segments, unit -> {
                String unitId = ids.xliff2Unit(unit);
                List<String> segmentIds = xliff2Segments(unit, new HashSet<>());
                for (int i = 0; i < unit.size(); i++) {
                    byId.put(xliff2Key(unitId, segmentIds.get(i)), unit.get(i));
                }
            });
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return byId;
    }

    static String xliff2Key(String unitId, String segmentId) {
        return unitId + " " + segmentId;  // a space is in no NMTOKEN
    }

    private static String unitOf(Segment segment) {
        return segment.unitId() == null || segment.unitId().isBlank() ? "s" + segment.ordinal() : segment.unitId();
    }

    static String unique(Set<String> used, String id) {
        String candidate = id;
        for (int n = 2; !used.add(candidate); n++) {
            candidate = id + "_" + n;
        }
        return candidate;
    }

    /** A value usable as an XLIFF 2 id (NMTOKEN): other characters become "_". */
    static String nmtoken(String value, String fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> out.appendCodePoint(
                Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == ':' ? c : '_'));
        return out.toString();
    }
}
