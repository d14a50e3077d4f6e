package com.claimflow.workqueue.ui;

import com.claimflow.base.BadInputException;
import com.claimflow.base.ui.Notices;
import com.claimflow.identity.Worker;
import com.claimflow.workqueue.BulkMoves;
import com.claimflow.workqueue.MoveSummary;
import com.claimflow.workqueue.MoveTarget;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;

/**
 * A lead moves many tasks at once: to a person, spread evenly over chosen people or a team, or back to the queue, with a
 * reason. The move runs behind the dialog with a progress bar (a thousand tasks take seconds), then the dialog says what
 * moved where and what could not be moved, and why.
 */
public class BulkMoveDialog extends Dialog {
    static final String TO_PERSON = "To a person";
    static final String SPREAD = "Spread over people";
    static final String TEAM = "Spread over a team";
    static final String QUEUE = "Back to the queue";

    private final RadioButtonGroup<String> how = new RadioButtonGroup<>("Move");
    private final ComboBox<String> person = new ComboBox<>("Person");
    private final MultiSelectComboBox<String> spread = new MultiSelectComboBox<>("People");
    private final ComboBox<String> team = new ComboBox<>("Team");
    private final TextArea reason = new TextArea("Reason");
    private final ProgressBar progress = new ProgressBar();
    private final Paragraph progressText = new Paragraph();
    private final Div result = new Div();
    private final Button confirm = new Button("Move");
    private final Supplier<List<String>> taskIds;
    private final BulkMoves moves;
    private final Worker lead;
    private final Executor runner;
    private final Runnable onDone;

    /**
     * @param what what is moved, for the title ("12 selected tasks", "all 430 tasks matching the filter")
     * @param taskIds the tasks, read when the move starts (so "all matching" is read then)
     * @param people the user ids a task may go to; teams the groups to spread over
     * @param runner runs the move off the request thread
     */
    public BulkMoveDialog(String what, Supplier<List<String>> taskIds, List<String> people, List<String> teams, BulkMoves moves, Worker lead,
                          Executor runner, Runnable onDone) {
        this.taskIds = taskIds;
        this.moves = moves;
        this.lead = lead;
        this.runner = runner;
        this.onDone = onDone;
        setHeaderTitle("Move " + what);
        how.setId("move-how");
        how.setItems(TO_PERSON, SPREAD, TEAM, QUEUE);
        how.setValue(SPREAD);
        person.setId("move-person");
        person.setItems(people);
        spread.setId("move-people");
        spread.setItems(people);
        team.setId("move-team");
        team.setItems(teams);
        for (var f : List.of(person, team)) f.setWidthFull();
        spread.setWidthFull();
        how.addValueChangeListener(e -> showTargetField());
        reason.setId("move-reason");
        reason.setRequiredIndicatorVisible(true);
        reason.setManualValidation(true);
        reason.setHelperText("Recorded with each task in the audit trail, with your name.");
        reason.setWidthFull();
        reason.addValueChangeListener(e -> reason.setInvalid(false));
        progress.setId("move-progress");
        progress.setVisible(false);
        progressText.setId("move-progress-text");
        result.setId("move-result");
        VerticalLayout body = new VerticalLayout(how, person, spread, team, reason, progress, progressText, result);
        body.setPadding(false);
        body.setWidth("30em");
        body.getStyle().set("max-width", "100%");
        add(body);
        showTargetField();

        confirm.setId("move-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> start());
        Button close = new Button("Close", e -> close());
        close.setId("move-close");
        getFooter().add(close, confirm);
    }

    public RadioButtonGroup<String> how() {
        return how;
    }

    public ComboBox<String> person() {
        return person;
    }

    public MultiSelectComboBox<String> people() {
        return spread;
    }

    public ComboBox<String> team() {
        return team;
    }

    public TextArea reason() {
        return reason;
    }

    private void showTargetField() {
        person.setVisible(TO_PERSON.equals(how.getValue()));
        spread.setVisible(SPREAD.equals(how.getValue()));
        team.setVisible(TEAM.equals(how.getValue()));
    }

    private MoveTarget target() {
        String h = how.getValue();
        if (TO_PERSON.equals(h)) {
            if (person.getValue() == null) throw new BadInputException("toUser", "choose the person");
            return new MoveTarget.ToPerson(person.getValue());
        }
        if (SPREAD.equals(h)) return new MoveTarget.Spread(new ArrayList<>(spread.getSelectedItems()));
        if (TEAM.equals(h)) {
            if (team.getValue() == null) throw new BadInputException("toTeam", "choose the team");
            return new MoveTarget.Team(team.getValue());
        }
        return new MoveTarget.BackToQueue();
    }

    private void start() {
        if (reason.getValue().isBlank()) {
            reason.setErrorMessage("Say why the tasks are moved.");
            reason.setInvalid(true);
            return;
        }
        MoveTarget target;
        List<String> ids;
        try {
            target = target();
            ids = taskIds.get();
            if (ids.isEmpty()) throw new BadInputException("taskIds", "no task is selected or matches the filter");
        } catch (BadInputException bad) {
            Notices.error(bad.reason());
            return;
        }
        UI ui = UI.getCurrent();
        confirm.setEnabled(false);
        progress.setVisible(true);
        progress.setMin(0);
        progress.setMax(ids.size());
        progress.setValue(0);
        progressText.setText("0 of " + ids.size() + " moved…");
        ui.setPollInterval(300);
        String why = reason.getValue().strip();
        runner.execute(() -> {
            MoveSummary summary = null;
            String failure = null;
            try {
                summary = moves.move(ids, target, why, lead, done -> ui.access(() -> {
                    progress.setValue(done);
                    progressText.setText(done + " of " + ids.size() + " done…");
                }));
            } catch (BadInputException | AccessDeniedException refused) {
                failure = refused instanceof BadInputException b ? b.reason() : refused.getMessage();
            }
            MoveSummary s = summary;
            String f = failure;
            ui.access(() -> finished(s, f, ui));
        });
    }

    private void finished(MoveSummary summary, String failure, UI ui) {
        ui.setPollInterval(-1);
        progress.setVisible(false);
        if (failure != null) {
            progressText.setText("Nothing was moved: " + failure);
            confirm.setEnabled(true);
            return;
        }
        progressText.setText(summary.headline() + ".");
        result.removeAll();
        if (!summary.notMoved().isEmpty()) {
            UnorderedList list = new UnorderedList();
            Function<MoveSummary.NotMoved, String> line = n -> n.taskId() + ": " + n.why();
            summary.notMoved().stream().limit(50).forEach(n -> list.add(new ListItem(line.apply(n))));
            if (summary.notMoved().size() > 50) list.add(new ListItem("… and " + (summary.notMoved().size() - 50) + " more"));
            result.add(new Paragraph("Not moved:"), list);
        }
        onDone.run();
    }
}
