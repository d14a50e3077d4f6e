package com.claimflow.collections;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.intake.EncounterService;
import com.claimflow.support.ApiTestBase;
import com.claimflow.support.Encounters;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** A biller agrees a payment plan by API; terms the patient cannot keep are refused naming the field; coders may not. */
class PaymentPlanApiIT extends ApiTestBase {
    @Autowired EncounterService encounters;
    @Autowired JdbcTemplate jdbc;

    private long owing60() {
        long id = encounters.open(Encounters.visit().request()).id();
        jdbc.update("insert into account_entry (encounter_id, entry_type, amount, patient_amount, reason, posted_by, posted_at) values (?,?,?,?,?,?,?)",
                id, "PATIENT_RESPONSIBILITY", BigDecimal.ZERO, new BigDecimal("60.00"), "deductible", "test", Timestamp.from(Instant.now()));
        return id;
    }

    @Test
    void aBillerAgreesAPlanAndAnyoneWhoMaySeeTheEncounterReadsIt() {
        long id = owing60();
        String due = LocalDate.now().plusDays(14).toString();
        ResponseEntity<String> agreed = postJson("bella", "/api/encounters/" + id + "/payment-plan",
                "{\"monthlyAmount\": 20.00, \"firstDueDate\": \"" + due + "\"}");
        assertThat(agreed.getStatusCode()).as(agreed.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(agreed.getBody()).contains("\"monthlyAmount\":20.00", "\"firstDue\":\"" + due + "\"", "\"status\":\"ACTIVE\"");

        ResponseEntity<String> read = as("cora").getForEntity("/api/encounters/" + id + "/payment-plan", String.class);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where encounter_id = ? and actor = 'cora' and detail = 'api payment plan'",
                Integer.class, id)).isEqualTo(1);
    }

    @Test
    void termsAboveTheBalanceAreRefusedNamingTheFieldAndCodersMayNotAgreePlans() {
        long id = owing60();
        ResponseEntity<String> tooMuch = postJson("bella", "/api/encounters/" + id + "/payment-plan",
                "{\"monthlyAmount\": 75.00, \"firstDueDate\": \"" + LocalDate.now().plusDays(5) + "\"}");
        assertThat(tooMuch.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooMuch.getBody()).contains("monthlyAmount", "more than the patient's balance of 60.00");

        ResponseEntity<String> coder = postJson("carla", "/api/encounters/" + id + "/payment-plan",
                "{\"monthlyAmount\": 20.00, \"firstDueDate\": \"" + LocalDate.now().plusDays(5) + "\"}");
        assertThat(coder.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("bella").getForEntity("/api/encounters/" + id + "/payment-plan", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
