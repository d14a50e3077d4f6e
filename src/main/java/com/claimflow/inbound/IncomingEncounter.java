package com.claimflow.inbound;

import com.claimflow.coding.CapturedCharges.Charge;
import com.claimflow.coding.CapturedCharges.Diagnosis;
import com.claimflow.intake.EncounterRequest;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What a message says about a visit: the encounter as {@code POST /api/encounters} takes it, any charges sent with
 * it, and {@code locate}: where in the message a field of the request came from ("patient.birthDate" is PID-7 in HL7,
 * a column on a line of a CSV, an element of a FHIR resource), so that a refusal names the message's own place.
 */
public record IncomingEncounter(EncounterRequest request, List<Diagnosis> diagnoses, List<Charge> charges, UnaryOperator<String> locate) {
    public IncomingEncounter {
        diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
        charges = charges == null ? List.of() : List.copyOf(charges);
        locate = locate == null ? UnaryOperator.identity() : locate;
    }

    public IncomingEncounter(EncounterRequest request, List<Diagnosis> diagnoses, List<Charge> charges) {
        this(request, diagnoses, charges, null);
    }

    public IncomingEncounter(EncounterRequest request) {
        this(request, List.of(), List.of(), null);
    }
}
