package com.claimflow.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.reference.importer.ImportKind;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CodeSearchTest extends ReferenceTestContext {
    @Autowired ReferenceService reference;

    @BeforeEach
    void load() {
        emptyReferenceTables();
        importResource(ImportKind.ICD10CM, "codes/icd10cm_order_2026.txt");
        importResource(ImportKind.HCPCS, "codes/HCPC2026_JAN_ANWEB.txt");
        importResource(ImportKind.CPT, "codes/cpt_batch_2026.csv");
    }

    private List<String> codes(String query) {
        return reference.search(query, 10).stream().map(CodeSetEntry::code).toList();
    }

    @Test
    void exactCodeComesFirstThenPrefixMatchesBillableBeforeHeaders() {
        assertThat(codes("A00")).containsExactly("A00", "A000");
        assertThat(codes("A0")).containsExactly("A000", "A0428", "A00");
        assertThat(codes("M54")).containsExactly("M5450", "M545");
        assertThat(codes("m54.5")).containsExactly("M545", "M5450");
        assertThat(codes("9921")).containsExactly("99211", "99213", "99214");
    }

    @Test
    void descriptionWordsMatchInAnyOrderWithTheLastWordAsAPrefix() {
        assertThat(codes("diabetes type")).containsExactly("E119");
        assertThat(codes("back pa")).containsExactly("M5450", "M545");
        assertThat(codes("cholera")).containsExactly("A000", "A00");
        assertThat(codes("hypertension essential")).containsExactly("I10");
        assertThat(codes("no such words")).isEmpty();
    }

    @Test
    void deletedCodesAreNotOffered() {
        assertThat(codes("G0101")).isEmpty();
        assertThat(codes("J1100")).containsExactly("J1100");
    }
}
