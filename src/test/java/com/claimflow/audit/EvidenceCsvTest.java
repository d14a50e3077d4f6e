package com.claimflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.claimflow.base.BadInputException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EvidenceCsvTest {

    @Test
    void fieldsAreQuotedAsRfc4180SaysAndFormulasAreNeutralised() {
        assertThat(EvidenceCsv.cell("plain")).isEqualTo("plain");
        assertThat(EvidenceCsv.cell(null)).isEmpty();
        assertThat(EvidenceCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(EvidenceCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(EvidenceCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        for (String formula : new String[] {"=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"}) {
            assertThat(EvidenceCsv.cell(formula)).as(formula).contains("'" + formula.charAt(0));
        }
        assertThat(EvidenceCsv.cell("=HYPERLINK(\"x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
        assertThat(EvidenceCsv.cell(12)).isEqualTo("12");
    }

    @Test
    void rowsEndInCrLf() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (EvidenceCsv csv = new EvidenceCsv(out)) {
            csv.row("a", "b").row(1, null);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a,b\r\n1,\r\n");
    }

    @Test
    void aPeriodIsCheckedNamingTheParameter() {
        LocalDate today = LocalDate.of(2026, 12, 7);
        assertThat(EvidencePeriod.parse(null, null, today)).isEqualTo(new EvidencePeriod(LocalDate.of(2026, 11, 8), today));
        assertThat(EvidencePeriod.parse("2026-01-01", "2026-12-31", today).toExclusive()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThatThrownBy(() -> EvidencePeriod.parse("2026-12-08", "2026-12-07", today)).isInstanceOfSatisfying(BadInputException.class,
                e -> assertThat(e.field()).isEqualTo("from"));
        assertThatThrownBy(() -> EvidencePeriod.parse("2024-12-31", "2026-01-01", today)).isInstanceOfSatisfying(BadInputException.class,
                e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> EvidencePeriod.parse("2026-02-30", null, today)).isInstanceOfSatisfying(BadInputException.class,
                e -> assertThat(e.field()).isEqualTo("from"));
    }
}
