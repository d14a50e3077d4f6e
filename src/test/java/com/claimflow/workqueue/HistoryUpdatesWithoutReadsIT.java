package com.claimflow.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.support.ApiTestBase;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine's history keeps who holds a task and since when, although claims are written without reading the
 * history rows first (HistoryUpdatesWithoutReads): on the product's database profile, with a task shaped like the
 * product's (candidate group, a non-interrupting SLA timer on it).
 */
class HistoryUpdatesWithoutReadsIT extends ApiTestBase {
    private static final String PROCESS = "history-updates-check";

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired ProcessEngineConfigurationImpl engine;
    @Autowired JdbcTemplate jdbc;

    private String deployment;
    private String instance;
    private String taskId;

    @BeforeEach
    void deployAndStart() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Work").name("Work").camundaCandidateGroups("coders")
                .boundaryEvent("Warn").cancelActivity(false).timerWithDuration("P3D").endEvent()
                .moveToActivity("Work").endEvent()
                .done();
        deployment = repository.createDeployment().addModelInstance(PROCESS + ".bpmn", model).deploy().getId();
        instance = runtime.startProcessInstanceByKey(PROCESS).getId();
        taskId = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
    }

    @AfterEach
    void undeploy() {
        repository.deleteDeployment(deployment, true);
    }

    @Test
    void claimAndReleaseReachTheTaskAndActivityHistoryAndKeepTheirStartTimes() {
        HistoricTaskInstance created = historicTask();
        HistoricActivityInstance started = historicActivity();

        tasks.claim(taskId, "coder1");

        assertThat(historicTask().getAssignee()).isEqualTo("coder1");
        assertThat(historicTask().getStartTime()).isEqualTo(created.getStartTime());
        assertThat(historicTask().getEndTime()).isNull();
        assertThat(historicActivity().getAssignee()).isEqualTo("coder1");
        assertThat(historicActivity().getStartTime()).isEqualTo(started.getStartTime());

        tasks.setAssignee(taskId, null);
        assertThat(historicTask().getAssignee()).isNull();
        assertThat(historicActivity().getAssignee()).isNull();

        tasks.claim(taskId, "coder2");
        tasks.complete(taskId);
        assertThat(historicTask().getAssignee()).isEqualTo("coder2");
        // stored, not computed by the query; its value follows the engine clock, which other tests may have moved
        assertThat(storedDuration("ACT_HI_TASKINST", taskId))
                .isNotNull().isNotNegative();
        assertThat(storedDuration("ACT_HI_ACTINST", started.getId()))
                .isNotNull().isNotNegative();
    }

    @Test
    void aTaskAssignedAndCompletedInOneEngineCommandStillGetsItsDuration() {
        HistoricActivityInstance started = historicActivity();

        engine.getCommandExecutorTxRequired().execute(context -> {
            tasks.claim(taskId, "coder1"); // the activity's update event, written without the read
            tasks.complete(taskId);        // its end, in the same command
            return null;
        });

        HistoricActivityInstance ended = historicActivity();
        // (its ASSIGNEE_ stays empty here: Camunda's end event of the activity does not write the assignee; one command only)
        assertThat(ended.getStartTime()).isEqualTo(started.getStartTime());
        // the stored column: the query's getter would compute a missing duration from the two times
        assertThat(storedDuration("ACT_HI_ACTINST", ended.getId()))
                .isNotNull().isNotNegative();
        assertThat(historicTask().getAssignee()).isEqualTo("coder1");
        assertThat(storedDuration("ACT_HI_TASKINST", taskId)).isNotNull();
    }

    private Long storedDuration(String table, String id) {
        return jdbc.queryForObject("select DURATION_ from " + table + " where ID_ = ?", Long.class, id);
    }

    private HistoricTaskInstance historicTask() {
        return history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
    }

    private HistoricActivityInstance historicActivity() {
        return history.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId("Work").singleResult();
    }
}
