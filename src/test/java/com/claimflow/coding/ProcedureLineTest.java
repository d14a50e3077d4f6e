package com.claimflow.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.claimflow.base.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcedureLineTest {
    @Test
    void readsCodeModifiersUnitsAndPointers() {
        ProcedureLine line = ProcedureLine.parse("20610 rt 59 2 1,3", "line 1");
        assertThat(line.code()).isEqualTo("20610");
        assertThat(line.modifiers()).containsExactly("RT", "59");
        assertThat(line.units()).isEqualTo(2);
        assertThat(line.pointers()).containsExactly(1, 3);
        assertThat(ProcedureLine.parse(line.format(), "again")).isEqualTo(line);
    }

    @Test
    void aBareCodeIsOneUnitForTheFirstDiagnosis() {
        ProcedureLine line = ProcedureLine.parse("J1100", "line 1");
        assertThat(line.units()).isEqualTo(1);
        assertThat(line.pointers()).isEqualTo(List.of(1));
        assertThat(line.modifiers()).isEmpty();
    }

    @Test
    void badPartsAreRefusedNamingTheLine() {
        assertThatThrownBy(() -> ProcedureLine.parse("9921 1 1", "procedureLines line 2"))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("procedureLines line 2:").hasMessageContaining("not a CPT or HCPCS code");
        assertThatThrownBy(() -> ProcedureLine.parse("99213 x 1", "line 3")).hasMessageContaining("units 'x'");
        assertThatThrownBy(() -> ProcedureLine.parse("99213 0 1", "line 3")).hasMessageContaining("units must be 1 or more");
        assertThatThrownBy(() -> ProcedureLine.parse("99213 1 1,2,3,4,5", "line 4")).hasMessageContaining("at most 4 diagnosis pointers");
        assertThatThrownBy(() -> ProcedureLine.parse("99213 1 13", "line 4")).hasMessageContaining("between 1 and 12");
        assertThatThrownBy(() -> ProcedureLine.parse("99213 ABC 1 1", "line 5")).hasMessageContaining("modifier 'ABC'");
    }
}
