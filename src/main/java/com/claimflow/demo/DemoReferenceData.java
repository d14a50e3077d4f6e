package com.claimflow.demo;

import com.claimflow.reference.CodeSetEntry;
import com.claimflow.reference.CodeSystem;
import com.claimflow.reference.FeeScheduleEntry;
import com.claimflow.reference.Npi;
import com.claimflow.reference.Payer;
import com.claimflow.reference.Provider;
import com.claimflow.reference.ReferenceService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A small synthetic reference set: four payers, four providers (a clinic, two physicians, a hospital), a few dozen codes and a fee schedule. CPT codes carry
 * the product's own short wording, never the AMA's descriptors. Loading is idempotent.
 */
@Component
public class DemoReferenceData {
    public static final LocalDate FY2021 = LocalDate.of(2021, 10, 1);
    public static final LocalDate OPEN = LocalDate.of(2015, 10, 1);
    public static final String CLINIC_NPI = npi("123456789");
    public static final String DR_ADAMS_NPI = npi("198765432");
    public static final String DR_BAKER_NPI = npi("176543219");
    /** Bills the demo's institutional (837I) encounters. */
    public static final String HOSPITAL_NPI = npi("155566677");

    /** Payers whose fee schedule lacks 20610: a claim for it fails the charge edit and goes to a biller. */
    private static final Map<String, Double> PAYER_FACTORS = Map.of("MCARE", 1.0, "BCBS", 1.25, "AETNA", 1.2, "UHC", 1.15);
    private static final Map<String, Double> BASE_FEES = Map.ofEntries(
            Map.entry("99203", 110.0), Map.entry("99213", 92.0), Map.entry("99214", 131.0), Map.entry("99215", 184.0),
            Map.entry("93000", 17.0), Map.entry("36415", 3.0), Map.entry("80053", 11.0), Map.entry("71046", 31.0),
            Map.entry("20610", 62.0), Map.entry("J1100", 1.5), Map.entry("G0439", 133.0), Map.entry("85025", 8.0));

    private final ReferenceService reference;

    public DemoReferenceData(ReferenceService reference) {
        this.reference = reference;
    }

    public static String npi(String firstNine) {
        return firstNine + Npi.checkDigit(firstNine);
    }

    @Transactional
    public void load() {
        if (reference.payer("MCARE").isPresent()) return;
        reference.savePayer(new Payer("MCARE", "Medicare Part B", "PROFESSIONAL", 365, "[1-9][A-Z][A-Z0-9][0-9][A-Z][A-Z0-9][0-9][A-Z]{2}[0-9]{2}"));
        reference.savePayer(new Payer("BCBS", "Blue Cross Blue Shield", "PROFESSIONAL", 180, "[A-Z]{3}[0-9]{9}"));
        reference.savePayer(new Payer("AETNA", "Aetna", "PROFESSIONAL", 120, "W[0-9]{9}"));
        reference.savePayer(new Payer("UHC", "UnitedHealthcare", "PROFESSIONAL", 90, "[0-9]{9}"));

        // nine-digit ZIP codes: the 837 requires ZIP+4 for the billing provider's address (2010AA N403)
        reference.saveProvider(new Provider(CLINIC_NPI, "Riverside Family Clinic", "261QP2300X", "123456789", "100 River Rd", "Springfield", "IL", "62701-1234"));
        reference.saveProvider(new Provider(DR_ADAMS_NPI, "Adams, Jordan MD", "207Q00000X", null, "100 River Rd", "Springfield", "IL", "62701-1234"));
        reference.saveProvider(new Provider(DR_BAKER_NPI, "Baker, Sam DO", "207R00000X", null, "100 River Rd", "Springfield", "IL", "62701-1234"));
        reference.saveProvider(new Provider(HOSPITAL_NPI, "Riverside Community Hospital", "282N00000X", "371234567", "800 Hospital Dr", "Springfield",
                "IL", "62702-4410"));

        List<CodeSetEntry> codes = new ArrayList<>();
        icd(codes, "E119", true, "Type 2 diabetes mellitus without complications");
        icd(codes, "E11", false, "Type 2 diabetes mellitus");
        icd(codes, "I10", true, "Essential (primary) hypertension");
        icd(codes, "E785", true, "Hyperlipidemia, unspecified");
        icd(codes, "J069", true, "Acute upper respiratory infection, unspecified");
        icd(codes, "J45909", true, "Unspecified asthma, uncomplicated");
        icd(codes, "R519", true, "Headache, unspecified");
        icd(codes, "Z0000", true, "Encounter for general adult medical examination without abnormal findings");
        icd(codes, "M170", true, "Bilateral primary osteoarthritis of knee");
        icd(codes, "M1711", true, "Unilateral primary osteoarthritis, right knee");
        icd(codes, "R0789", true, "Other chest pain");
        icd(codes, "N400", true, "Benign prostatic hyperplasia without lower urinary tract symptoms");
        icd(codes, "O80", true, "Encounter for full-term uncomplicated delivery");
        // M54.5 became a header on 1 October 2021, when M54.50-M54.59 were added: effective dating matters
        codes.add(new CodeSetEntry(CodeSystem.ICD10CM, "M545", true, "Low back pain", OPEN, FY2021.minusDays(1)));
        codes.add(new CodeSetEntry(CodeSystem.ICD10CM, "M545", false, "Low back pain", FY2021, null));
        codes.add(new CodeSetEntry(CodeSystem.ICD10CM, "M5450", true, "Low back pain, unspecified", FY2021, null));
        proc(codes, "99203", "Office visit, new patient, low complexity");
        proc(codes, "99213", "Office visit, established patient, low complexity");
        proc(codes, "99214", "Office visit, established patient, moderate complexity");
        proc(codes, "99215", "Office visit, established patient, high complexity");
        proc(codes, "93000", "Electrocardiogram, tracing with report");
        proc(codes, "36415", "Blood draw by venipuncture");
        proc(codes, "80053", "Comprehensive metabolic panel");
        proc(codes, "85025", "Complete blood count with differential");
        proc(codes, "71046", "Chest x-ray, two views");
        proc(codes, "20610", "Injection or aspiration, major joint");
        codes.add(new CodeSetEntry(CodeSystem.HCPCS, "J1100", true, "Injection, dexamethasone sodium phosphate, 1 mg", OPEN, null));
        codes.add(new CodeSetEntry(CodeSystem.HCPCS, "G0439", true, "Annual wellness visit, subsequent", OPEN, null));
        for (String m : List.of("25", "59", "76", "LT", "RT", "XS", "XU", "GT", "95")) {
            codes.add(new CodeSetEntry(CodeSystem.MODIFIER, m, true, "Modifier " + m, OPEN, null));
        }
        reference.saveCodes(codes);

        List<FeeScheduleEntry> fees = new ArrayList<>();
        PAYER_FACTORS.forEach((payer, factor) -> BASE_FEES.forEach((code, base) -> {
            if (payer.equals("UHC") && code.equals("20610")) return;
            fees.add(new FeeScheduleEntry(payer, code, null, BigDecimal.valueOf(base * factor).setScale(2, RoundingMode.HALF_UP), OPEN, null));
        }));
        reference.saveFees(fees);
    }

    private static void icd(List<CodeSetEntry> codes, String code, boolean billable, String description) {
        codes.add(new CodeSetEntry(CodeSystem.ICD10CM, code, billable, description, OPEN, null));
    }

    private static void proc(List<CodeSetEntry> codes, String code, String ownWording) {
        codes.add(new CodeSetEntry(CodeSystem.CPT, code, true, ownWording, OPEN, null));
    }
}
