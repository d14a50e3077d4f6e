package com.claimflow.remittance;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.intake.EncounterService;
import com.claimflow.support.ApiTestBase;
import com.claimflow.support.Encounters;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** A patient payment is money the patient owes: dollars and cents, more than zero, at most the balance. */
class PatientPaymentIT extends ApiTestBase {
    @Autowired EncounterService encounters;
    @Autowired AccountService account;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    @Autowired RuntimeService runtime;

    /** An encounter whose payer left the patient 40.00 to pay. */
    private long owing40() {
        long id = encounters.open(Encounters.visit().request()).id();
        jdbc.update("insert into account_entry (encounter_id, entry_type, amount, patient_amount, reason, posted_by, posted_at) values (?,?,?,?,?,?,?)",
                id, "PATIENT_RESPONSIBILITY", BigDecimal.ZERO, new BigDecimal("40.00"), "coinsurance", "test", Timestamp.from(Instant.now()));
        return id;
    }

    private ResponseEntity<String> pay(long encounterId, String body) {
        return postJson("bella", "/api/encounters/" + encounterId + "/patient-payments", body);
    }

    private String refusedField(ResponseEntity<String> r, String field) throws Exception {
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode fields = json.readTree(r.getBody()).get("fields");
        assertThat(fields.has(field)).as(r.getBody()).isTrue();
        return fields.get(field).asText();
    }

    @Test
    void anOverpaymentAcceptedAsACreditOnAClosedEncounterBecomesARefundTask() throws Exception {
        long id = encounters.open(Encounters.visit().request()).id();
        driver.runJobs();
        runtime.deleteProcessInstance(encounters.get(id).processInstanceId(), "test: the encounter was paid in full and closed");
        jdbc.update("insert into account_entry (encounter_id, entry_type, amount, patient_amount, reason, posted_by, posted_at) values (?,?,?,?,?,?,?)",
                id, "PATIENT_RESPONSIBILITY", BigDecimal.ZERO, new BigDecimal("21.20"), "coinsurance", "test", Timestamp.from(Instant.now()));

        assertThat(refusedField(pay(id, "{\"amount\": 500.00, \"reference\": \"check 77\"}"), "amount")).contains("acceptCredit");
        ResponseEntity<String> accepted = pay(id, "{\"amount\": 500.00, \"reference\": \"check 77\", \"acceptCredit\": true}");

        assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(account.balance(id).patient()).isEqualByComparingTo("-478.80");
        driver.runJobs();
        assertThat(driver.task(id, "ResolveCreditBalance").queue()).isEqualTo("billers");
    }

    @Test
    void aPaymentAboveTheBalanceOrWithFractionsOfACentOrOutOfRangeIsRefusedNamingTheField() throws Exception {
        long id = owing40();

        assertThat(refusedField(pay(id, "{\"amount\": 25000.00, \"reference\": \"check 1\"}"), "amount")).contains("40.00").contains("balance");
        assertThat(refusedField(pay(id, "{\"amount\": 0.001}"), "amount")).contains("decimals");
        assertThat(refusedField(pay(id, "{\"amount\": 0}"), "amount")).contains("more than zero");
        assertThat(refusedField(pay(id, "{\"amount\": -5.00}"), "amount")).contains("more than zero");
        refusedField(pay(id, "{\"amount\": 1e400}"), "amount");
        refusedField(pay(id, "{\"amount\": 12345678901.00}"), "amount");
        refusedField(pay(id, "{\"amount\": \"lots\"}"), "amount");
        assertThat(pay(id, "{\"amount\": 1" + "0".repeat(2000) + "}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        refusedField(pay(id, "{}"), "amount");
        assertThat(refusedField(pay(id, "{\"amount\": 10.00, \"reference\": \"" + "r".repeat(121) + "\"}"), "reference")).contains("120");
        assertThat(account.balance(id).patient()).isEqualByComparingTo("40.00");

        ResponseEntity<String> part = pay(id, "{\"amount\": 25.10, \"reference\": \"check 1001\"}");
        assertThat(part.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(part.getBody()).get("patientBalance").decimalValue()).isEqualByComparingTo("14.90");
        assertThat(pay(id, "{\"amount\": 14.90, \"reference\": \"cash\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(account.balance(id).patient()).isEqualByComparingTo("0.00");
        assertThat(refusedField(pay(id, "{\"amount\": 0.01}"), "amount")).contains("0.00");
    }
}
