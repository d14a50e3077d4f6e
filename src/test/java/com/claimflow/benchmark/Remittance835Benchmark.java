package com.claimflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.demo.DemoReferenceData;
import com.claimflow.remittance.InboundFiles;
import com.claimflow.remittance.InboundResult;
import com.claimflow.remittance.x12.Remittance835.ClaimPayment;
import com.claimflow.remittance.x12.Remittance835Reader;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Parsing and posting an 835 on MariaDB/MySQL: claims per second, with the same run's baseline (the same file only
 * parsed, no posting). The claims are inserted directly (no processes wait: posting tells none), then one 835 pays them
 * all: each claim payment with a service line, CO-45 and PR-2 adjustments.
 * Run: {@code mvn -o test -Dtest=Remittance835Benchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (needs MariaDB/MySQL on 127.0.0.1:3306, root without password; uses its own database claimflow_edibench).
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:mysql://127.0.0.1:3306/claimflow_edibench?createDatabaseIfNotExist=true&sendFractionalSeconds=false&nullCatalogMeansCurrent=true&useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true",
        "spring.datasource.username=root", "spring.datasource.password=", "spring.datasource.driver-class-name=com.mysql.cj.jdbc.Driver",
        "claimflow.edi.store=target/edi-bench", "claimflow.clearinghouse.inbox-poll=false"})
@ActiveProfiles({"test", "mysql"})
class Remittance835Benchmark {
    static final int CLAIMS = Integer.getInteger("benchmark.claims", 20_000);

    @Autowired JdbcTemplate jdbc;
    @Autowired InboundFiles inbound;

    private List<Long> insertClaims(int n) {
        long firstEncounter = jdbc.queryForObject("select coalesce(max(id), 0) + 1 from encounter", Long.class);
        Timestamp now = Timestamp.from(Instant.now());
        Date dos = Date.valueOf(LocalDate.now().minusDays(10));
        List<Object[]> encounters = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            encounters.add(new Object[] {"BENCH-" + (firstEncounter + i) + "-" + System.nanoTime(), "Bench", "Patient" + i, Date.valueOf("1970-01-01"), "F",
                    "XYZ123456789", "BCBS", DemoReferenceData.CLINIC_NPI, DemoReferenceData.DR_ADAMS_NPI, dos, "11", "PROFESSIONAL", "ADJUDICATION", now});
        }
        jdbc.batchUpdate("insert into encounter (external_id, patient_first_name, patient_last_name, patient_birth_date, patient_sex, member_id, payer_id, "
                + "billing_npi, rendering_npi, date_of_service, place_of_service, claim_type, stage, created_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", encounters);
        List<Long> encounterIds = jdbc.queryForList("select id from encounter where id >= ? order by id", Long.class, firstEncounter);
        List<Object[]> claims = new ArrayList<>();
        for (Long e : encounterIds) {
            claims.add(new Object[] {e, 1, "1", "PROFESSIONAL", "ACCEPTED", "BCBS", "XYZ123456789", DemoReferenceData.CLINIC_NPI,
                    DemoReferenceData.DR_ADAMS_NPI, "11", dos, "I10", new java.math.BigDecimal("115.00"), "PCN" + e, now, now});
        }
        jdbc.batchUpdate("insert into claim (encounter_id, version, frequency_code, claim_type, status, payer_id, member_id, billing_npi, rendering_npi, "
                + "place_of_service, date_of_service, diagnosis_codes, total_charge, payer_claim_number, created_at, updated_at) "
                + "values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", claims);
        List<Long> claimIds = jdbc.queryForList("select id from claim where encounter_id >= ? order by id", Long.class, firstEncounter);
        List<Object[]> lines = claimIds.stream().map(c -> new Object[] {c, 0, "99213", "", 1, new java.math.BigDecimal("115.00"), "1"}).toList();
        jdbc.batchUpdate("insert into claim_line (claim_id, line_no, code, modifiers, units, charge, pointers) values (?,?,?,?,?,?,?)", lines);
        return claimIds;
    }

    private static void write835(Path file, List<Long> claimIds, long control) throws Exception {
        String isa13 = String.format("%09d", control);
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("ISA*00*          *00*          *ZZ*BENCHPAYER     *ZZ*CLAIMFLOW      *261201*0300*^*00501*" + isa13 + "*0*P*:~\n");
            w.write("GS*HP*BENCHPAYER*CLAIMFLOW*20261201*0300*" + control + "*X*005010X221A1~\nST*835*0001*005010X221A1~\n");
            // 115 charged, 80.50 paid, CO-45 11.50, PR-2 23.00 per claim
            w.write("BPR*I*" + new java.math.BigDecimal("80.50").multiply(java.math.BigDecimal.valueOf(claimIds.size())).toPlainString()
                    + "*C*ACH************20261203~\nTRN*1*BENCH" + control + "*1512345678~\nN1*PR*BENCH PAYER~\nN1*PE*CLINIC*XX*" + DemoReferenceData.CLINIC_NPI + "~\nLX*1~\n");
            int segments = 8;
            for (Long id : claimIds) {
                w.write("CLP*CF" + id + "V1*1*115*80.5*23*12*PCN" + id + "*11*1~\nNM1*QC*1*PATIENT*BENCH****MI*XYZ123456789~\n"
                        + "SVC*HC:99213*115*80.5**1~\nDTM*472*20261120~\nCAS*CO*45*11.5~\nCAS*PR*2*23~\nLQ*HE*N130~\n");
                segments += 7;
            }
            w.write("SE*" + (segments + 1 - 2) + "*0001~\nGE*1*" + control + "~\nIEA*1*" + isa13 + "~\n");
        }
    }

    @Test
    void parsesAndPostsAtLeastTwoThousandClaimPaymentsASecond() throws Exception {
        List<Long> claimIds = insertClaims(CLAIMS);
        Path file = Files.createTempFile("bench", ".835");
        long control = 100_000_000L + (System.currentTimeMillis() / 1000) % 800_000_000L;
        write835(file, claimIds, control);

        long start = System.nanoTime();
        int parsed = 0;
        try (InputStream in = Files.newInputStream(file); Remittance835Reader r = new Remittance835Reader(in)) {
            for (ClaimPayment c = r.next(); c != null; c = r.next()) parsed++;
            assertThat(r.issues()).isEmpty();
        }
        double parseRate = parsed / ((System.nanoTime() - start) / 1e9);

        start = System.nanoTime();
        InboundResult result;
        try (InputStream in = Files.newInputStream(file)) {
            result = inbound.receive(in, "BENCHMARK", file.getFileName().toString(), "benchmark");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double postRate = result.counts().posted() / seconds;
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf("BENCHMARK 835 on %s: %,d claim payments, %.1f MB file; parse only (baseline) %,.0f claims/s; parse + post %,.0f claims/s "
                        + "(%.1f s, status %s, posted %d, errors %d); heap after GC %.0f MB%n",
                jdbc.queryForObject("select version()", String.class), CLAIMS, Files.size(file) / 1e6, parseRate, postRate, seconds, result.status(),
                result.counts().posted(), result.errors().size(), (rt.totalMemory() - rt.freeMemory()) / 1e6);
        assertThat(result.counts().posted()).isEqualTo(CLAIMS);
    }
}
