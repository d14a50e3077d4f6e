package com.claimflow.workqueue.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.support.ui.KaribuTestBase;
import com.claimflow.workqueue.WorkItem;
import com.claimflow.workqueue.WorkQueueService;
import com.claimflow.workqueue.internal.WorkItemStore;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Paging a queue deeper than its count reaches: every task once, in queue order, forwards and back. */
class QueuePageTest extends KaribuTestBase {
    static final int TASKS = WorkQueueService.COUNT_CAP + 120;
    @Autowired WorkItemStore store;
    @Autowired com.claimflow.audit.AuditService audit;
    final String queue = "pagetest" + System.nanoTime() % 1_000_000;
    final List<WorkItem> inserted = new ArrayList<>();

    @AfterEach
    void removeTasks() {
        inserted.forEach(w -> store.delete(w.taskId()));
    }

    @Test
    void nextWalksEveryTaskOnceInPriorityOrderPastTheCountedRangeAndPreviousComesBack() {
        Instant base = Instant.parse("2026-11-01T08:00:00Z");
        for (int i = 0; i < TASKS; i++) {
            // few priorities and few creation times, so many rows tie on both and only the task id orders them
            inserted.add(new WorkItem(String.format("pg-%s-%05d", queue, (i * 7919) % TASKS), "none", null, null, "CodeEncounter",
                    "Code encounter", queue, "BCBS", BigDecimal.TEN, i % 5 * 20, base.plusSeconds(i % 3), null, null, WorkItem.SlaState.OK, null));
        }
        store.insertBatch(inserted);
        String lead = uniqueUser("lead");
        login(lead, "leads");
        QueuePage page = new QueuePage(queues, List.of(), new com.claimflow.identity.Worker(lead, java.util.Set.of("leads")), item -> { });
        page.show(queue);
        Button next = button(page, "Next");
        Button previous = button(page, "Previous");

        List<String> seen = new ArrayList<>();
        List<String> ranges = new ArrayList<>();
        while (true) {
            seen.addAll(_fetch(page.grid(), 0, _size(page.grid())).stream().map(WorkItem::taskId).toList());
            ranges.add(range(page));
            if (!next.isEnabled()) break;
            next.click();
        }

        List<String> expected = inserted.stream().sorted(Comparator.comparingInt(WorkItem::priority).reversed()
                .thenComparing(WorkItem::createdAt).thenComparing(WorkItem::taskId)).map(WorkItem::taskId).toList();
        assertThat(seen).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
        // every task shown is in the audit trail with who saw it, where and through what
        assertThat(audit.forTask(expected.get(0))).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo(WorkQueueService.VIEWED_QUEUE);
            assertThat(e.getActor()).isEqualTo(lead);
            assertThat(e.getDetail()).isEqualTo("ui " + queue + " queue page 0");
        });
        assertThat(ranges.get(0)).isEqualTo("1–50 of 1,000+");
        assertThat(ranges.get(ranges.size() - 1)).isEqualTo("1,101–1,120 of at least 1,120");

        previous.click();
        assertThat(range(page)).isEqualTo("1,051–1,100 of at least 1,100");
        assertThat(_fetch(page.grid(), 0, 1).get(0).taskId()).isEqualTo(expected.get(1_050));
    }

    private static Button button(QueuePage page, String text) {
        return page.getChildren().flatMap(c -> c.getChildren()).flatMap(c -> c.getChildren())
                .filter(c -> c instanceof Button b && text.equals(b.getText())).map(Button.class::cast).findFirst().orElseThrow();
    }

    private static String range(QueuePage page) {
        return page.getChildren().flatMap(c -> c.getChildren()).flatMap(c -> c.getChildren())
                .filter(Span.class::isInstance).map(c -> ((Span) c).getText()).findFirst().orElseThrow();
    }
}
