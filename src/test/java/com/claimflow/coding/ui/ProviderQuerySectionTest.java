package com.claimflow.coding.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.coding.CodingProcess;
import com.claimflow.coding.ProviderQueries;
import com.claimflow.identity.Worker;
import com.claimflow.support.Encounters;
import com.claimflow.support.ProcessDriver;
import com.claimflow.support.ui.KaribuTestBase;
import com.claimflow.workqueue.WorkItem;
import com.claimflow.workqueue.ui.TaskView;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The coding task that resumes after a provider query shows the question and the answer. */
class ProviderQuerySectionTest extends KaribuTestBase {
    @Autowired ProviderQueries queries;
    @Autowired ProcessDriver driver;

    @Test
    void theResumedCodingTaskShowsTheQuestionAndTheAnswer() {
        long encounterId = open(Encounters.visit().request());
        WorkItem first = awaitTask(encounterId, CodingProcess.CODE_ENCOUNTER_TASK);
        Worker coder = new Worker(uniqueUser("coder"), Set.of("coders"));
        queues.complete(first.taskId(), Map.of(CodingProcess.QUERY_PROVIDER, true, "providerQuestion", "which knee was injected?"), coder);
        driver.runJobs();
        queries.answer(encounterId, "the left knee", coder);
        WorkItem resumed = awaitTask(encounterId, CodingProcess.CODE_ENCOUNTER_TASK);

        login(coder.userId(), "coders");
        TaskView.open(resumed.taskId());

        String section = _get(VerticalLayout.class, s -> s.withId("provider-query")).getElement().getTextRecursively();
        assertThat(section).contains("Provider query", "which knee was injected?", "the left knee").doesNotContain("No answer yet");
    }
}
