package com.claimflow.claim.internal;

import com.claimflow.claim.OtherPayerAdjudication;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The earlier payers' adjudications a claim carries ({@code claim_other_payer}); the lines and adjustments as JSON. */
@Component
public class OtherPayers {
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public OtherPayers(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void save(long claimId, List<OtherPayerAdjudication> earlier) {
        for (OtherPayerAdjudication a : earlier) {
            jdbc.update("insert into claim_other_payer (claim_id, coverage_order, payer_id, payer_claim_number, paid, patient_responsibility, "
                            + "adjudicated_on, forwarded, detail) values (?,?,?,?,?,?,?,?,?)", claimId, a.coverageOrder(), a.payerId(), a.payerClaimNumber(),
                    a.paid(), a.patientResponsibility(), Date.valueOf(a.adjudicatedOn()), a.forwarded(), detail(a));
        }
    }

    public List<OtherPayerAdjudication> of(long claimId) {
        return jdbc.query("select coverage_order, payer_id, payer_claim_number, paid, patient_responsibility, adjudicated_on, forwarded, detail "
                + "from claim_other_payer where claim_id = ? order by coverage_order", (rs, n) -> {
            Detail d = read(rs.getString(8));
            return new OtherPayerAdjudication(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                    rs.getDate(6).toLocalDate(), rs.getBoolean(7), d.adjustments(), d.lines());
        }, claimId);
    }

    /** The JSON of {@code detail}: what does not fit a column. */
    record Detail(List<OtherPayerAdjudication.Adjustment> adjustments, List<OtherPayerAdjudication.LinePayment> lines) {
    }

    private String detail(OtherPayerAdjudication a) {
        try {
            return json.writeValueAsString(new Detail(a.adjustments(), a.lines()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("other payer detail could not be written: " + e.getMessage(), e);
        }
    }

    private Detail read(String text) {
        try {
            return json.readValue(text, Detail.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("claim_other_payer.detail is not the JSON this version writes: " + e.getMessage(), e);
        }
    }
}
