package com.claimflow.scrub.edits;

import com.claimflow.reference.Ncci;
import com.claimflow.scrub.ClaimEdit;
import com.claimflow.scrub.ClaimSnapshot.Line;
import com.claimflow.scrub.Finding;
import com.claimflow.scrub.Finding.Owner;
import com.claimflow.scrub.ScrubSubject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Medically unlikely edits: the units of a code on the date of service above its MUE value. The MUE adjudication
 * indicator (MAI) of the CMS MUE file decides the scope: 1 (line edit) checks each line; 2 (date of service edit:
 * policy) and 3 (date of service edit: clinical) add up every line of the code on the claim (its one date of service).
 * Practitioner MUEs for professional claims; facility (outpatient hospital) MUEs for institutional claims of an
 * outpatient type of bill only ({@link Ncci#appliesTo}), not inpatient bills.
 */
@Component
public class MueEdit implements ClaimEdit {
    static final String ID = "MUE";

    private final Ncci ncci;

    public MueEdit(Ncci ncci) {
        this.ncci = ncci;
    }

    @Override
    public List<Finding> check(ScrubSubject s) {
        if (s.claim().dateOfService() == null) return List.of();
        if (!Ncci.appliesTo(s.claim().claimType(), s.claim().facilityTypeCode())) return List.of();
        String setting = Ncci.mueSetting(s.claim().claimType());
        List<Line> lines = s.claim().lines();
        Map<String, long[]> perCode = new LinkedHashMap<>(); // code -> {units, first line}; long: many lines of large units add up
        List<Finding> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.code() == null) continue;
            String code = line.code().toUpperCase(Locale.ROOT);
            Optional<Ncci.MueLimit> limit = ncci.mue(setting, code, s.claim().dateOfService());
            if (limit.isEmpty()) continue;
            if (limit.get().perLine()) {
                if (line.units() > limit.get().value()) found.add(finding("line " + (i + 1), code, line.units(), limit.get(), "on one line"));
            } else {
                int first = i;
                perCode.computeIfAbsent(code, c -> new long[] {0, first})[0] += line.units();
            }
        }
        perCode.forEach((code, u) -> {
            Ncci.MueLimit limit = ncci.mue(setting, code, s.claim().dateOfService()).orElseThrow();
            if (u[0] > limit.value()) found.add(finding("line " + (u[1] + 1), code, u[0], limit, "on the date of service"));
        });
        return found;
    }

    private static Finding finding(String where, String code, long units, Ncci.MueLimit limit, String scope) {
        return Finding.error(ID, Owner.CODER, where, units + " units of " + code + " " + scope + " exceed the medically unlikely edit of "
                + limit.value() + " (MUE adjudication indicator " + mai(limit.adjudicationIndicator())
                + "): correct the units, or split them only where the documentation supports it");
    }

    /** The MAI as the CMS MUE file states it: 1 line edit, 2 date of service edit: policy, 3 date of service edit: clinical. */
    static String mai(String indicator) {
        return switch (indicator.charAt(0)) {
            case '1' -> "1, line edit";
            case '2' -> "2, date of service edit: policy";
            case '3' -> "3, date of service edit: clinical";
            default -> indicator;
        };
    }
}
