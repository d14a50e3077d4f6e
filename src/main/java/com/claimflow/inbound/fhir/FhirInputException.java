package com.claimflow.inbound.fhir;

import com.claimflow.base.BadInputException;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * Bad input found while reading a bundle, with the OperationOutcome issue type that says what kind of fault it is
 * (FHIR R4 OperationOutcome.issue.code: invalid, required, not-found, too-costly...). {@code field} names the resource
 * and element, e.g. {@code Bundle.entry[2].resource(Coverage/cov1).payor}.
 */
public class FhirInputException extends BadInputException {
    private final IssueType type;

    public FhirInputException(IssueType type, String field, String message) {
        super(type == IssueType.REQUIRED ? Kind.REQUIRED : type == IssueType.NOTFOUND ? Kind.UNKNOWN : Kind.INVALID, field, message);
        this.type = type;
    }

    public IssueType type() {
        return type;
    }

    static FhirInputException required(String field, String message) {
        return new FhirInputException(IssueType.REQUIRED, field, message);
    }

    static FhirInputException invalid(String field, String message) {
        return new FhirInputException(IssueType.INVALID, field, message);
    }

    static FhirInputException notFound(String field, String message) {
        return new FhirInputException(IssueType.NOTFOUND, field, message);
    }
}
