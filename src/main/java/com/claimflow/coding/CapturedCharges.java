package com.claimflow.coding;

import com.claimflow.base.BadInputException;
import com.claimflow.intake.InputRules;
import com.claimflow.reference.CodeCheck;
import com.claimflow.reference.ReferenceService;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Charges the clinical system sent with the visit (FHIR Condition/Procedure/ChargeItem, HL7 v2 DFT's DG1/FT1/PR1),
 * kept until the coder's task starts from them. They are checked with the coder's own rules, each code against the
 * code set on the date of service; a refused charge names where it came from ({@link Diagnosis#where()}, {@link
 * Charge#where()}: a FHIR element path or an HL7 segment and field). Several messages may add charges to one visit:
 * the coder sees them merged, diagnoses once each and every line's pointers re-aimed at the merged list.
 */
@Service
public class CapturedCharges {

    /** A diagnosis as sent: ICD-10-CM code, and where in the message it was. */
    public record Diagnosis(String code, String where) {
    }

    /** A procedure line as sent, its pointers into the message's own diagnoses, and where in the message it was. */
    public record Charge(ProcedureLine line, String where) {
    }

    private final JdbcTemplate jdbc;
    private final ReferenceService reference;
    private final CodingService coding;
    private final Clock clock;

    public CapturedCharges(JdbcTemplate jdbc, ReferenceService reference, CodingService coding, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.reference = reference;
        this.coding = coding;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /**
     * Refuses what a coder could not enter: an unknown or inactive code on {@code dateOfService}, more than {@link
     * CodingService#MAX_DIAGNOSES} diagnoses, more lines than the claim type carries, a pointer past the diagnoses.
     */
    public void check(LocalDate dateOfService, String claimType, List<Diagnosis> diagnoses, List<Charge> charges) {
        if (diagnoses.size() > CodingService.MAX_DIAGNOSES) {
            throw new BadInputException(diagnoses.get(CodingService.MAX_DIAGNOSES).where(),
                    diagnoses.size() + " diagnoses sent; a claim carries at most " + CodingService.MAX_DIAGNOSES);
        }
        for (Diagnosis d : diagnoses) {
            CodeCheck check = reference.checkDiagnosis(ReferenceService.normalizeIcd(d.code()), dateOfService);
            if (!check.isOk()) throw refused(d.where(), check);
        }
        if (!charges.isEmpty()) InputRules.checkLineCount(charges.get(0).where(), charges.size(), claimType);
        for (Charge c : charges) {
            CodeCheck check = reference.checkProcedure(c.line().code(), dateOfService);
            if (!check.isOk()) throw refused(c.where(), check);
            for (String m : c.line().modifiers()) {
                CodeCheck mc = reference.checkModifier(m, dateOfService);
                if (!mc.isOk()) throw refused(c.where(), mc);
            }
            for (int p : c.line().pointers()) {
                if (p > Math.max(diagnoses.size(), 1)) {
                    throw new BadInputException(c.where(), "diagnosis pointer " + p + " points past the " + diagnoses.size() + " diagnosis code(s) sent");
                }
            }
        }
    }

    /** A refused code: unknown when no code set holds it, else on file but not billable on the date of service. */
    private static BadInputException refused(String where, CodeCheck check) {
        return new BadInputException(check.unknown() ? BadInputException.Kind.UNKNOWN : BadInputException.Kind.UNUSABLE, where, check.problem());
    }

    /** Whether the coder has coded the visit: charges sent after that cannot join the coding task. */
    public boolean isCoded(long encounterId) {
        return coding.codingOf(encounterId).isPresent();
    }

    /** Keeps checked charges for the encounter's coding task; {@code messageId} is the message they came in. */
    @Transactional
    public void capture(long encounterId, Long messageId, List<Diagnosis> diagnoses, List<Charge> charges) {
        if (diagnoses.isEmpty() && charges.isEmpty()) return;
        jdbc.update("INSERT INTO captured_charge (encounter_id, inbound_message_id, diagnoses, procedure_lines, captured_at) VALUES (?, ?, ?, ?, ?)",
                encounterId, messageId,
                diagnoses.stream().map(d -> ReferenceService.normalizeIcd(d.code())).collect(Collectors.joining(",")),
                charges.stream().map(c -> c.line().format()).collect(Collectors.joining("\n")),
                Timestamp.from(clock.instant()));
    }

    /** Every message's charges for the encounter merged in arrival order, as the coder's task starts from them. */
    @Transactional(readOnly = true)
    public Optional<Draft> draftOf(long encounterId) {
        List<String[]> rows = jdbc.query("SELECT diagnoses, procedure_lines FROM captured_charge WHERE encounter_id = ? ORDER BY id",
                (rs, n) -> new String[] { rs.getString(1), rs.getString(2) }, encounterId);
        if (rows.isEmpty()) return Optional.empty();
        LinkedHashSet<String> merged = new LinkedHashSet<>();
        List<ProcedureLine> lines = new ArrayList<>();
        for (String[] row : rows) {
            List<String> own = row[0].isEmpty() ? List.of() : List.of(row[0].split(","));
            merged.addAll(own);
            List<String> order = List.copyOf(merged);
            for (String text : row[1].split("\n")) {
                if (text.isBlank()) continue;
                ProcedureLine line = ProcedureLine.parse(text, "captured charge");
                List<Integer> pointers = line.pointers().stream()
                        .filter(p -> p <= own.size()).map(p -> order.indexOf(own.get(p - 1)) + 1).toList();
                lines.add(new ProcedureLine(line.code(), line.modifiers(), line.units(), pointers.isEmpty() ? List.of(1) : pointers));
            }
        }
        return Optional.of(new Draft(List.copyOf(merged), lines));
    }

    /** The merged charges: diagnoses in order of arrival, lines pointing into them. */
    public record Draft(List<String> diagnoses, List<ProcedureLine> procedures) {
    }
}
