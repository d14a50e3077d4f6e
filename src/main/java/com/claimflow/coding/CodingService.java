package com.claimflow.coding;

import com.claimflow.base.BadInputException;
import com.claimflow.coding.internal.CodingEntity;
import com.claimflow.coding.internal.CodingRepository;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterService;
import com.claimflow.intake.InputRules;
import com.claimflow.reference.CodeCheck;
import com.claimflow.reference.ReferenceService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records the codes a coder assigns, refusing anything the code set does not allow on the date of service. */
@Service
public class CodingService {

    public static final int MAX_DIAGNOSES = 12;
    /** Members of this group are new coders: the audit sample takes all their work. */
    public static final String NEW_CODERS_GROUP = "newcoders";

    private final CodingRepository codings;
    private final EncounterService encounters;
    private final ReferenceService reference;

    private final IdentityService identity;

    public CodingService(CodingRepository codings, EncounterService encounters, ReferenceService reference, IdentityService identity) {
        this.codings = codings;
        this.encounters = encounters;
        this.reference = reference;
        this.identity = identity;
    }

    @Transactional
    public Coding record(long encounterId, String diagnosisText, String procedureText, String coder) {
        Encounter encounter = encounters.get(encounterId);
        LocalDate dos = encounter.dateOfService();
        List<String> diagnoses = parseDiagnoses(diagnosisText, dos);
        List<ProcedureLine> procedures = parseProcedures(procedureText, diagnoses.size(), dos, encounter.claimType());
        CodingEntity coding = codings.findByEncounterId(encounterId).orElseGet(() -> new CodingEntity(encounterId));
        coding.assign(diagnoses, procedures, coder);
        return codings.save(coding).toRecord();
    }

    private List<String> parseDiagnoses(String text, LocalDate dos) {
        if (text == null || text.isBlank()) {
            throw new BadInputException("diagnosisCodes", "enter at least one ICD-10-CM diagnosis code");
        }
        List<String> codes = new ArrayList<>(new LinkedHashSet<>(Arrays.stream(text.split("[,;\\s]+"))
                .filter(s -> !s.isBlank()).map(ReferenceService::normalizeIcd).toList()));
        if (codes.size() > MAX_DIAGNOSES) {
            throw new BadInputException("diagnosisCodes", codes.size() + " diagnoses entered; a claim carries at most " + MAX_DIAGNOSES);
        }
        for (String code : codes) {
            CodeCheck check = reference.checkDiagnosis(code, dos);
            if (!check.isOk()) throw new BadInputException("diagnosisCodes", check.problem());
        }
        return codes;
    }

    private List<ProcedureLine> parseProcedures(String text, int diagnosisCount, LocalDate dos, String claimType) {
        if (text == null || text.isBlank()) {
            throw new BadInputException("procedureLines", "enter at least one procedure line, e.g. 99213 25 1 1,2");
        }
        List<ProcedureLine> lines = new ArrayList<>();
        String[] rows = text.split("\\R");
        InputRules.checkLineCount("procedureLines", (int) Arrays.stream(rows).filter(r -> !r.isBlank()).count(), claimType);
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].isBlank()) continue;
            String where = "procedureLines line " + (i + 1);
            ProcedureLine line = ProcedureLine.parse(rows[i], where);
            CodeCheck check = reference.checkProcedure(line.code(), dos);
            if (!check.isOk()) throw new BadInputException(where, check.problem());
            for (String m : line.modifiers()) {
                CodeCheck mc = reference.checkModifier(m, dos);
                if (!mc.isOk()) throw new BadInputException(where, mc.problem());
            }
            for (int p : line.pointers()) {
                if (p > diagnosisCount) {
                    throw new BadInputException(where, "diagnosis pointer " + p + " points past the " + diagnosisCount + " diagnosis code(s) entered");
                }
            }
            lines.add(line);
        }
        return lines;
    }

    @Transactional(readOnly = true)
    public Optional<Coding> codingOf(long encounterId) {
        return codings.findByEncounterId(encounterId).map(CodingEntity::toRecord);
    }

    /** What the coded procedures are worth at the payer's fee schedule: the audit sample's dollar input. */
    @Transactional(readOnly = true)
    public BigDecimal estimatedCharge(long encounterId) {
        Encounter e = encounters.get(encounterId);
        return codingOf(encounterId).map(c -> c.procedures().stream()
                .map(p -> reference.allowedAmount(e.payerId(), p.code(), p.modifiers().isEmpty() ? null : p.modifiers().get(0), e.dateOfService())
                        .orElse(BigDecimal.ZERO).multiply(BigDecimal.valueOf(p.units())))
                .reduce(BigDecimal.ZERO, BigDecimal::add)).orElse(BigDecimal.ZERO);
    }

    public boolean isNewCoder(String coder) {
        return identity.createGroupQuery().groupMember(coder).groupId(NEW_CODERS_GROUP).count() > 0;
    }
}
