package com.claimflow.reference.importer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The release date a CMS file name carries, as CMS names its NCCI files: the MUE tables
 * {@code MCR_MUE_PractitionerServices_Eff_01-01-2026.csv} and {@code MCR_MUE_OutpatientHospitalServices_Eff_04-01-2026.csv}
 * ({@code _Eff_MM-DD-YYYY}); the PTP files {@code ccipra-v320r0-f1.TXT} and {@code ccioph-v323r0-f1.TXT} (version
 * {@code vYYQr}: major version = year - 1994, the digit after it the quarter from 0, so v32.0 is January 2026); and a
 * quarter such as {@code 2026Q1}, {@code 2026-Q1} or {@code AOC_V2026Q1}.
 */
final class CmsFileNames {
    private static final Pattern EFFECTIVE = Pattern.compile("Eff[-_ ]?(\\d{2})[-_]?(\\d{2})[-_]?(\\d{4})", Pattern.CASE_INSENSITIVE);
    private static final Pattern NCCI_VERSION = Pattern.compile("(?:^|[^0-9A-Z])v(\\d{2})([0-3])r\\d+", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUARTER = Pattern.compile("(20\\d\\d)[-_ ]?Q([1-4])", Pattern.CASE_INSENSITIVE);
    /** NCCI version 1.0 took effect in 1995 (so version 32 is 2026). */
    private static final int NCCI_VERSION_YEAR_OFFSET = 1994;

    private CmsFileNames() {
    }

    /** The first day the file applies from, or null when its name carries no CMS release date. */
    static LocalDate releaseDate(String fileName) {
        if (fileName == null) return null;
        Matcher m = EFFECTIVE.matcher(fileName);
        if (m.find()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            } catch (DateTimeException e) {
                return null;
            }
        }
        m = NCCI_VERSION.matcher(fileName);
        if (m.find()) return LocalDate.of(NCCI_VERSION_YEAR_OFFSET + Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)) * 3 + 1, 1);
        m = QUARTER.matcher(fileName);
        if (m.find()) return LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
        return null;
    }
}
