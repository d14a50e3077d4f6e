package com.claimflow.workqueue.api;

import com.claimflow.base.BadInputException;
import com.claimflow.identity.CurrentWorker;
import com.claimflow.identity.Worker;
import com.claimflow.workqueue.Note;
import com.claimflow.workqueue.QueueCursor;
import com.claimflow.workqueue.QueueStats;
import com.claimflow.workqueue.ReasonSection;
import com.claimflow.workqueue.TaskExplanation;
import com.claimflow.workqueue.TaskPeople;
import com.claimflow.workqueue.WorkItem;
import com.claimflow.workqueue.WorkQueueService;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The work queues over HTTP: next task, a task with why it exists and the encounter's notes, claim, complete, release,
 * send to the leads, queue pages and (for leads) stats and reassignment. Every task and page shown is audited with the channel {@code api}.
 */
@RestController
@RequestMapping("/api")
@Validated
public class TaskController {
    private final WorkQueueService queues;
    private final CurrentWorker current;
    private final TaskExplanation explanation;

    public TaskController(WorkQueueService queues, CurrentWorker current, TaskExplanation explanation) {
        this.queues = queues;
        this.current = current;
        this.explanation = explanation;
    }

    /** 200 with the task now claimed for the caller, or 204 when none of their queues has work. */
    @PostMapping("/tasks/next")
    public ResponseEntity<WorkItem> next() {
        return queues.next(current.get(), WorkQueueService.API).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
    }

    @GetMapping("/tasks/mine")
    public List<WorkItem> mine() {
        Worker w = current.get();
        List<WorkItem> mine = queues.assignedTo(w.userId());
        queues.shown(w, WorkQueueService.API, "my tasks", mine);
        return mine;
    }

    /** A task with what the task page shows beside its form: the task's fields, why it exists, and the encounter's notes. */
    public record TaskDetail(@JsonUnwrapped WorkItem task, List<ReasonSection> reasons, List<Note> notes) {
    }

    @GetMapping("/tasks/{taskId}")
    public TaskDetail get(@PathVariable String taskId) {
        WorkItem item = queues.view(taskId, current.get(), WorkQueueService.API);
        return new TaskDetail(item, explanation.reasons(item), explanation.notes(item));
    }

    @PostMapping("/tasks/{taskId}/claim")
    public WorkItem claim(@PathVariable String taskId) {
        return queues.claim(taskId, current.get());
    }

    @PostMapping("/tasks/{taskId}/release")
    public ResponseEntity<Void> release(@PathVariable String taskId) {
        queues.release(taskId, current.get());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/tasks/{taskId}/complete")
    public ResponseEntity<Void> complete(@PathVariable String taskId, @RequestBody(required = false) Map<String, Object> form) {
        queues.complete(taskId, form == null ? Map.of() : form, current.get());
        return ResponseEntity.noContent().build();
    }

    /** {@code toUser}: a user id (the identity tables' 64 characters), or null for back to the queue. */
    public record Reassignment(@JsonDeserialize(using = StrictText.class) @Size(max = TaskPeople.USER_ID_MAX) String toUser,
                               @JsonDeserialize(using = StrictText.class) @NotBlank @Size(max = WorkQueueService.REASON_MAX) String reason) {
    }

    @PostMapping("/tasks/{taskId}/reassign")
    @PreAuthorize("hasRole('LEADS')")
    public ResponseEntity<Void> reassign(@PathVariable String taskId, @RequestBody @Valid Reassignment r) {
        queues.reassign(taskId, r.toUser(), r.reason(), current.get());
        return ResponseEntity.noContent().build();
    }

    public record Escalation(@JsonDeserialize(using = StrictText.class) @NotBlank @Size(max = WorkQueueService.REASON_MAX) String reason) {
    }

    /** Sends a task that cannot be completed to the leads' queue with the reason; answers the task as it now stands. */
    @PostMapping("/tasks/{taskId}/escalate")
    public WorkItem escalate(@PathVariable String taskId, @RequestBody @Valid Escalation e) {
        return queues.escalate(taskId, e.reason(), current.get());
    }

    /**
     * A page of 50, highest priority first: by number ({@code page}, the first 1,000 tasks) or after a cursor ({@code after}).
     * A full page carries {@code Link: <...after=...>; rel="next"} for the one after it.
     */
    @GetMapping("/queues/{queue}")
    public ResponseEntity<List<WorkItem>> page(@PathVariable String queue, @RequestParam(required = false) String payerId,
                                               @RequestParam(required = false) Integer page, @RequestParam(required = false) String after) {
        Worker w = current.get();
        if (!w.mayRead(queue)) throw new AccessDeniedException(w.userId() + " may not see the " + queue + " queue");
        if (page != null && after != null) throw new BadInputException("after", "give either page or after, not both");
        List<WorkItem> rows = after != null ? queues.pageAfter(queue, payerId, QueueCursor.parse(after))
                : queues.page(queue, payerId, page == null ? 0 : page);
        queues.shown(w, WorkQueueService.API, queue + " queue " + (after != null ? "after " + after : "page " + (page == null ? 0 : page)), rows);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (rows.size() == WorkQueueService.PAGE_SIZE) {
            String next = UriComponentsBuilder.fromPath("/api/queues/{queue}").queryParamIfPresent("payerId", Optional.ofNullable(payerId))
                    .queryParam("after", QueueCursor.after(rows.get(rows.size() - 1))).encode().buildAndExpand(queue).toUriString();
            ok.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return ok.body(rows);
    }

    @GetMapping("/queues")
    @PreAuthorize("hasAnyRole('LEADS','COMPLIANCE')")
    public List<QueueStats> stats() {
        return queues.stats();
    }
}
