package com.claimflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.coding.CodingProcess;
import com.claimflow.collections.CollectionsProcess;
import com.claimflow.collections.PaymentPlanProcess;
import com.claimflow.denial.DenialProcess;
import com.claimflow.intake.EncounterProcess;
import com.claimflow.remittance.AdjudicationProcess;
import com.claimflow.remittance.PayerFileExceptionProcess;
import com.claimflow.scrub.ScrubbingProcess;
import com.claimflow.sla.SlaPolicy;
import com.claimflow.submission.SubmissionProcess;
import com.claimflow.workqueue.TaskPriority;
import com.claimflow.workqueue.TaskVariables;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The models in {@code processes/} are complete enough for Camunda Modeler to draw them, follow the
 * conventions of {@code docs/process-model.md}, and use the names the Java side holds as constants. Paths are
 * relative to the project root (Maven's working directory).
 */
class ModelsDrawTest {

  static final Path PROCESSES = Path.of("processes");
  static final Path FORMS = Path.of("forms");
  static final String RETRY_CYCLE = "R5/PT5M";
  /** Decision 0015: service tasks in the transaction of the boundary before them (see the test below). */
  static final Set<String> JOIN_THE_TRANSACTION_THAT_REACHES_THEM =
      Set.of("CheckEligibility", "CreateClaim", "ScrubClaim", "SubmitClaim");
  static final Set<String> GROUPS = Set.of("coders", "billers", "leads", "compliance");
  static final Path CONTRACT = Path.of("docs", "process-model.md");
  /** The classes holding the names of the contract: one per process, plus those of the work queue and the SLA timers. */
  static final List<Class<?>> NAMES = List.of(TaskVariables.class, TaskPriority.class, SlaPolicy.class, EncounterProcess.class,
      CodingProcess.class, ScrubbingProcess.class, SubmissionProcess.class, AdjudicationProcess.class,
      PayerFileExceptionProcess.class, DenialProcess.class, CollectionsProcess.class, PaymentPlanProcess.class);

  static List<Path> bpmnFiles() throws IOException {
    return files(PROCESSES, ".bpmn");
  }

  static List<Path> dmnFiles() throws IOException {
    return files(PROCESSES, ".dmn");
  }

  static List<Path> files(Path dir, String suffix) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  static BpmnModelInstance read(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Bpmn.validateModel(model);
    return model;
  }

  static String baseName(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.lastIndexOf('.'));
  }

  @Test
  void everyProcessOfTheContractHasItsFile() throws IOException {
    assertThat(bpmnFiles()).extracting(ModelsDrawTest::baseName).contains("encounter", "intake", "coding",
        "scrubbing", "submission", "adjudication", "denial", "collections", "payer-file-exception", "credit-balance",
        "payment-plan");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void oneExecutableProcessWithHistoryTimeToLive(Path file) {
    BpmnModelInstance model = read(file);
    assertThat(model.getModelElementsByType(Process.class)).singleElement().satisfies(process -> {
      assertThat(process.getId()).isEqualTo(baseName(file));
      assertThat(process.isExecutable()).as("%s isExecutable", file).isTrue();
      assertThat(process.getCamundaHistoryTimeToLiveString()).as("%s historyTimeToLive", file).isNotBlank();
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void everyFlowNodeHasAShapeAndEverySequenceFlowAnEdge(Path file) {
    BpmnModelInstance model = read(file);
    Set<String> shaped = new TreeSet<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      assertThat(shape.getBpmnElement()).as("%s: %s points to an element", file, shape.getId()).isNotNull();
      assertThat(shape.getBounds()).as("%s: bounds of %s", file, shape.getId()).isNotNull();
      shaped.add(shape.getBpmnElement().getId());
    }
    Set<String> edged = new TreeSet<>();
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      assertThat(edge.getBpmnElement()).as("%s: %s points to an element", file, edge.getId()).isNotNull();
      assertThat(edge.getWaypoints()).as("%s: waypoints of %s", file, edge.getId()).hasSizeGreaterThanOrEqualTo(2);
      edged.add(edge.getBpmnElement().getId());
    }
    Set<String> nodes = ids(model.getModelElementsByType(FlowNode.class));
    Set<String> flows = ids(model.getModelElementsByType(SequenceFlow.class));
    assertThat(nodes).as("%s: flow nodes without a BPMNShape", file).isSubsetOf(shaped);
    assertThat(flows).as("%s: sequence flows without a BPMNEdge", file).isSubsetOf(edged);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void shapesDoNotOverlap(Path file) {
    BpmnModelInstance model = read(file);
    List<BpmnShape> shapes = new ArrayList<>(model.getModelElementsByType(BpmnShape.class));
    List<String> overlaps = new ArrayList<>();
    for (int i = 0; i < shapes.size(); i++) {
      for (int j = i + 1; j < shapes.size(); j++) {
        BpmnShape a = shapes.get(i);
        BpmnShape b = shapes.get(j);
        if (attached(a, b) || attached(b, a) || inside(a, b) || inside(b, a)) {
          continue;
        }
        if (overlap(a.getBounds(), b.getBounds())) {
          overlaps.add(a.getBpmnElement().getId() + " / " + b.getBpmnElement().getId());
        }
      }
    }
    assertThat(overlaps).as("%s: overlapping shapes", file).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void userTasksFollowTheConventions(Path file) {
    BpmnModelInstance model = read(file);
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String id = task.getId();
      assertThat(task.getCamundaCandidateGroups()).as("%s: candidate groups", id).isIn(GROUPS);
      assertThat(task.getCamundaFormRef()).as("%s: formRef", id).isNotBlank();
      assertThat(task.getCamundaFormRefBinding()).as("%s: formRefBinding", id).isEqualTo("deployment");
      assertThat(task.isCamundaAsyncAfter()).as("%s: asyncAfter", id).isTrue();
      assertThat(retryCycle(task)).as("%s: failedJobRetryTimeCycle", id).isEqualTo(RETRY_CYCLE);

      List<BoundaryEvent> boundaries = model.getModelElementsByType(BoundaryEvent.class).stream()
          .filter(b -> b.getAttachedTo() != null && id.equals(b.getAttachedTo().getId()))
          .toList();
      assertThat(boundaries).as("%s: boundary events", id).hasSize(2).allSatisfy(b -> {
        assertThat(b.cancelActivity()).as("%s is non-interrupting", b.getId()).isFalse();
        assertThat(b.getEventDefinitions()).as("%s is a timer", b.getId()).singleElement()
            .isInstanceOf(TimerEventDefinition.class);
      });
      assertThat(boundaries).extracting(BaseElement::getId)
          .containsExactlyInAnyOrder(id + "SlaWarning", id + "SlaEscalation");
      assertThat(timeDuration(model, id + "SlaWarning"))
          .isEqualTo("${slaPolicy.warnAfter(execution, '" + id + "')}");
      assertThat(timeDuration(model, id + "SlaEscalation"))
          .isEqualTo("${slaPolicy.escalateAfter(execution, '" + id + "')}");
      ServiceTask warn = model.getModelElementById(id + "Warn");
      ServiceTask escalate = model.getModelElementById(id + "Escalate");
      assertThat(warn).as("%sWarn", id).isNotNull();
      assertThat(escalate).as("%sEscalate", id).isNotNull();
      assertThat(warn.getCamundaDelegateExpression()).isEqualTo("${slaWarningDelegate}");
      assertThat(escalate.getCamundaDelegateExpression()).isEqualTo("${slaEscalationDelegate}");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void serviceTasksAreAsyncWithRetries(Path file) {
    BpmnModelInstance model = read(file);
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      assertThat(task.getCamundaDelegateExpression()).as("%s: delegateExpression", task.getId())
          .matches("\\$\\{[A-Za-z][A-Za-z0-9]*\\}");
      if (JOIN_THE_TRANSACTION_THAT_REACHES_THEM.contains(task.getId())) continue;
      assertThat(task.isCamundaAsyncBefore()).as("%s: asyncBefore", task.getId()).isTrue();
      assertThat(retryCycle(task)).as("%s: failedJobRetryTimeCycle", task.getId()).isEqualTo(RETRY_CYCLE);
    }
  }

  /**
   * Decision 0015: a service task that works only in this database and is always reached from another async boundary
   * (a job, a person's completion, the caller's transaction) joins that transaction instead of being a job of its own.
   * It says so, carries no retry cycle of its own, and no timer or message catch carries it in its transaction.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void serviceTasksWithoutABoundaryJoinOneAndSaySo(Path file) {
    BpmnModelInstance model = read(file);
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      if (task.isCamundaAsyncBefore()) continue;
      String id = task.getId();
      assertThat(JOIN_THE_TRANSACTION_THAT_REACHES_THEM).as("%s: no asyncBefore, not one of the listed", id).contains(id);
      assertThat(task.getDocumentations()).as("%s: documentation", id).singleElement()
          .satisfies(d -> assertThat(d.getTextContent()).startsWith("In the transaction that reaches it"));
      assertThat(retryCycle(task)).as("%s: a retry cycle of its own", id).isNull();
      assertThat(waitStatesCarrying(task, new HashSet<>())).as("%s: carried by a timer or message", id).isEmpty();
    }
  }

  /** Timer and message catches (not asyncAfter) whose transaction would run {@code node}: walks back over gateways. */
  private static List<String> waitStatesCarrying(FlowNode node, Set<String> seen) {
    List<String> found = new ArrayList<>();
    if (!seen.add(node.getId())) return found;
    for (SequenceFlow in : node.getIncoming()) {
      FlowNode from = in.getSource();
      boolean catchEvent = from instanceof CatchEvent && !(from instanceof StartEvent);
      if (catchEvent && !from.isCamundaAsyncAfter()) found.add(from.getId());
      else if (from instanceof Gateway) found.addAll(waitStatesCarrying(from, seen));
    }
    return found;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void callActivitiesCallAProcessOfTheRepository(Path file) throws IOException {
    Set<String> processes = bpmnFiles().stream().map(ModelsDrawTest::baseName).collect(Collectors.toSet());
    for (CallActivity call : read(file).getModelElementsByType(CallActivity.class)) {
      assertThat(call.getCalledElement()).as("%s: calledElement", call.getId()).isIn(processes);
    }
  }

  @Test
  void everyReferencedFormHasAFile() throws IOException {
    Set<String> refs = new TreeSet<>();
    for (Path file : bpmnFiles()) {
      for (UserTask task : read(file).getModelElementsByType(UserTask.class)) {
        refs.add(task.getCamundaFormRef());
      }
    }
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      Path form = FORMS.resolve(ref + ".form");
      assertThat(form).as("form %s", ref).isRegularFile();
      String json = Files.readString(form, StandardCharsets.UTF_8);
      assertThat(json).as("%s declares its id", form)
          .containsPattern(Pattern.compile("\"id\"\\s*:\\s*\"" + Pattern.quote(ref) + "\""));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dmnFiles")
  void decisionsParse(Path file) {
    DmnModelInstance dmn = Dmn.readModelFromFile(file.toFile());
    Dmn.validateModel(dmn);
    assertThat(dmn.getModelElementsByType(Decision.class)).as("%s: decisions", file).isNotEmpty()
        .allSatisfy(d -> assertThat(d.getCamundaHistoryTimeToLiveString()).as("%s: historyTimeToLive", d.getId())
            .isNotBlank());
  }

  @Test
  void everyDecisionOfTheContractExists() throws IOException {
    Set<String> decisions = new TreeSet<>();
    for (Path file : dmnFiles()) {
      Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class)
          .forEach(d -> decisions.add(d.getId()));
    }
    assertThat(decisions).contains("denial-routing", "task-priority", "sla-policy", "follow-up-wait",
        "coding-audit-sampling", "collections-action", "refund-approval");
  }

  @Test
  void processConstantsNameTheModelsProcesses() throws IOException {
    assertThat(constants(Kind.PROCESS)).isEqualTo(inModels(m -> m.getModelElementsByType(Process.class).stream().map(Process::getId)));
  }

  @Test
  void taskConstantsNameTheModelsUserTasks() throws IOException {
    assertThat(constants(Kind.TASK)).isEqualTo(inModels(m -> m.getModelElementsByType(UserTask.class).stream().map(UserTask::getId)));
  }

  @Test
  void messageConstantsNameTheModelsMessages() throws IOException {
    assertThat(constants(Kind.MESSAGE)).isEqualTo(inModels(m -> m.getModelElementsByType(Message.class).stream().map(Message::getName)));
  }

  @Test
  void decisionConstantsNameTheTablesAndTheModelsCallThemByThoseNames() throws IOException {
    Set<String> decisions = new TreeSet<>();
    for (Path file : dmnFiles()) {
      Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class).forEach(d -> decisions.add(d.getId()));
    }
    assertThat(constants(Kind.DECISION)).isEqualTo(decisions);
    for (Path file : bpmnFiles()) {
      for (BusinessRuleTask task : read(file).getModelElementsByType(BusinessRuleTask.class)) {
        assertThat(task.getCamundaDecisionRef()).as("%s: decisionRef", task.getId()).isIn(decisions);
        assertThat(task.getCamundaResultVariable()).as("%s: resultVariable", task.getId()).isIn(constants(Kind.VARIABLE));
      }
    }
  }

  @Test
  void variableConstantsAreTheVariablesTheContractLists() throws IOException {
    String page = Files.readString(CONTRACT, StandardCharsets.UTF_8);
    String table = page.substring(page.indexOf("## Variables"), page.indexOf("## Messages"));
    Set<String> listed = new TreeSet<>();
    for (String row : table.lines().filter(l -> l.startsWith("| `")).toList()) {
      Pattern.compile("`([A-Za-z]+)`").matcher(row.split("\\|")[1]).results().forEach(m -> listed.add(m.group(1)));
    }
    assertThat(constants(Kind.VARIABLE)).isEqualTo(listed);
    for (Class<?> names : NAMES) {
      String module = names.getPackageName().substring(names.getPackageName().lastIndexOf('.') + 1);
      assertThat(page).as("%s names the class holding the names", CONTRACT).contains("`" + module + "." + names.getSimpleName() + "`");
    }
  }

  /** What a constant names, told by its suffix: {@code PROCESS}, {@code _TASK}, {@code _MESSAGE}, {@code _DECISION_KEY}. */
  enum Kind {
    PROCESS, TASK, MESSAGE, DECISION, VARIABLE;

    static Kind of(String field) {
      if (field.equals("PROCESS") || field.endsWith("_PROCESS")) return PROCESS;
      if (field.endsWith("_TASK")) return TASK;
      if (field.endsWith("_MESSAGE")) return MESSAGE;
      if (field.equals("DECISION") || field.endsWith("_DECISION_KEY")) return DECISION;
      return VARIABLE;
    }
  }

  static Set<String> inModels(Function<BpmnModelInstance, Stream<String>> names) throws IOException {
    Set<String> found = new TreeSet<>();
    for (Path file : bpmnFiles()) {
      names.apply(read(file)).forEach(found::add);
    }
    return found;
  }

  static Set<String> constants(Kind kind) {
    Set<String> values = new TreeSet<>();
    for (Class<?> names : NAMES) {
      for (Field field : names.getDeclaredFields()) {
        int m = field.getModifiers();
        if (Modifier.isPublic(m) && Modifier.isStatic(m) && field.getType() == String.class && Kind.of(field.getName()) == kind) {
          try {
            values.add((String) field.get(null));
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    return values;
  }

  static Set<String> ids(java.util.Collection<? extends BaseElement> elements) {
    return elements.stream().map(BaseElement::getId).collect(Collectors.toCollection(TreeSet::new));
  }

  static String retryCycle(BaseElement element) {
    ExtensionElements ext = element.getExtensionElements();
    if (ext == null) {
      return null;
    }
    return ext.getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).list().stream()
        .map(ModelElementInstance::getTextContent).map(String::trim).findFirst().orElse(null);
  }

  static String timeDuration(BpmnModelInstance model, String boundaryId) {
    BoundaryEvent boundary = model.getModelElementById(boundaryId);
    assertThat(boundary).as(boundaryId).isNotNull();
    TimerEventDefinition timer = (TimerEventDefinition) boundary.getEventDefinitions().iterator().next();
    assertThat(timer.getTimeDuration()).as("%s: timeDuration", boundaryId).isNotNull();
    return timer.getTimeDuration().getTextContent().trim();
  }

  static boolean attached(BpmnShape boundary, BpmnShape host) {
    return boundary.getBpmnElement() instanceof BoundaryEvent b && b.getAttachedTo() != null
        && b.getAttachedTo().getId().equals(host.getBpmnElement().getId());
  }

  /** Whether {@code inner} is drawn inside the expanded sub-process {@code outer} it belongs to (an event sub-process). */
  static boolean inside(BpmnShape inner, BpmnShape outer) {
    return outer.getBpmnElement() instanceof SubProcess sub && inner.getBpmnElement().getParentElement() == sub;
  }

  static boolean overlap(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
  }
}
