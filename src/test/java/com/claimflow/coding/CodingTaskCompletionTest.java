package com.claimflow.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.claimflow.base.BadInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodingTaskCompletionTest {
    private static Map<String, Object> form(String field, Object value) {
        Map<String, Object> form = new HashMap<>();
        form.put(field, value);
        return form;
    }

    @Test
    void yesNoFieldsAreBooleansOrTheirWordsAndAnythingElseIsRefusedNamingTheField() {
        assertThat(CodingTaskCompletion.flag(form("queryProvider", true), "queryProvider")).isTrue();
        assertThat(CodingTaskCompletion.flag(form("queryProvider", "true"), "queryProvider")).isTrue();
        assertThat(CodingTaskCompletion.flag(form("queryProvider", " TRUE "), "queryProvider")).isTrue();
        assertThat(CodingTaskCompletion.flag(form("queryProvider", false), "queryProvider")).isFalse();
        assertThat(CodingTaskCompletion.flag(form("queryProvider", "false"), "queryProvider")).isFalse();
        assertThat(CodingTaskCompletion.flag(form("queryProvider", null), "queryProvider")).isFalse();
        assertThat(CodingTaskCompletion.flag(Map.of(), "queryProvider")).isFalse();
        for (Object bad : new Object[] {"yes", "no", 1, 0, "", List.of(true), Map.of("a", 1)}) {
            assertThatThrownBy(() -> CodingTaskCompletion.flag(form("queryProvider", bad), "queryProvider")).as(String.valueOf(bad))
                    .isInstanceOf(BadInputException.class).hasMessageStartingWith("queryProvider: must be true or false");
        }
    }

    @Test
    void textFieldsRefuseNumbersListsAndObjectsNamingTheField() {
        assertThat(CodingTaskCompletion.text(form("diagnosisCodes", "I10"), "diagnosisCodes", "x")).isEqualTo("I10");
        assertThat(CodingTaskCompletion.text(form("diagnosisCodes", null), "diagnosisCodes", "x")).isNull();
        for (Object bad : new Object[] {10, 1.5, true, List.of("I10"), Map.of("code", "I10")}) {
            assertThatThrownBy(() -> CodingTaskCompletion.text(form("diagnosisCodes", bad), "diagnosisCodes", "\"I10\"")).as(String.valueOf(bad))
                    .isInstanceOf(BadInputException.class).hasMessageStartingWith("diagnosisCodes: must be text, e.g. \"I10\"");
        }
    }
}
