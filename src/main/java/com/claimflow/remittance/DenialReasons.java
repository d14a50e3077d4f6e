package com.claimflow.remittance;

import com.claimflow.reference.AdjustmentCodes;
import com.claimflow.workqueue.ReasonSection;
import com.claimflow.workqueue.TaskReasons;
import com.claimflow.workqueue.WorkItem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Why a denial is worked: the payer's latest answer on the task's claim when it was a denial, with the amounts it
 * posted, its adjustments (group, CARC, amount; per claim or line) and its remarks (RARC), each code with its meaning.
 */
@Component
public class DenialReasons implements TaskReasons {
    private final JdbcTemplate jdbc;

    public DenialReasons(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public List<ReasonSection> reasonsFor(WorkItem item) {
        if (item.claimId() == null) return List.of();
        // the latest posting is the payer's current word on the claim; an earlier denial since paid is no reason any more
        List<Map<String, Object>> latest = jdbc.queryForList("select source_ref, outcome, charge, paid, patient_responsibility, carc_group, "
                + "carc, rarc, posted_at from payment_posting where claim_id = ? order by id desc limit 1", item.claimId());
        if (latest.isEmpty() || !"DENIED".equals(latest.get(0).get("outcome"))) return List.of();
        Map<String, Object> p = latest.get(0);
        String source = (String) p.get("source_ref");
        List<ReasonSection.Fact> facts = new ArrayList<>();
        facts.add(ReasonSection.fact("Claim", item.claimId()));
        facts.add(ReasonSection.fact("Posted", ((java.sql.Timestamp) p.get("posted_at")).toInstant()));
        facts.add(ReasonSection.fact("Charge", money(p.get("charge"))));
        facts.add(ReasonSection.fact("Paid", money(p.get("paid"))));
        facts.add(ReasonSection.fact("Patient responsibility", money(p.get("patient_responsibility"))));
        if (p.get("carc") != null) {
            facts.add(ReasonSection.fact("CARC", group((String) p.get("carc_group")) + AdjustmentCodes.carcWithDescription((String) p.get("carc"))));
        }
        if (p.get("rarc") != null) facts.add(ReasonSection.fact("RARC", AdjustmentCodes.rarcWithDescription((String) p.get("rarc"))));
        List<String> lines = new ArrayList<>();
        jdbc.query("select line_no, procedure_code, group_code, carc, amount from remittance_adjustment where claim_id = ? and source_ref = ? "
                + "order by line_no, id", rs -> {
            lines.add(where(rs.getObject("line_no"), rs.getString("procedure_code")) + rs.getString("group_code") + "-" + rs.getString("carc")
                    + " " + money(rs.getBigDecimal("amount")) + ": " + AdjustmentCodes.describeCarc(rs.getString("carc")));
        }, item.claimId(), source);
        jdbc.query("select line_no, rarc from remittance_remark where claim_id = ? and source_ref = ? order by line_no, id", rs -> {
            lines.add(where(rs.getObject("line_no"), null) + "remark " + AdjustmentCodes.rarcWithDescription(rs.getString("rarc")));
        }, item.claimId(), source);
        return List.of(new ReasonSection("Payer's denial", facts, lines));
    }

    private static String group(String group) {
        return group == null ? "" : group + " (" + AdjustmentCodes.describeGroup(group) + ") ";
    }

    private static String where(Object lineNo, String code) {
        return lineNo == null ? "Claim: " : "Line " + lineNo + (code == null ? "" : " (" + code + ")") + ": ";
    }

    private static String money(Object amount) {
        return amount == null ? "none" : "$" + ((BigDecimal) amount).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
