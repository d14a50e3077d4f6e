package com.claimflow.remittance.x12;

import java.util.Map;

/** Short descriptions of the codes billers meet most in 999 and 277CA answers (the full lists are X12 / WPC code lists). */
final class X12Codes {
    static final Map<String, String> CLAIM_STATUS_CATEGORY = Map.ofEntries(
            Map.entry("A0", "forwarded"), Map.entry("A1", "received"), Map.entry("A2", "accepted for adjudication"),
            Map.entry("A3", "returned as unprocessable"), Map.entry("A4", "not found"), Map.entry("A5", "split claim"),
            Map.entry("A6", "rejected for missing information"), Map.entry("A7", "rejected for invalid information"),
            Map.entry("A8", "rejected for relational field in error"),
            // the 277 claim status response's (X212) categories besides the acknowledgements
            Map.entry("P0", "pending: adjudication/details"), Map.entry("P1", "pending: in process"), Map.entry("P2", "pending: payer review"),
            Map.entry("P3", "pending: provider requested information"), Map.entry("P4", "pending: patient requested information"),
            Map.entry("P5", "pending: payer administrative/system hold"), Map.entry("F0", "finalized"), Map.entry("F1", "finalized: payment"),
            Map.entry("F2", "finalized: denial"), Map.entry("F3", "finalized: revised"), Map.entry("F3F", "finalized: forwarded"),
            Map.entry("F3N", "finalized: not forwarded"), Map.entry("F4", "finalized: adjudication complete, no payment forthcoming"),
            Map.entry("E0", "response not possible: error on submitted request data"), Map.entry("E1", "response not possible: system status"),
            Map.entry("E2", "information holder is not responding; resubmit at a later time"),
            Map.entry("E3", "correction required: relational fields in error"),
            Map.entry("E4", "trading partner agreement specific requirement not met: data correction required"),
            Map.entry("D0", "data search unsuccessful"));
    static final Map<String, String> CLAIM_STATUS = Map.ofEntries(
            Map.entry("19", "entity acknowledges receipt of claim"), Map.entry("24", "entity not approved as an electronic submitter"), Map.entry("20", "accepted for processing"),
            Map.entry("21", "missing or invalid information"), Map.entry("1", "for more detailed information, see remittance advice"),
            Map.entry("3", "claim has been adjudicated and is awaiting payment cycle"), Map.entry("35", "claim/encounter not found"),
            Map.entry("65", "claim/line has been paid"), Map.entry("104", "processed according to plan provisions"), Map.entry("33", "subscriber and subscriber id not found"),
            Map.entry("145", "entity's specialty/taxonomy code"), Map.entry("164", "entity's contract/member number"),
            Map.entry("187", "date(s) of service"), Map.entry("254", "principal diagnosis code"),
            Map.entry("255", "diagnosis code"), Map.entry("400", "claim is out of balance"), Map.entry("454", "procedure code for services rendered"),
            Map.entry("458", "entity's tax id"), Map.entry("562", "entity's National Provider Identifier (NPI)"),
            Map.entry("673", "patient control number"), Map.entry("746", "identifier qualifier"));
    static final Map<String, String> ENTITY = Map.ofEntries(Map.entry("85", "billing provider"), Map.entry("82", "rendering provider"),
            Map.entry("IL", "subscriber"), Map.entry("QC", "patient"), Map.entry("PR", "payer"), Map.entry("41", "submitter"),
            Map.entry("40", "receiver"), Map.entry("71", "attending physician"));
    static final Map<String, String> SEGMENT_ERROR = Map.ofEntries(Map.entry("1", "unrecognized segment"), Map.entry("2", "unexpected segment"),
            Map.entry("3", "required segment missing"), Map.entry("4", "loop occurs over maximum times"), Map.entry("5", "segment exceeds maximum use"),
            Map.entry("6", "segment not in defined transaction set"), Map.entry("7", "segment not in proper sequence"),
            Map.entry("8", "segment has data element errors"), Map.entry("I4", "implementation 'not used' segment present"),
            Map.entry("I6", "implementation dependent segment missing"), Map.entry("I7", "implementation loop occurs under minimum times"),
            Map.entry("I8", "implementation segment below minimum use"), Map.entry("I9", "implementation dependent 'not used' segment present"));
    static final Map<String, String> ELEMENT_ERROR = Map.ofEntries(Map.entry("1", "required data element missing"),
            Map.entry("2", "conditional required data element missing"), Map.entry("3", "too many data elements"),
            Map.entry("4", "data element too short"), Map.entry("5", "data element too long"), Map.entry("6", "invalid character in data element"),
            Map.entry("7", "invalid code value"), Map.entry("8", "invalid date"), Map.entry("9", "invalid time"),
            Map.entry("10", "exclusion condition violated"), Map.entry("12", "too many repetitions"), Map.entry("13", "too many components"),
            Map.entry("I10", "implementation 'not used' data element present"), Map.entry("I11", "implementation too few repetitions"),
            Map.entry("I12", "implementation pattern match failure"), Map.entry("I13", "implementation dependent 'not used' data element present"),
            Map.entry("I6", "code value not used in implementation"), Map.entry("I9", "implementation dependent data element missing"));

    private X12Codes() {
    }

    static String describe(Map<String, String> list, String code) {
        String d = list.get(code);
        return d == null ? code : code + " (" + d + ")";
    }
}
