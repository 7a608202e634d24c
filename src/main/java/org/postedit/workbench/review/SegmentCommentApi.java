package org.postedit.workbench.review;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The comment thread of a segment, through the same service as the comments panel. Viewers read only. */
@RestController
public class SegmentCommentApi {

    private final SegmentComments comments;

    public SegmentCommentApi(SegmentComments comments) {
        this.comments = comments;
    }

    public record NewComment(String text) {
    }

    @GetMapping("/api/segments/{id}/comments")
    public List<Map<String, Object>> thread(@PathVariable long id) {
        return comments.thread(id).stream().map(SegmentCommentApi::json).toList();
    }

    @PostMapping("/api/segments/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> add(@PathVariable long id, @RequestBody NewComment comment, Principal user) {
        return json(comments.add(id, comment == null ? null : comment.text(), user.getName()));
    }

    @PostMapping("/api/comments/{id}/resolve")
    public Map<String, Object> resolve(@PathVariable long id, Principal user) {
        return json(comments.resolve(id, user.getName()));
    }

    static Map<String, Object> json(SegmentComment c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id());
        json.put("segmentId", c.segmentId());
        json.put("author", c.author());
        json.put("text", c.text());
        json.put("createdAt", c.createdAt().toString());
        json.put("resolved", c.resolved());
        if (c.resolved()) {
            json.put("resolvedBy", c.resolvedBy());
            json.put("resolvedAt", c.resolvedAt().toString());
        }
        return json;
    }

    @ExceptionHandler(SegmentEditRejectedException.class)
    ProblemDetail rejected(SegmentEditRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Comment not saved");
        return problem;
    }

    @ExceptionHandler(SegmentNotFoundException.class)
    ProblemDetail notFound(SegmentNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
