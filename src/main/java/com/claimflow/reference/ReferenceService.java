package com.claimflow.reference;

import com.claimflow.reference.internal.CodeSetRepository;
import com.claimflow.reference.internal.FeeScheduleRepository;
import com.claimflow.reference.internal.PayerRepository;
import com.claimflow.reference.internal.ProviderRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Payers, providers, code sets and fee schedules: what every other capability looks up. */
@Service
@Transactional(readOnly = true)
public class ReferenceService {

    private static final List<CodeSystem> PROCEDURE_SYSTEMS = List.of(CodeSystem.CPT, CodeSystem.HCPCS);

    private final PayerRepository payers;
    private final ProviderRepository providers;
    private final CodeSetRepository codes;
    private final FeeScheduleRepository fees;

    public ReferenceService(PayerRepository payers, ProviderRepository providers, CodeSetRepository codes, FeeScheduleRepository fees) {
        this.payers = payers;
        this.providers = providers;
        this.codes = codes;
        this.fees = fees;
    }

    public Optional<Payer> payer(String id) {
        return id == null ? Optional.empty() : payers.findById(id);
    }

    public List<Payer> payers() {
        return payers.findAll(org.springframework.data.domain.Sort.by("name"));
    }

    public Optional<Provider> provider(String npi) {
        return npi == null ? Optional.empty() : providers.findById(npi);
    }

    public CodeCheck checkDiagnosis(String code, LocalDate dateOfService) {
        return check(List.of(CodeSystem.ICD10CM), normalizeIcd(code), dateOfService, "ICD-10-CM diagnosis");
    }

    public CodeCheck checkProcedure(String code, LocalDate dateOfService) {
        return check(PROCEDURE_SYSTEMS, code == null ? null : code.trim().toUpperCase(Locale.ROOT), dateOfService, "CPT/HCPCS procedure");
    }

    public CodeCheck checkModifier(String modifier, LocalDate dateOfService) {
        return check(List.of(CodeSystem.MODIFIER), modifier == null ? null : modifier.trim().toUpperCase(Locale.ROOT), dateOfService, "modifier");
    }

    /** ICD-10-CM codes are stored without the dot, as in the CMS order file. */
    public static String normalizeIcd(String code) {
        return code == null ? null : code.trim().replace(".", "").toUpperCase(Locale.ROOT);
    }

    private CodeCheck check(List<CodeSystem> systems, String code, LocalDate dos, String kind) {
        if (code == null || code.isBlank()) {
            return CodeCheck.refused("", kind + " code is empty");
        }
        List<CodeSetEntry> versions = codes.findByCodeSystemInAndCode(systems, code);
        if (versions.isEmpty()) {
            return CodeCheck.refused(code, kind + " code " + code + " is not in the loaded code set");
        }
        Optional<CodeSetEntry> onDate = versions.stream().filter(v -> v.isValidOn(dos)).findFirst();
        if (onDate.isEmpty()) {
            CodeSetEntry latest = versions.stream().max(Comparator.comparing(CodeSetEntry::getValidFrom)).orElseThrow();
            return CodeCheck.refused(code, kind + " code " + code + " is not valid on the date of service " + dos
                    + " (valid " + latest.getValidFrom() + " to " + (latest.getValidTo() == null ? "today" : latest.getValidTo()) + ")");
        }
        if (!onDate.get().isBillable()) {
            return CodeCheck.refused(code, kind + " code " + code + " is a header code, not billable: code to the highest specificity");
        }
        return CodeCheck.ok(code);
    }

    /** The payer's allowed amount for a code on a date, preferring an entry for the exact modifier. */
    public Optional<BigDecimal> allowedAmount(String payerId, String code, String modifier, LocalDate dos) {
        return fees.findByPayerIdAndCode(payerId, code).stream()
                .filter(f -> !dos.isBefore(f.getValidFrom()) && (f.getValidTo() == null || !dos.isAfter(f.getValidTo())))
                .filter(f -> f.getModifier() == null || f.getModifier().equalsIgnoreCase(modifier))
                .max(Comparator.comparing((FeeScheduleEntry f) -> f.getModifier() != null).thenComparing(FeeScheduleEntry::getValidFrom))
                .map(FeeScheduleEntry::getAllowedAmount);
    }

    /** Code look-up for coders: exact code first, then prefix matches, then description words; billable before headers. */
    public List<CodeSetEntry> search(String query, int limit) {
        if (query == null || query.isBlank()) return List.of();
        String q = query.trim();
        String codePrefix = normalizeIcd(q) + "%";
        String words = "%" + q.toLowerCase(Locale.ROOT) + "%";
        List<CodeSetEntry> found = codes.search(List.of(CodeSystem.ICD10CM, CodeSystem.CPT, CodeSystem.HCPCS), codePrefix, words, PageRequest.of(0, limit * 2));
        String exact = normalizeIcd(q);
        return found.stream()
                .sorted(Comparator.comparing((CodeSetEntry c) -> !c.getCode().equals(exact))
                        .thenComparing(c -> !c.getCode().startsWith(exact))
                        .thenComparing(c -> !c.isBillable())
                        .thenComparing(CodeSetEntry::getCode))
                .limit(limit)
                .toList();
    }

    @Transactional
    public void savePayer(Payer payer) {
        payers.save(payer);
    }

    @Transactional
    public void saveProvider(Provider provider) {
        providers.save(provider);
    }

    @Transactional
    public void saveCodes(List<CodeSetEntry> entries) {
        codes.saveAll(entries);
    }

    @Transactional
    public void saveFees(List<FeeScheduleEntry> entries) {
        fees.saveAll(entries);
    }

    public long codeCount() {
        return codes.count();
    }
}
