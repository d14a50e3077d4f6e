package com.claimflow.reference.importer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The reference files an admin can import; {@link #slug()} is the {@code {kind}} of {@code POST /api/admin/imports/{kind}}. */
public enum ImportKind {
    NCCI_PTP_PRACTITIONER("NCCI practitioner file"),
    NCCI_PTP_HOSPITAL("NCCI hospital file"),
    MUE_PRACTITIONER("MUE practitioner file"),
    MUE_FACILITY("MUE facility file"),
    ICD10CM("ICD-10-CM order file"),
    HCPCS("HCPCS alpha-numeric file"),
    CPT("CPT file"),
    MODIFIER("modifier file"),
    POS("place-of-service file"),
    CARC("CARC file"),
    RARC("RARC file"),
    PAYER("payer file"),
    PROVIDER("provider file"),
    FEE_SCHEDULE("fee schedule file"),
    EXCLUDES1("ICD-10-CM Excludes1 file");

    private final String label;

    ImportKind(String label) {
        this.label = label;
    }

    /** How an error message names the file type: {@code NCCI practitioner file}. */
    public String label() {
        return label;
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<ImportKind> ofSlug(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug().equalsIgnoreCase(slug) || k.name().equalsIgnoreCase(slug)).findFirst();
    }
}
