package com.claimflow.remittance.x12;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.remittance.x12.Remittance835.ClaimPayment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboundReadersTest {

    @Test
    void a999SaysPerTransactionSetWhetherItWasAcceptedAndWhy() {
        Ack999 accepted = InboundReaders.read999(Fixtures.stream(Fixtures.text("999-accepted.x12")));
        assertThat(accepted.issues()).isEmpty();
        assertThat(accepted.transactions()).singleElement().satisfies(t -> {
            assertThat(t.controlNumber()).isEqualTo("9001");
            assertThat(t.accepted()).isTrue();
        });

        Ack999 rejected = InboundReaders.read999(Fixtures.stream(Fixtures.text("999-rejected.x12")));
        assertThat(rejected.issues()).isEmpty();
        assertThat(rejected.groupStatus()).isEqualTo("R");
        assertThat(rejected.transactions()).singleElement().satisfies(t -> {
            assertThat(t.accepted()).isFalse();
            assertThat(t.reason()).contains("segment NM1 (position 15, loop 2010BA): 8 (segment has data element errors)")
                    .contains("element NM109 (67): 7 (invalid code value) 'XYZ'").contains("transaction error code 5");
        });
    }

    @Test
    void a277caGivesEachClaimsVerdictWithCategoryStatusAndEntity() {
        ClaimStatus277 status = InboundReaders.read277(Fixtures.stream(Fixtures.text("277ca-mixed.x12")));
        assertThat(status.issues()).isEmpty();
        assertThat(status.claims()).hasSize(2);
        assertThat(status.claims().get(0).patientControlNumber()).isEqualTo("CF900000001V1");
        assertThat(status.claims().get(0).accepted()).isTrue();
        assertThat(status.claims().get(0).payerClaimNumber()).isEqualTo("2026325000117");
        assertThat(status.claims().get(1).accepted()).isFalse();
        assertThat(status.claims().get(1).reason())
                .isEqualTo("A7:164:IL rejected for invalid information: entity's contract/member number (subscriber)");
    }

    @Test
    void a277caGivesTheStatusOfTheReceiverAndEachProviderWithTheClaimsUnderThem() {
        ClaimStatus277 mixed = InboundReaders.read277(Fixtures.stream(Fixtures.text("277ca-mixed.x12")));
        assertThat(mixed.providers()).extracting(p -> p.level() + " " + p.entityId() + " " + p.rejects() + " " + p.claims())
                .containsExactly("2000B CLAIMFLOW false 2", "2000C 1234567893 false 2");

        ClaimStatus277 rejected = InboundReaders.read277(Fixtures.stream(Fixtures.text("277ca-provider-rejected.x12")));
        assertThat(rejected.issues()).isEmpty();
        assertThat(rejected.claims()).isEmpty();
        assertThat(rejected.providers()).hasSize(2).allSatisfy(p -> {
            assertThat(p.rejects()).isTrue();
            assertThat(p.claims()).isZero();
        });
        assertThat(rejected.providers().get(0).segmentNumber()).isEqualTo(10);
        assertThat(rejected.providers().get(0).reason()).isEqualTo("A3:24:41 returned as unprocessable: entity not approved as an electronic submitter (submitter)");
        assertThat(rejected.providers().get(1).describe()).isEqualTo("2000C billing provider RIVERSIDE FAMILY CLINIC (1234567893)");
        assertThat(rejected.providers().get(1).reason()).startsWith("A3:562:85 ");
    }

    @Test
    void an835IsReadClaimByClaimWithAdjustmentsLinesRemarksAndProviderAdjustments() {
        List<ClaimPayment> claims = new ArrayList<>();
        try (Remittance835Reader r = new Remittance835Reader(Fixtures.stream(Fixtures.text("835-payment.x12")))) {
            for (ClaimPayment c = r.next(); c != null; c = r.next()) claims.add(c);
            assertThat(r.issues()).isEmpty();
            assertThat(r.payment().total()).isEqualByComparingTo("145");
            assertThat(r.payment().traceNumber()).isEqualTo("EFT20261201A");
            assertThat(r.payment().payerId()).isEqualTo("BCBS");
        }
        assertThat(claims).extracting(ClaimPayment::patientControlNumber).containsExactly("CF900000001V1", "CF900000002V1", "CF900000003V1");
        ClaimPayment paid = claims.get(0);
        assertThat(paid.problem()).isNull();
        assertThat(paid.lines()).hasSize(2);
        assertThat(paid.lines().get(0).modifiers()).containsExactly("25");
        assertThat(paid.lines().get(0).adjustments()).extracting(a -> a.group() + "-" + a.carc() + " " + a.amount().toPlainString())
                .containsExactly("CO-45 19", "PR-2 19.2");
        assertThat(paid.lines().get(0).remarks()).containsExactly("N130");
        assertThat(claims.get(1).denied()).isTrue();

        try (Remittance835Reader r = new Remittance835Reader(Fixtures.stream(Fixtures.text("835-reversal.x12")))) {
            ClaimPayment reversal = r.next();
            assertThat(reversal.reversal()).isTrue();
            assertThat(reversal.paid()).isEqualByComparingTo("-65");
            while (r.next() != null) {
                // to the end, where PLB is
            }
            assertThat(r.providerAdjustments()).singleElement().satisfies(p -> {
                assertThat(p.reasonCode()).isEqualTo("L6");
                assertThat(p.amount()).isEqualByComparingTo("-1.25");
            });
        }
    }

    @Test
    void aClaimPaymentThatDoesNotBalanceSaysWhere() {
        String text = Fixtures.text("835-payment.x12").replace("CAS*CO*45*19~", "CAS*CO*45*18~");
        try (Remittance835Reader r = new Remittance835Reader(Fixtures.stream(text))) {
            ClaimPayment c = r.next();
            assertThat(c.problem()).contains("segment 18 CLP04: claim CF900000001V1 does not balance");
        }
    }

    @Test
    void a999WithoutItsGroupResponseOrA277WithoutLevelsOrAn835WithoutBprIsAnIssue() {
        String empty999 = Fixtures.text("999-accepted.x12").replaceAll("(AK1|AK2|IK5|AK9)\\*[^~]*~\\s*", "").replace("SE*6*0001", "SE*2*0001");
        assertThat(InboundReaders.read999(Fixtures.stream(empty999)).issues()).extracting(i -> i.segmentId())
                .contains("AK1", "AK9");
        String badVerdict = Fixtures.text("999-accepted.x12").replace("AK9*A*1*1*1", "AK9*Q*1*1*1");
        assertThat(InboundReaders.read999(Fixtures.stream(badVerdict)).issues()).extracting(i -> i.element()).contains("AK901");
        assertThat(InboundReaders.read999(Fixtures.stream(Fixtures.text("999-rejected.x12"))).issues()).isEmpty();

        String text277 = Fixtures.text("277ca-mixed.x12");
        String st = text277.substring(text277.indexOf("ST*"));
        String no277Levels = text277.substring(0, text277.indexOf("ST*")) + st.substring(0, st.indexOf('~') + 1) + "BHT*0085*08*1*20261121*1200*TH~"
                + "SE*3*0001~" + text277.substring(text277.indexOf("GE*"));
        assertThat(InboundReaders.read277(Fixtures.stream(no277Levels)).issues()).extracting(i -> i.segmentId()).contains("HL");

        String text835 = Fixtures.text("835-payment.x12");
        try (Remittance835Reader r = new Remittance835Reader(Fixtures.stream(text835.replaceFirst("BPR\\*[^~]*~", "")))) {
            while (r.next() != null) {
                // read all
            }
            assertThat(r.issues()).extracting(i -> i.segmentId()).contains("BPR");
        }
    }

    @Test
    void brokenEnvelopesAreIssuesNotExceptions() {
        String good = Fixtures.text("835-payment.x12");
        try (Remittance835Reader r = new Remittance835Reader(Fixtures.stream(good.replace("SE*45*0001", "SE*44*0001")))) {
            while (r.next() != null) {
                // read all
            }
            assertThat(r.issues()).anySatisfy(i -> assertThat(i.toString()).contains("SE01").contains("does not match"));
        }
        try (Remittance835Reader r = new Remittance835Reader(Fixtures.stream(good.substring(0, good.length() / 2)))) {
            while (r.next() != null) {
                // read all
            }
            assertThat(r.issues()).isNotEmpty();
        }
    }
}
