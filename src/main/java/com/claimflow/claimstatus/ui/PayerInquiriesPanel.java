package com.claimflow.claimstatus.ui;

import com.claimflow.base.ui.Facts;
import com.claimflow.base.ui.Formats;
import com.claimflow.claimstatus.ClaimStatusCheck;
import com.claimflow.claimstatus.ClaimStatusInquiries;
import com.claimflow.eligibility.EligibilityCheck;
import com.claimflow.eligibility.EligibilityInquiries;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;

/**
 * The encounter page's "Payer inquiries" section: every eligibility inquiry (270) with the payer's 271 (status, plan,
 * copay, deductible, coinsurance, reject reason), then every claim status inquiry (276) with its 277 answers and what
 * each decided, newest first, naming the files so support staff can find them.
 */
public class PayerInquiriesPanel extends VerticalLayout {

    public PayerInquiriesPanel(EligibilityInquiries eligibility, ClaimStatusInquiries claimStatus, long encounterId) {
        setPadding(false);
        setId("payer-inquiries");
        add(new H4("Eligibility (270/271)"));
        List<EligibilityCheck> checks = eligibility.forEncounter(encounterId);
        if (checks.isEmpty()) add(new Span("No eligibility inquiry sent."));
        for (EligibilityCheck c : checks) add(eligibility(c));
        add(new H4("Claim status (276/277)"));
        List<ClaimStatusCheck> statuses = claimStatus.forEncounter(encounterId);
        if (statuses.isEmpty()) add(new Span("No claim status inquiry sent."));
        for (ClaimStatusCheck c : statuses) add(claimStatus(c));
    }

    private static Facts eligibility(EligibilityCheck c) {
        Facts facts = new Facts()
                .fact("270 sent", Formats.dateTime(c.sentAt()) + " · " + c.fileName() + " · trace " + c.traceNumber())
                .fact("Payer · member id", c.payerId() + " · " + c.memberId())
                .fact("Answer", switch (c.status()) {
                    case "SENT" -> "waiting for the 271";
                    case "NO_ANSWER" -> "no 271 in time";
                    default -> c.status().toLowerCase() + " · " + Formats.dateTime(c.answeredAt()) + " · 271 file " + c.answerFileId() + ", segment "
                            + c.answerSegment();
                });
        if (c.plan() != null) facts.fact("Plan · group", c.plan() + " · " + Formats.orNone(c.groupNumber()));
        if (c.copay() != null) facts.fact("Copay", Formats.money(c.copay()));
        if (c.deductible() != null) facts.fact("Deductible", Formats.money(c.deductible()));
        if (c.coinsurance() != null) facts.fact("Coinsurance", c.coinsurance().movePointRight(2).stripTrailingZeros().toPlainString() + "%");
        if (c.reason() != null) facts.fact("Why", c.reason());
        return facts;
    }

    private static VerticalLayout claimStatus(ClaimStatusCheck c) {
        Facts facts = new Facts()
                .fact("276 sent", Formats.dateTime(c.sentAt()) + " · claim " + c.claimId() + " v" + c.claimVersion() + " · " + c.fileName() + " · trace "
                        + c.traceNumber())
                .fact("Answer", switch (c.status()) {
                    case "SENT" -> "waiting for the 277";
                    case "NO_ANSWER" -> "no 277 in time";
                    default -> c.replies().size() + " × 277";
                });
        Grid<ClaimStatusCheck.Reply> replies = new Grid<>();
        replies.addClassName("claim-status-replies");
        replies.addColumn(r -> Formats.dateTime(r.receivedAt())).setKey("received").setHeader("Received").setAutoWidth(true);
        replies.addColumn(r -> "file " + r.fileId() + ", segment " + r.segment()).setKey("file").setHeader("277").setAutoWidth(true);
        replies.addColumn(ClaimStatusCheck.Reply::statuses).setKey("statuses").setHeader("Status (STC)").setFlexGrow(3);
        replies.addColumn(ClaimStatusCheck.Reply::action).setKey("action").setHeader("Decided").setAutoWidth(true);
        replies.setItems(c.replies());
        replies.setAllRowsVisible(true);
        replies.addThemeVariants(GridVariant.LUMO_COMPACT);
        replies.setEmptyStateText("No 277 yet.");
        VerticalLayout section = new VerticalLayout(facts, replies);
        section.setPadding(false);
        section.setSpacing(false);
        return section;
    }
}
