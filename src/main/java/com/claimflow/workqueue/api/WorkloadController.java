package com.claimflow.workqueue.api;

import com.claimflow.base.BadInputException;
import com.claimflow.identity.CurrentWorker;
import com.claimflow.identity.Worker;
import com.claimflow.workqueue.BoardCursor;
import com.claimflow.workqueue.BulkMoves;
import com.claimflow.workqueue.MoveSummary;
import com.claimflow.workqueue.MoveTarget;
import com.claimflow.workqueue.WorkFilter;
import com.claimflow.workqueue.WorkItem;
import com.claimflow.workqueue.WorkQueueService;
import com.claimflow.workqueue.WorkSort;
import com.claimflow.workqueue.Workload;
import com.claimflow.workqueue.WorkloadBoard;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The leads' workload board over HTTP: who holds how much, the open tasks by any filter in any of the board's orders
 * over the whole queue, and bulk moves (chosen tasks or all matching a filter; or everything a person holds, out today).
 */
@RestController
@RequestMapping("/api/workload")
@PreAuthorize("hasRole('LEADS')")
@Validated
public class WorkloadController {
    private final Workload workload;
    private final WorkQueueService queues;
    private final BulkMoves moves;
    private final CurrentWorker current;

    public WorkloadController(Workload workload, WorkQueueService queues, BulkMoves moves, CurrentWorker current) {
        this.workload = workload;
        this.queues = queues;
        this.moves = moves;
        this.current = current;
    }

    @GetMapping
    public WorkloadBoard board() {
        return workload.board();
    }

    /** A page of 50 matching tasks; a full page carries {@code Link: <...after=...>; rel="next"}. Audited as shown. */
    @GetMapping("/tasks")
    public ResponseEntity<List<WorkItem>> tasks(@RequestParam(required = false) String queue, @RequestParam(required = false) String person,
                                                @RequestParam(required = false) String payerId, @RequestParam(required = false) String taskType,
                                                @RequestParam(required = false) String slaState, @RequestParam(required = false) Integer olderThanDays,
                                                @RequestParam(required = false) BigDecimal minAmount, @RequestParam(required = false) BigDecimal maxAmount,
                                                @RequestParam(required = false) String sort, @RequestParam(required = false) String after) {
        WorkFilter filter = new WorkFilter(queue, person, payerId, taskType, WorkFilter.slaState(slaState), olderThanDays, minAmount, maxAmount);
        WorkSort order = WorkSort.parse(sort);
        List<WorkItem> rows = queues.matching(filter, order, BoardCursor.parse(after));
        queues.shown(current.get(), WorkQueueService.API, "workload " + filter, rows);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (rows.size() == WorkQueueService.PAGE_SIZE) {
            String next = UriComponentsBuilder.fromPath("/api/workload/tasks").query(queryOf(filter)).queryParam("sort", order.name().toLowerCase())
                    .queryParam("after", BoardCursor.after(rows.get(rows.size() - 1))).encode().toUriString();
            ok.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return ok.body(rows);
    }

    /** A filter as the API's query parameters take it. */
    private static String queryOf(WorkFilter f) {
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        if (f.queue() != null) b.queryParam("queue", f.queue());
        if (f.person() != null) b.queryParam("person", f.person());
        if (f.payerId() != null) b.queryParam("payerId", f.payerId());
        if (f.taskType() != null) b.queryParam("taskType", f.taskType());
        if (f.slaState() != null) b.queryParam("slaState", f.slaState().name().toLowerCase());
        if (f.olderThanDays() != null) b.queryParam("olderThanDays", f.olderThanDays());
        if (f.minAmount() != null) b.queryParam("minAmount", f.minAmount());
        if (f.maxAmount() != null) b.queryParam("maxAmount", f.maxAmount());
        String q = b.build().getQuery();
        return q == null ? "" : q;
    }

    /** A filter in a request body: the same fields as the list's query parameters. */
    public record Filter(String queue, String person, String payerId, String taskType, String slaState, Integer olderThanDays,
                         BigDecimal minAmount, BigDecimal maxAmount) {
        WorkFilter toWorkFilter() {
            return new WorkFilter(queue, person, payerId, taskType, WorkFilter.slaState(slaState), olderThanDays, minAmount, maxAmount);
        }
    }

    /**
     * Which tasks ({@code taskIds}, or {@code filter} for all matching) go where: {@code toUser}, spread over {@code toUsers}
     * or the members of {@code toTeam}, or back to the queue when none is given; {@code reason} is required.
     */
    public record Move(@Size(max = BulkMoves.MAX_TASKS) List<String> taskIds, Filter filter,
                       @JsonDeserialize(using = StrictText.class) String toUser, List<String> toUsers,
                       @JsonDeserialize(using = StrictText.class) String toTeam,
                       @JsonDeserialize(using = StrictText.class) @Size(max = WorkQueueService.REASON_MAX) String reason) {
    }

    @PostMapping("/moves")
    public MoveSummary move(@RequestBody @Valid Move m) {
        if ((m.taskIds() == null) == (m.filter() == null)) throw new BadInputException("taskIds", "give either taskIds or filter (all matching it)");
        Worker lead = current.get();
        MoveTarget target = targetOf(m.toUser(), m.toUsers(), m.toTeam());
        List<String> ids = m.taskIds() != null ? m.taskIds() : moves.allMatching(m.filter().toWorkFilter());
        if (m.filter() != null && ids.isEmpty()) throw new BadInputException("filter", "no open task matches the filter");
        return moves.move(ids, target, m.reason(), lead, done -> { });
    }

    /** Everything {@code person} holds, back to the queue or spread over {@code toUsers}. */
    public record OutToday(@JsonDeserialize(using = StrictText.class) String person, List<String> toUsers,
                           @JsonDeserialize(using = StrictText.class) @Size(max = WorkQueueService.REASON_MAX) String reason) {
    }

    @PostMapping("/out-today")
    public MoveSummary outToday(@RequestBody @Valid OutToday o) {
        MoveTarget target = o.toUsers() == null || o.toUsers().isEmpty() ? new MoveTarget.BackToQueue() : new MoveTarget.Spread(o.toUsers());
        return moves.outToday(o.person(), target, o.reason(), current.get(), done -> { });
    }

    static MoveTarget targetOf(String toUser, List<String> toUsers, String toTeam) {
        int given = (toUser == null ? 0 : 1) + (toUsers == null ? 0 : 1) + (toTeam == null ? 0 : 1);
        if (given > 1) throw new BadInputException("toUser", "give one of toUser, toUsers or toTeam (none puts the tasks back in the queue)");
        if (toUser != null) return new MoveTarget.ToPerson(toUser);
        if (toUsers != null) return new MoveTarget.Spread(toUsers);
        if (toTeam != null) return new MoveTarget.Team(toTeam);
        return new MoveTarget.BackToQueue();
    }
}
