package org.postedit.workbench.review;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.postedit.workbench.document.BracketNotation;
import org.postedit.workbench.document.Segment;
import org.postedit.workbench.document.SegmentJson;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Edits, approvals and history of single segments, through the same service the review grid uses. */
@RestController
@RequestMapping("/api/segments")
public class SegmentApi {

    private final ReviewService review;

    public SegmentApi(ReviewService review) {
        this.review = review;
    }

    public record Edit(String target, Integer version) {
    }

    public record StatusChange(Integer version, String comment) {
    }

    /** The segment; one a merge absorbed also names the segment that holds its text now ({@code mergedInto}). */
    @GetMapping("/{id}")
    public Map<String, Object> get(@PathVariable long id) {
        Map<String, Object> json = new java.util.LinkedHashMap<>(SegmentJson.of(review.segment(id)));
        review.mergedInto(id).ifPresent(survivor -> json.put("mergedInto", survivor.id()));
        return json;
    }

    @PutMapping("/{id}")
    public Map<String, Object> save(@PathVariable long id, @RequestBody Edit edit, Principal user) {
        if (edit.target() == null || edit.version() == null) {
            throw new SegmentEditRejectedException("Send both \"target\" and \"version\" (the version you edited).");
        }
        Segment current = review.segment(id);
        var target = BracketNotation.read(edit.target(), current.target().codes());
        return SegmentJson.of(review.save(id, edit.version(), target, user.getName()));
    }

    /** Saves and confirms with the highest status the caller's roles allow (edited, reviewed or approved). */
    @PostMapping("/{id}/confirm")
    public Map<String, Object> confirm(@PathVariable long id, @RequestBody Edit edit, Principal user) {
        if (edit.version() == null) {
            throw new SegmentEditRejectedException("Send \"version\": the version you confirm.");
        }
        Segment current = review.segment(id);
        var target = edit.target() == null ? current.target()
                : BracketNotation.read(edit.target(), current.target().codes());
        return SegmentJson.of(review.confirm(id, edit.version(), target, user.getName()));
    }

    @PostMapping("/{id}/approve")
    public Map<String, Object> approve(@PathVariable long id, @RequestBody StatusChange change, Principal user) {
        return SegmentJson.of(review.approve(id, requireVersion(change), user.getName()));
    }

    @PostMapping("/{id}/reject")
    public Map<String, Object> reject(@PathVariable long id, @RequestBody StatusChange change, Principal user) {
        return SegmentJson.of(review.reject(id, requireVersion(change), user.getName(), change.comment()));
    }

    public record Revert(Integer version, Integer toVersion) {
    }

    /** Brings back the text of an earlier version (0 = the MT) as a new version. */
    @PostMapping("/{id}/revert")
    public Map<String, Object> revert(@PathVariable long id, @RequestBody Revert revert, Principal user) {
        if (revert == null || revert.version() == null || revert.toVersion() == null) {
            throw new SegmentEditRejectedException("Send \"version\" (the version you saw) and \"toVersion\".");
        }
        return SegmentJson.of(review.revert(id, revert.version(), revert.toVersion(), user.getName()));
    }

    public record SplitRequest(Integer offset, Integer version) {
    }

    /**
     * Splits the segment at {@code offset} of its target (characters, each inline code counting one); returns
     * both parts, the first with its new version, the second with its id and ordinal.
     */
    @PostMapping("/{id}/split")
    public Map<String, Object> split(@PathVariable long id, @RequestBody SplitRequest split, Principal user) {
        if (split == null || split.offset() == null || split.version() == null) {
            throw new SegmentEditRejectedException("Send \"offset\" (where the target splits, each tag counting one "
                    + "character) and \"version\" (the version you split).");
        }
        ReviewService.Split parts = review.split(id, split.version(), split.offset(), user.getName());
        return Map.of("first", SegmentJson.of(parts.first()), "second", SegmentJson.of(parts.second()));
    }

    public record MergeRequest(Integer version, Integer nextVersion) {
    }

    /**
     * Merges the segment with the next one (of its unit in bilingual files; also the next paragraph's first one in
     * monolingual files); both versions must be the current ones. Returns the merged segment; the next one leaves
     * the document's list (its history stays readable).
     */
    @PostMapping("/{id}/merge")
    public Map<String, Object> merge(@PathVariable long id, @RequestBody MergeRequest merge, Principal user) {
        if (merge == null || merge.version() == null || merge.nextVersion() == null) {
            throw new SegmentEditRejectedException("Send \"version\" (of this segment) and \"nextVersion\" (of the "
                    + "next one): a merge changes both.");
        }
        return SegmentJson.of(review.merge(id, merge.version(), merge.nextVersion(), user.getName()));
    }

    @GetMapping("/{id}/versions")
    public List<Map<String, Object>> versions(@PathVariable long id) {
        return review.history(id).stream().map(v -> {
            Map<String, Object> json = new java.util.LinkedHashMap<>();
            json.put("version", v.version());
            json.put("target", BracketNotation.write(v.target()));
            json.put("status", v.status().name().toLowerCase());
            json.put("author", v.author());
            json.put("createdAt", v.createdAt().toString());
            if (v.comment() != null) {
                json.put("comment", v.comment());
            }
            return json;
        }).toList();
    }

    private static int requireVersion(StatusChange change) {
        if (change == null || change.version() == null) {
            throw new SegmentEditRejectedException("Send \"version\": the version you approve or reject.");
        }
        return change.version();
    }

    @ExceptionHandler(StaleSegmentException.class)
    ProblemDetail stale(StaleSegmentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Segment changed in the meantime");
        problem.setProperty("current", SegmentJson.of(e.current()));
        return problem;
    }

    @ExceptionHandler({SegmentEditRejectedException.class, IllegalArgumentException.class})
    ProblemDetail rejected(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Edit not saved");
        return problem;
    }

    @ExceptionHandler(SegmentNotFoundException.class)
    ProblemDetail notFound(SegmentNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
