package com.claimflow.inbound.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Structure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed message as its segments in order, whatever groups HAPI put them in: ADT_A01 (A04, A08) and DFT_P03 hold the
 * same segments in different groups, and the mapping reads segments, not groups.
 */
final class Hl7Message {
    private static final Set<String> REPEATING = Set.of("IN1", "IN2", "IN3", "FT1", "DG1", "PR1", "GT1", "OBX", "NK1", "ROL", "AL1");

    private final List<Seg> segments = new ArrayList<>();

    Hl7Message(Message message) {
        Map<String, Integer> counts = new HashMap<>();
        walk(message, counts);
    }

    private void walk(Group group, Map<String, Integer> counts) {
        for (String name : group.getNames()) {
            Structure[] all;
            try {
                all = group.getAll(name);
            } catch (HL7Exception e) {
                continue;
            }
            for (Structure s : all) {
                if (s instanceof Group g) {
                    walk(g, counts);
                } else if (s instanceof Segment seg && !isEmpty(seg)) {
                    String id = seg.getName();
                    int n = counts.merge(id, 1, Integer::sum);
                    segments.add(new Seg(seg, id, n, REPEATING.contains(id)));
                }
            }
        }
    }

    private static boolean isEmpty(Segment s) {
        try {
            return s.isEmpty();
        } catch (HL7Exception e) {
            return true;
        }
    }

    List<Seg> all() {
        return segments;
    }

    List<Seg> all(String name) {
        return segments.stream().filter(s -> s.name().equals(name)).toList();
    }

    Optional<Seg> first(String name) {
        return segments.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The segment, or an error naming it as required (table 0357 code 100: a required segment is missing). */
    Seg required(String name, String why) {
        return first(name).orElseThrow(() -> Hl7Problem.error(name, Hl7Problem.SEGMENT_SEQUENCE, "the " + name + " segment is required: " + why));
    }
}
