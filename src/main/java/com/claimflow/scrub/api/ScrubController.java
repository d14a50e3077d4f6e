package com.claimflow.scrub.api;

import com.claimflow.base.BadInputException;
import com.claimflow.scrub.ClaimSnapshot;
import com.claimflow.scrub.Finding;
import com.claimflow.scrub.ScrubService;
import com.fasterxml.jackson.annotation.JsonAlias;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/scrub}: runs every edit over a claim given as JSON and returns every finding; nothing is saved.
 * Other systems pre-check claims this way. Any signed-in user. A claim over the 837's line limit, with a date out of
 * range, a null modifier or pointer, or a charge beyond the column's precision is refused with a 400 naming the field.
 */
@RestController
@RequestMapping("/api/scrub")
public class ScrubController {
    private final ScrubService scrub;

    public ScrubController(ScrubService scrub) {
        this.scrub = scrub;
    }

    public record Patient(LocalDate birthDate, String sex) {
    }

    /**
     * {@code revenueCode} on institutional claims; a charge has the claim_line column's precision (12 digits, 2 after the
     * point). Units are read as a number and must be whole (the claim line holds whole units, SV104/SV205): 1.5 is refused
     * rather than cut to 1.
     */
    public record Line(String code, List<@NotNull String> modifiers, BigDecimal units, @Digits(integer = 10, fraction = 2) BigDecimal charge,
                       List<@NotNull Integer> pointers, String revenueCode) {
    }

    /**
     * The claim to check; {@code claimType} defaults to PROFESSIONAL, {@code totalCharge} to the sum of the lines;
     * {@code facilityTypeCode} (type of bill) and {@code admittedAt} (inpatient and home health bills) on institutional claims.
     */
    public record ClaimRequest(String claimType, String payerId, String memberId,
                               @JsonAlias("billingProviderNpi") String billingNpi, @JsonAlias("renderingProviderNpi") String renderingNpi,
                               @JsonAlias("referringProviderNpi") String referringNpi, String placeOfService, @NotNull LocalDate dateOfService, Patient patient, String priorAuthorization,
                               @JsonAlias("diagnosisCodes") List<String> diagnoses, @Valid List<Line> lines,
                               @Digits(integer = 10, fraction = 2) BigDecimal totalCharge,
                               String facilityTypeCode, LocalDateTime admittedAt) {
    }

    public record ScrubAnswer(boolean clean, long errors, long warnings, List<Finding> findings) {
    }

    @PostMapping
    public ScrubAnswer scrub(@Valid @RequestBody ClaimRequest claim) {
        List<Line> given = claim.lines() == null ? List.of() : claim.lines().stream().filter(Objects::nonNull).toList();
        List<ClaimSnapshot.Line> lines = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            Line l = given.get(i);
            lines.add(new ClaimSnapshot.Line(l.code(), l.modifiers(), wholeUnits("lines[" + i + "].units", l.units()), l.charge(), l.pointers(),
                    l.revenueCode()));
        }
        BigDecimal total = claim.totalCharge() != null ? claim.totalCharge()
                : lines.stream().map(ClaimSnapshot.Line::charge).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<String> diagnoses = claim.diagnoses() == null ? List.of()
                : claim.diagnoses().stream().filter(d -> d != null && !d.isBlank()).map(String::trim).toList();
        ClaimSnapshot snapshot = new ClaimSnapshot(null, null, claim.claimType() == null ? "PROFESSIONAL" : claim.claimType(), claim.payerId(),
                claim.memberId(), claim.billingNpi(), claim.renderingNpi(), claim.referringNpi(), claim.placeOfService(), claim.dateOfService(),
                claim.patient() == null ? null : claim.patient().birthDate(), claim.patient() == null ? null : claim.patient().sex(),
                claim.priorAuthorization(), diagnoses, lines, total, claim.facilityTypeCode(), null, claim.admittedAt());
        List<Finding> findings = scrub.checkPosted(snapshot);
        long errors = findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR).count();
        return new ScrubAnswer(errors == 0, errors, findings.size() - errors, findings);
    }

    private static int wholeUnits(String field, BigDecimal units) {
        if (units == null) return 0;
        try {
            return units.stripTrailingZeros().intValueExact();
        } catch (ArithmeticException e) {
            throw new BadInputException(field, "units must be a whole number (the service line's unit count), not " + units.toPlainString());
        }
    }
}
