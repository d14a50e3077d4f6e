package com.claimflow.demo;

import com.claimflow.coding.CodingProcess;
import com.claimflow.identity.Worker;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterProcess;
import com.claimflow.inbound.Channel;
import com.claimflow.inbound.InboundIntake;
import com.claimflow.inbound.IncomingEncounter;
import com.claimflow.inbound.Receipt;
import com.claimflow.inbound.Received;
import com.claimflow.intake.EncounterRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.claimflow.intake.EncounterService;
import com.claimflow.workqueue.WorkItem;
import com.claimflow.workqueue.WorkQueueService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo profile's data, loaded once (an existing database is left alone): users, reference data and synthetic
 * encounters. Part of them are coded by the demo coders so that, with the payer simulator answering, the encounters
 * spread over every stage within a minute of start-up. Runs after start-up, in the background, because the job
 * executor only starts once the application is ready.
 */
@Component
@Profile("demo")
public class DemoDataLoader {
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final String[] FIRST = {"Avery", "Blake", "Casey", "Devon", "Emery", "Finley", "Gray", "Harper", "Indy", "Jules", "Kai", "Logan"};
    private static final String[] LAST = {"Alder", "Birch", "Cedar", "Dune", "Elm", "Fern", "Grove", "Hazel", "Iris", "Juniper", "Kestrel", "Linden"};
    private static final String[] PAYERS = {"MCARE", "BCBS", "AETNA", "UHC"};
    /** Diagnoses and procedure lines a coder would pick, several of which a scrubber or payer will object to. */
    static final String[][] CODINGS = {
            {"I10, E785", "99213 1 1,2\n36415 1 1\n80053 1 2"},
            {"E119, I10", "99214 25 1 1,2\n93000 1 2"},
            {"J069", "99213 1 1"},
            {"M1711", "99213 25 1 1\n20610 RT 1 1\nJ1100 4 1"},
            {"Z0000", "G0439 1 1\n85025 1 1"},
            {"R0789, I10", "99214 1 1,2\n93000 1 1\n71046 1 1"},
            {"J45909", "99213 1 1"},
            {"R519", "99203 1 1"}};

    private final DemoUsers users;
    private final DemoReferenceData reference;
    private final EncounterService encounters;
    private final WorkQueueService queues;
    private final int count;

    /** The interface the demo's encounters arrive by, as the audit trail names it. */
    static final String DEMO_EHR = "demo-ehr";
    private final InboundIntake intake;
    private final ObjectMapper mapper;

