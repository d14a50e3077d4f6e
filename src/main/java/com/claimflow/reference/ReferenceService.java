package com.claimflow.reference;

import com.claimflow.reference.internal.CodeIndex;
import com.claimflow.reference.internal.CodeSetEntryEntity;
import com.claimflow.reference.internal.CodeSetRepository;
import com.claimflow.reference.internal.FeeScheduleEntryEntity;
import com.claimflow.reference.internal.FeeScheduleRepository;
import com.claimflow.reference.internal.PayerEntity;
import com.claimflow.reference.internal.PayerRepository;
import com.claimflow.reference.internal.ProviderEntity;
import com.claimflow.reference.internal.ProviderRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Supplier;
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
    private final CodeIndex index;
    /**
     * Payers and providers by id and fee schedule lines by payer and code, as read, for the lookups every stage makes (intake, claim, scrub, 837, inquiries: issue #17). Forgotten when this service saves
     * one and after every reference import ({@link #forgetPayersAndProviders}); whoever writes the tables otherwise calls
     * that too. Kept at most a minute, so an import on the cluster's other node is seen within that: a claim created there
     * in that minute is priced by the fees before the import, as one created a minute earlier would have been. A payer or
     * provider not on file, or a fee not found among the kept lines, is always read again: the biller who loads a missing
     * one to fix a refusal or a claim's scrub edit sees the next check find it, whichever node runs it.
     */
    private final ConcurrentMap<String, Kept<Payer>> payerCache = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Kept<Provider>> providerCache = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Kept<List<Fee>>> feeCache = new ConcurrentHashMap<>();
    /** How long a row read is kept: the bound on how late the cluster's other node sees a payer or provider import. */
    static final long KEEP_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    /** Rows kept per table at most; past it a row read is not kept. */
    static final int MAX_KEPT = 100_000;

    /** A fee schedule line as kept: the entity's values, not the managed entity. */
    private record Fee(String modifier, BigDecimal allowed, LocalDate from, LocalDate to) {
        boolean validOn(LocalDate dos) {
            return !dos.isBefore(from) && (to == null || !dos.isAfter(to));
        }
    }

    private record Kept<T>(Optional<T> row, long readAt) {
        boolean fresh() {
            return System.nanoTime() - readAt < KEEP_NANOS;
        }
    }

    public ReferenceService(PayerRepository payers, ProviderRepository providers, CodeSetRepository codes, FeeScheduleRepository fees,
                            CodeIndex index) {
        this.index = index;
        this.payers = payers;
        this.providers = providers;
        this.codes = codes;
        this.fees = fees;
    }

    public Optional<Payer> payer(String id) {
        if (id == null) return Optional.empty();
        return kept(payerCache, id, () -> payers.findById(id).map(PayerEntity::toRecord));
    }

    public List<Payer> payers() {
        return payers.findAll(org.springframework.data.domain.Sort.by("name")).stream().map(PayerEntity::toRecord).toList();
    }

    public Optional<Provider> provider(String npi) {
        if (npi == null) return Optional.empty();
        return kept(providerCache, npi, () -> providers.findById(npi).map(ProviderEntity::toRecord));
    }

    private static <T> Optional<T> kept(ConcurrentMap<String, Kept<T>> cache, String key, Supplier<Optional<T>> read) {
        return kept(cache, key, read, Optional::of);
    }

    /**
     * The {@code answer} of the row kept under {@code key} while it is fresh and answers, else of the row read again and
     * kept: a row not on file, or one that does not answer (no fee line for that date), is always asked again, so whoever
     * loads it to fix a refusal or a scrub edit sees the next check find it, on any node.
     */
    private static <T, R> Optional<R> kept(ConcurrentMap<String, Kept<T>> cache, String key, Supplier<Optional<T>> read,
                                           Function<T, Optional<R>> answer) {
        Kept<T> known = cache.get(key);
        if (known != null && known.fresh()) {
            Optional<R> answered = known.row().flatMap(answer);
            if (answered.isPresent()) return answered;
        }
        Optional<T> row = read.get();
        if (cache.size() < MAX_KEPT) cache.put(key, new Kept<>(row, System.nanoTime()));
        return row.flatMap(answer);
    }

    /**
     * Forget the payers, providers and fee schedule lines read so far (after writing them other than through this service;
     * the importers call it).
     */
    public void forgetPayersAndProviders() {
        payerCache.clear();
        providerCache.clear();
        feeCache.clear();
    }

    /** Forget now, and again once the writing transaction has committed (a read in between may have kept the old row). */
    private void forgetAfterCommit() {
        forgetPayersAndProviders();
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            forgetPayersAndProviders();
                        }
                    });
        }
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
        CodeIndex.Version onDate = null;
        CodeIndex.Version latest = null;
        for (CodeIndex.Version v : index.versions(code)) {
            if (!systems.contains(v.system())) continue;
            if (latest == null || v.from().isAfter(latest.from())) latest = v;
            if (onDate == null && v.validOn(dos)) onDate = v;
        }
        if (latest == null) {
            return CodeCheck.unknown(code, kind + " code " + code + " is not in the loaded code set");
        }
        if (onDate == null) {
            return CodeCheck.refused(code, kind + " code " + code + " is not valid on the date of service " + dos
                    + " (valid " + latest.from() + " to " + (latest.to() == null ? "today" : latest.to()) + ")");
        }
        if (!onDate.billable()) {
            return CodeCheck.refused(code, kind + " code " + code + " is a header code, not billable: code to the highest specificity");
        }
        return CodeCheck.ok(code);
    }

    /** The payer's allowed amount for a code on a date, preferring an entry for the exact modifier. */
    public Optional<BigDecimal> allowedAmount(String payerId, String code, String modifier, LocalDate dos) {
        if (payerId == null || code == null) return Optional.empty();
        return kept(feeCache, payerId + '|' + code, () -> Optional.of(feeLines(payerId, code)), lines -> allowed(lines, modifier, dos));
    }

    private List<Fee> feeLines(String payerId, String code) {
        return fees.findByPayerIdAndCode(payerId, code).stream()
                .map(f -> new Fee(f.getModifier(), f.getAllowedAmount(), f.getValidFrom(), f.getValidTo())).toList();
    }

    private static Optional<BigDecimal> allowed(List<Fee> lines, String modifier, LocalDate dos) {
        return lines.stream()
                .filter(f -> f.validOn(dos))
                .filter(f -> f.modifier() == null || f.modifier().equalsIgnoreCase(modifier))
                .max(Comparator.comparing((Fee f) -> f.modifier() != null).thenComparing(Fee::from))
                .map(Fee::allowed);
    }

    /**
     * Code look-up for coders (ICD-10-CM, CPT, HCPCS): exact code first, then codes starting with the query, then codes
     * whose description holds every word typed (the last as a prefix); billable before header codes within each.
     * Served from memory ({@link CodeIndex}); the entries returned are not managed.
     */
    public List<CodeSetEntry> search(String query, int limit) {
        return index.search(query, limit).stream()
                .map(v -> new CodeSetEntry(v.system(), v.code(), v.billable(), v.description(), v.from(), v.to()))
                .toList();
    }

    /** Forget the in-memory code sets (after writing code_set_entry other than through this service or the importers). */
    public void reloadCodes() {
        index.reload();
    }

    @Transactional
    public void savePayer(Payer payer) {
        payers.save(new PayerEntity(payer));
        forgetAfterCommit();
    }

    @Transactional
    public void saveProvider(Provider provider) {
        providers.save(new ProviderEntity(provider));
        forgetAfterCommit();
    }

    @Transactional
    public void saveCodes(List<CodeSetEntry> entries) {
        codes.saveAll(entries.stream().map(CodeSetEntryEntity::new).toList());
        index.reload();
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            index.reload();
                        }
                    });
        }
    }

    @Transactional
    public void saveFees(List<FeeScheduleEntry> entries) {
        fees.saveAll(entries.stream().map(FeeScheduleEntryEntity::new).toList());
        forgetAfterCommit();
    }

    public long codeCount() {
        return codes.count();
    }
}
