package com.claimflow.inbound;

import com.claimflow.coding.CapturedCharges.Charge;
import com.claimflow.coding.CapturedCharges.Diagnosis;
import com.claimflow.intake.EncounterRequest;
import java.util.List;

/** What a message says about a visit: the encounter as {@code POST /api/encounters} takes it, and any charges sent with it. */
public record IncomingEncounter(EncounterRequest request, List<Diagnosis> diagnoses, List<Charge> charges) {
    public IncomingEncounter {
        diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
        charges = charges == null ? List.of() : List.copyOf(charges);
    }

    public IncomingEncounter(EncounterRequest request) {
        this(request, List.of(), List.of());
    }
}