    private String json(EncounterRequest request) {
        try {
            return mapper.writeValueAsString(request);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public DemoDataLoader(DemoUsers users, DemoReferenceData reference, EncounterService encounters, WorkQueueService queues,
                          InboundIntake intake, ObjectMapper mapper, @Value("${claimflow.demo.encounters:50}") int count) {
        this.intake = intake;
        this.mapper = mapper;
        this.users = users;
        this.reference = reference;
        this.encounters = encounters;
        this.queues = queues;
        this.count = count;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void load() {
        users.load();
        reference.load();
        if (count <= 0 || encounters.count() > 0) return;
        Thread loader = new Thread(this::loadEncounters, "demo-data");
        loader.setDaemon(true);
        loader.start();
    }

    private void loadEncounters() {
        Random random = new Random(42);
        List<Encounter> opened = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // as the clinic's EHR would send it, so the encounter page shows the request it came by
            EncounterRequest request = request(i, random);
            Receipt r = intake.open(new Received(Channel.API, null, DEMO_EHR, "application/json", json(request)), new IncomingEncounter(request));
            if (r.encounterId() == null) throw new IllegalStateException("demo encounter " + i + " refused: " + r.problemText());
            opened.add(encounters.get(r.encounterId()));
        }
        log.info("demo: {} encounters opened; coding about two thirds of them", opened.size());
        String[] coders = {"carla", "chen", "carla", "colin"}; // colin is new: all his coding is audited
        for (int i = 0; i < opened.size(); i++) {
            if (i % 3 == 2) continue; // left for the coders to pull
            Worker coder = new Worker(coders[i % coders.length], Set.of("coders"));
            String[] coding = CODINGS[i % CODINGS.length];
            Optional<WorkItem> task = awaitCodingTask(opened.get(i).id());
            if (task.isEmpty()) continue; // eligibility problem: waits for a biller
            try {
                queues.complete(task.get().taskId(), Map.of("diagnosisCodes", coding[0], "procedureLines", coding[1],
                        CodingProcess.QUERY_PROVIDER, false), coder);
            } catch (RuntimeException e) {
                log.warn("demo: coding encounter {} failed: {}", opened.get(i).id(), e.getMessage());
            }
        }
        // compliance works through part of the audit sample, so audited encounters move on too
        Worker auditor = new Worker("cora", Set.of("compliance"));
        for (int i = 0; i < opened.size(); i += 2) {
            queues.forEncounter(opened.get(i).id()).stream().filter(w -> w.taskType().equals(CodingProcess.AUDIT_CODING_TASK)).findFirst().ifPresent(audit -> {
                try {
                    queues.complete(audit.taskId(), Map.of(CodingProcess.AUDIT_PASSED, true, "note", "demo: coding confirmed"), auditor);
                } catch (RuntimeException e) {
                    log.warn("demo: audit of task {} failed: {}", audit.taskId(), e.getMessage());
                }
            });
        }
        log.info("demo: data loaded");
    }

    private Optional<WorkItem> awaitCodingTask(long encounterId) {
        for (int attempt = 0; attempt < 100; attempt++) {
            Optional<WorkItem> task = queues.forEncounter(encounterId).stream()
                    .filter(w -> w.taskType().equals(CodingProcess.CODE_ENCOUNTER_TASK)).findFirst();
            if (task.isPresent()) return task;
            if (queues.forEncounter(encounterId).stream().anyMatch(w -> w.taskType().equals(EncounterProcess.RESOLVE_ELIGIBILITY_TASK))) {
                return Optional.empty();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static EncounterRequest request(int i, Random random) {
        String payer = PAYERS[i % PAYERS.length];
        boolean missingMemberId = i % 11 == 7;
        // every 13th visit is old enough to be past the payer's timely filing limit
        LocalDate dos = LocalDate.now().minusDays(i % 13 == 4 ? 400 : 1 + random.nextInt(20));
        String sex = random.nextBoolean() ? "F" : "M";
        // every sixth visit is at the hospital (837I): outpatient, and every other one of those a short inpatient stay
        EncounterRequest.Institutional hospital = i % 6 == 3 ? hospitalStay(i % 12 == 9, dos, random) : null;
        boolean referred = i % 5 == 0;
        EncounterRequest.Address home = address(i, random);
        String memberId = missingMemberId ? null : memberId(payer, random);
        // every eighth clinic visit has a second coverage (coordination of benefits): a Medicare patient's supplemental plan,
        // which Medicare forwards itself (crossover), or a spouse's plan billed by us after the primary pays
        List<EncounterRequest.Insurance> coverages = hospital == null && home != null && memberId != null && i % 8 == 2
                ? twoCoverages(payer, memberId, home, random) : null;
        return new EncounterRequest("DEMO-" + (1000 + i),
                new EncounterRequest.Patient(FIRST[random.nextInt(FIRST.length)], LAST[random.nextInt(LAST.length)],
                        LocalDate.of(1940 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28)), sex, home),
                coverages == null ? new EncounterRequest.Coverage(payer, memberId) : null,
                hospital == null ? DemoReferenceData.CLINIC_NPI : DemoReferenceData.HOSPITAL_NPI,
                i % 2 == 0 ? DemoReferenceData.DR_ADAMS_NPI : DemoReferenceData.DR_BAKER_NPI,
                referred ? DemoReferenceData.npi("112233445") : null, i % 7 == 0 ? "PA" + (5000 + i) : null, dos, hospital == null ? "11" : "22",
                hospital == null ? "PROFESSIONAL" : "INSTITUTIONAL",
                "Synthetic visit note " + (1000 + i) + ". Chief complaint and assessment as coded; no real patient data.",
                referred ? REFERRERS[i % REFERRERS.length] : null, hospital, coverages);
    }

    /** The visit's payer first (the patient's own), then a synthetic second plan: Medicare's supplement, or the spouse's. */
    private static List<EncounterRequest.Insurance> twoCoverages(String payer, String memberId, EncounterRequest.Address home, Random random) {
        EncounterRequest.Insurance primary = new EncounterRequest.Insurance(1, payer, memberId, null, "18", null);
        if ("MCARE".equals(payer)) {
            return List.of(primary, new EncounterRequest.Insurance(2, "AETNA", memberId("AETNA", random), "MEDIGAP-F", "18", null));
        }
        String second = "AETNA".equals(payer) ? "BCBS" : "AETNA";
        String spouseId = memberId(second, random);
        return List.of(primary, new EncounterRequest.Insurance(2, second, spouseId, "GRP" + (100 + random.nextInt(900)), "01",
                new com.claimflow.intake.Subscriber(LAST[random.nextInt(LAST.length)], FIRST[random.nextInt(FIRST.length)],
                        LocalDate.of(1945 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28)), random.nextBoolean() ? "F" : "M", home,
                        spouseId)));
    }

    /** A synthetic mailing address (every ninth visit has none on file, as when the front desk did not ask). */
    private static EncounterRequest.Address address(int i, Random random) {
        if (i % 9 == 5) return null;
        return new EncounterRequest.Address((100 + random.nextInt(9800)) + " " + STREETS[i % STREETS.length], null, "Columbus", "OH",
                "432" + (10 + random.nextInt(30)));
    }

    private static final String[] STREETS = {"Elm Street", "Oak Avenue", "Maple Drive", "High Street", "Park Lane", "Cedar Court"};

    /** Referring physicians who are not on file (NPI 1122334452): intake takes their name for the claim. */
    private static final String[] REFERRERS = {"Carter, Dana MD", "Okafor, Chidi DO", "Lindqvist, Maja MD"};

    /**
     * UB-04 data for a hospital encounter: an outpatient visit (type of bill 131, elective, from a physician's office) or
     * an inpatient stay (111, admitted through the emergency room the evening before for chest pain, R07.9), discharged home
     * in the morning or early afternoon of the date of service; labs bill under
     * 0300/0301, the ECG under 0730, imaging under 0320, the injected drug under 0636, the rest under the clinic (0510)
     * or, for a stay, semi-private room and board (0120).
     */
    private static EncounterRequest.Institutional hospitalStay(boolean inpatient, LocalDate dos, Random random) {
        Map<String, String> revenue = Map.of("36415", "0300", "80053", "0301", "85025", "0301", "93000", "0730", "71046", "0320", "J1100", "0636");
        return inpatient
                ? new EncounterRequest.Institutional("11", dos.minusDays(1).atTime(18 + random.nextInt(5), 5 * random.nextInt(12)), "1", "1", "01",
                "0120", revenue, "R07.9", null, dos.atTime(9 + random.nextInt(6), 15 * random.nextInt(4)))
                : new EncounterRequest.Institutional("13", null, "3", "2", "01", "0510", revenue);
    }

    static String memberId(String payer, Random r) {
        return switch (payer) {
            case "MCARE" -> (1 + r.nextInt(9)) + "EG4TE5MK73".substring(0, 10);
            case "BCBS" -> "XYZ" + String.format("%09d", r.nextInt(1_000_000_000));
            case "AETNA" -> "W" + String.format("%09d", r.nextInt(1_000_000_000));
            default -> String.format("%09d", r.nextInt(1_000_000_000));
        };
    }
}
