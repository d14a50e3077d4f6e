package com.claimflow.workqueue.ui;

import com.claimflow.base.BadInputException;
import com.claimflow.base.ui.Formats;
import com.claimflow.base.ui.Notices;
import com.claimflow.identity.CurrentWorker;
import com.claimflow.identity.Roles;
import com.claimflow.identity.Worker;
import com.claimflow.reference.ReferenceService;
import com.claimflow.workqueue.BoardCursor;
import com.claimflow.workqueue.BulkMoves;
import com.claimflow.workqueue.TaskPeople;
import com.claimflow.workqueue.WorkFilter;
import com.claimflow.workqueue.WorkItem;
import com.claimflow.workqueue.WorkQueueService;
import com.claimflow.workqueue.WorkSort;
import com.claimflow.workqueue.Workload;
import com.claimflow.workqueue.WorkloadBoard;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * The leads' workload board: who holds how much per queue and per person (completed today and this week, median handle
 * time, oldest, warned, escalated), the open tasks by any filter sorted over the whole queue, and moves of many tasks at
 * once (chosen ones or all matching the filter), plus "out today" for a person's claimed work.
 */
@Route("workload")
@PageTitle("Workload")
@Menu(order = 2, title = "Workload")
@RolesAllowed(Roles.ROLE_LEADS)
public class WorkloadView extends VerticalLayout {
    /** Moves run here, off the request thread; one at a time per server is plenty for a team's leads. */
    private static final Executor MOVES = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "bulk-move");
        t.setDaemon(true);
        return t;
    });

    private final Workload workload;
    private final WorkQueueService queues;
    private final BulkMoves moves;
    private final TaskPeople people;
    private final Worker lead;
    private Executor runner = MOVES;

    private final Span asOf = new Span();
    private final Grid<WorkloadBoard.QueueLoad> queueGrid = new Grid<>();
    private final Grid<WorkloadBoard.PersonLoad> personGrid = new Grid<>();
    private final Select<String> queue = new Select<>();
    private final ComboBox<String> person = new ComboBox<>("Held by");
    private final ComboBox<String> payer = new ComboBox<>("Payer");
    private final TextField taskType = new TextField("Task type");
    private final Select<String> sla = new Select<>();
    private final IntegerField olderThan = new IntegerField("Older than (days)");
    private final BigDecimalField minAmount = new BigDecimalField("Amount from");
    private final BigDecimalField maxAmount = new BigDecimalField("to");
    private final Select<WorkSort> sort = new Select<>();
    private final WorkItemGrid tasks = new WorkItemGrid(true);
    private final Checkbox allMatching = new Checkbox("Select all matching this filter");
    private final Button more = new Button("More");
    private final Span shown = new Span();
    private final List<WorkItem> rows = new ArrayList<>();
    private WorkFilter filter;

    public WorkloadView(Workload workload, WorkQueueService queues, BulkMoves moves, TaskPeople people, ReferenceService reference, CurrentWorker current) {
        this.workload = workload;
        this.queues = queues;
        this.moves = moves;
        this.people = people;
        this.lead = current.get();
        setWidthFull();

        H2 title = new H2("Workload");
        title.getStyle().set("margin", "0");
        asOf.setId("board-as-of");
        asOf.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> showBoard(workload.fresh()));
        refresh.setId("refresh-board");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout header = new HorizontalLayout(title, asOf, refresh);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.expand(asOf);
        add(header);

        buildQueueGrid();
        buildPersonGrid();
        add(new H3("Per queue"), queueGrid, new H3("Per person"), personGrid);

        add(new H3("Tasks"), filters(reference), taskList());
        showBoard(workload.board());
    }

    /** Runs bulk moves with this instead of the server's pool (tests run them in the request). */
    void runMovesWith(Executor runner) {
        this.runner = runner;
    }

    private void buildQueueGrid() {
        queueGrid.setId("board-queues");
        queueGrid.addColumn(q -> MyWorkView.label(q.queue())).setKey("queue").setHeader("Queue").setFlexGrow(1);
        number(queueGrid, "open", "Open", WorkloadBoard.QueueLoad::open);
        number(queueGrid, "unclaimed", "Unclaimed", WorkloadBoard.QueueLoad::unclaimed);
        number(queueGrid, "claimed", "Claimed", WorkloadBoard.QueueLoad::claimed);
        number(queueGrid, "today", "Done today", WorkloadBoard.QueueLoad::completedToday);
        number(queueGrid, "week", "Done this week", WorkloadBoard.QueueLoad::completedThisWeek);
        queueGrid.addColumn(q -> handle(q.medianHandle())).setKey("handle").setHeader("Median handle").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        queueGrid.addColumn(q -> Formats.age(q.oldest())).setKey("oldest").setHeader("Oldest").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        number(queueGrid, "warned", "Warned", WorkloadBoard.QueueLoad::warned);
        number(queueGrid, "escalated", "Escalated", WorkloadBoard.QueueLoad::escalated);
        queueGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        queueGrid.setAllRowsVisible(true);
        queueGrid.addItemClickListener(e -> {
            queue.setValue(e.getItem().queue());
            person.clear();
            search();
        });
    }

    private void buildPersonGrid() {
        personGrid.setId("board-people");
        personGrid.addColumn(WorkloadBoard.PersonLoad::person).setKey("person").setHeader("Person").setFlexGrow(1);
        number(personGrid, "held", "Holds", WorkloadBoard.PersonLoad::held);
        number(personGrid, "today", "Done today", WorkloadBoard.PersonLoad::completedToday);
        number(personGrid, "week", "Done this week", WorkloadBoard.PersonLoad::completedThisWeek);
        personGrid.addColumn(p -> handle(p.medianHandle())).setKey("handle").setHeader("Median handle").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        personGrid.addColumn(p -> Formats.age(p.oldestHeld())).setKey("oldest").setHeader("Oldest held").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        number(personGrid, "warned", "Warned", WorkloadBoard.PersonLoad::warned);
        number(personGrid, "escalated", "Escalated", WorkloadBoard.PersonLoad::escalated);
        personGrid.addComponentColumn(this::outTodayButton).setKey("out").setHeader("").setAutoWidth(true).setFlexGrow(0);
        personGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        personGrid.setAllRowsVisible(true);
        personGrid.addItemClickListener(e -> {
            person.setValue(e.getItem().person());
            queue.clear();
            search();
        });
    }

    private static <T> void number(Grid<T> grid, String key, String header, java.util.function.ToLongFunction<T> value) {
        grid.addColumn(t -> String.format("%,d", value.applyAsLong(t))).setKey(key).setHeader(header).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
    }

    static String handle(Duration d) {
        if (d == null) return "–";
        if (d.toMinutes() < 1) return d.toSeconds() + " s";
        if (d.toHours() < 1) return d.toMinutes() + " min";
        return String.format(Locale.ROOT, "%.1f h", d.toMinutes() / 60.0);
    }

    private void showBoard(WorkloadBoard board) {
        asOf.setText("as of " + Formats.dateTime(board.asOf()));
        queueGrid.setItems(board.queues());
        personGrid.setItems(board.people());
    }

    private Component filters(ReferenceService reference) {
        queue.setLabel("Queue");
        queue.setId("filter-queue");
        queue.setItems(MyWorkView.QUEUES);
        queue.setEmptySelectionAllowed(true);
        queue.setEmptySelectionCaption("Any queue");
        queue.setItemLabelGenerator(q -> q == null ? "Any queue" : MyWorkView.label(q));
        queue.setValue(MyWorkView.QUEUES.get(0));
        person.setId("filter-person");
        person.setItems(choosablePeople(true));
        person.setItemLabelGenerator(p -> WorkFilter.UNCLAIMED.equals(p) ? "Nobody (unclaimed)" : p);
        person.setClearButtonVisible(true);
        payer.setId("filter-payer");
        payer.setItems(reference.payers().stream().map(p -> p.id()).toList());
        payer.setClearButtonVisible(true);
        taskType.setId("filter-task-type");
        taskType.setClearButtonVisible(true);
        sla.setLabel("SLA");
        sla.setId("filter-sla");
        sla.setItems("", "ok", "warned", "escalated");
        sla.setItemLabelGenerator(s -> s == null || s.isEmpty() ? "Any" : s);
        olderThan.setId("filter-older");
        olderThan.setMin(0);
        minAmount.setId("filter-min-amount");
        maxAmount.setId("filter-max-amount");
        sort.setLabel("Sort the whole list by");
        sort.setId("filter-sort");
        sort.setItems(WorkSort.values());
        sort.setItemLabelGenerator(s -> switch (s) {
            case PRIORITY -> "Queue order (priority)";
            case OLDEST -> "Oldest first";
            case AMOUNT -> "Largest amount first";
        });
        sort.setValue(WorkSort.PRIORITY);
        Button search = new Button("Show", VaadinIcon.SEARCH.create(), e -> search());
        search.setId("filter-show");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout bar = new FlexLayout(queue, person, payer, taskType, sla, olderThan, minAmount, maxAmount, sort, search);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("gap", "var(--lumo-space-s)");
        bar.setWidthFull();
        return bar;
    }

    private Component taskList() {
        tasks.setId("workload-tasks");
        tasks.setSelectionMode(Grid.SelectionMode.MULTI);
        tasks.getColumns().forEach(c -> c.setSortable(false)); // the order is the whole list's, chosen above
        tasks.setAllRowsVisible(false);
        tasks.setHeight("28em");
        allMatching.setId("select-all-matching");
        allMatching.addValueChangeListener(e -> tasks.setEnabled(!e.getValue()));
        more.setId("more-tasks");
        more.addClickListener(e -> loadMore());
        more.setVisible(false);
        shown.setId("tasks-shown");
        Button move = new Button("Move…", VaadinIcon.USERS.create(), e -> openMove());
        move.setId("move-tasks");
        HorizontalLayout actions = new HorizontalLayout(allMatching, move, shown);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        VerticalLayout list = new VerticalLayout(actions, tasks, more);
        list.setPadding(false);
        list.setWidthFull();
        return list;
    }

    /** Reads the filter from the fields and shows its first page; a bad value is named and nothing changes. */
    void search() {
        try {
            filter = new WorkFilter(queue.getValue(), person.getValue(), payer.getValue(), taskType.getValue(), WorkFilter.slaState(sla.getValue()),
                    olderThan.getValue(), minAmount.getValue(), maxAmount.getValue());
        } catch (BadInputException bad) {
            Notices.error(bad.getMessage());
            return;
        }
        rows.clear();
        tasks.deselectAll();
        allMatching.setValue(false);
        loadMore();
    }

    private void loadMore() {
        if (filter == null) return;
        BoardCursor after = rows.isEmpty() ? null : BoardCursor.after(rows.get(rows.size() - 1));
        List<WorkItem> page = queues.matching(filter, sort.getValue(), after);
        queues.shown(lead, WorkQueueService.UI, "workload", page);
        rows.addAll(page);
        tasks.setItems(rows);
        more.setVisible(page.size() == WorkQueueService.PAGE_SIZE);
        shown.setText(rows.size() + (more.isVisible() ? "+" : "") + " tasks shown");
    }

    private List<String> choosablePeople(boolean withUnclaimed) {
        TreeSet<String> all = new TreeSet<>();
        for (String group : List.of(Roles.CODERS, Roles.BILLERS, Roles.LEADS)) all.addAll(people.membersOf(group));
        List<String> list = new ArrayList<>();
        if (withUnclaimed) list.add(WorkFilter.UNCLAIMED);
        list.addAll(all);
        return list;
    }

    private void openMove() {
        if (filter == null) {
            Notices.error("Show some tasks first: choose a queue or a person.");
            return;
        }
        WorkFilter f = filter;
        String what;
        java.util.function.Supplier<List<String>> ids;
        if (allMatching.getValue()) {
            what = "all tasks matching the filter";
            ids = () -> moves.allMatching(f);
        } else {
            List<String> selected = tasks.getSelectedItems().stream().map(WorkItem::taskId).toList();
            if (selected.isEmpty()) {
                Notices.error("Select tasks, or tick \"Select all matching this filter\".");
                return;
            }
            what = selected.size() + " selected tasks";
            ids = () -> selected;
        }
        BulkMoveDialog dialog = new BulkMoveDialog(what, ids, choosablePeople(false), List.of(Roles.CODERS, Roles.BILLERS, Roles.LEADS), moves, lead,
                runner, this::afterMove);
        dialog.open();
    }

    private Component outTodayButton(WorkloadBoard.PersonLoad p) {
        Button b = new Button("Out today", e -> openOutToday(p.person()));
        b.setId("out-today-" + p.person());
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        b.setEnabled(p.held() > 0);
        b.getElement().addEventListener("click", e -> { }).stopPropagation();
        return b;
    }

    private void openOutToday(String who) {
        List<String> held = queues.assignedTo(who).stream().map(WorkItem::taskId).toList();
        List<String> colleagues = choosablePeople(false).stream().filter(p -> !p.equals(who)).toList();
        BulkMoveDialog dialog = new BulkMoveDialog("everything " + who + " holds (" + held.size() + ", out today)", () -> held, colleagues,
                List.of(Roles.CODERS, Roles.BILLERS, Roles.LEADS), moves, lead, runner, this::afterMove);
        dialog.how().setValue(BulkMoveDialog.QUEUE);
        dialog.open();
    }

    private void afterMove() {
        showBoard(workload.fresh());
        if (filter != null) {
            rows.clear();
            tasks.deselectAll();
            loadMore();
        }
    }

    Grid<WorkloadBoard.PersonLoad> personGrid() {
        return personGrid;
    }
}
