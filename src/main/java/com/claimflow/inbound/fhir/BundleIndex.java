package com.claimflow.inbound.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A bundle's entries with the names errors use for them ({@code Bundle.entry[2].resource(Coverage/cov1)}) and the
 * references between them resolved as FHIR R4 says (Bundle "Resolving references in Bundles", 2.36.4.1): by the
 * entry's fullUrl, absolute or {@code urn:uuid:}, or by a relative {@code Type/id} against the resource's own id.
 */
final class BundleIndex {
    record Entry(int index, Resource resource) {
        String path() {
            String id = resource.getIdElement().getIdPart();
            return "Bundle.entry[" + index + "].resource(" + resource.fhirType() + (id == null ? "" : "/" + id) + ")";
        }

        String path(String element) {
            return path() + "." + element;
        }

        String label() {
            String id = resource.getIdElement().getIdPart();
            return resource.fhirType() + (id == null ? "" : "/" + id);
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Entry> byReference = new HashMap<>();

    BundleIndex(Bundle bundle) {
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Bundle.BundleEntryComponent e = bundle.getEntry().get(i);
            if (e.getResource() == null) continue;
            Entry entry = new Entry(i, e.getResource());
            entries.add(entry);
            if (e.hasFullUrl()) {
                byReference.putIfAbsent(e.getFullUrl(), entry);
                String full = e.getFullUrl();
                int at = full.lastIndexOf('/', full.lastIndexOf('/') - 1);
                if (!full.startsWith("urn:") && at >= 0) byReference.putIfAbsent(full.substring(at + 1), entry);
            }
            String id = e.getResource().getIdElement().getIdPart();
            if (id != null) byReference.putIfAbsent(e.getResource().fhirType() + "/" + id, entry);
        }
    }

    List<Entry> all() {
        return entries;
    }

    <T extends Resource> List<Entry> of(Class<T> type) {
        return entries.stream().filter(e -> type.isInstance(e.resource())).toList();
    }

    /** The entry a reference points at, if it is in the bundle. */
    Optional<Entry> resolve(Reference ref) {
        if (ref == null || !ref.hasReference()) return Optional.empty();
        String r = ref.getReference();
        Entry hit = byReference.get(r);
        if (hit == null && r.contains("/_history/")) hit = byReference.get(r.substring(0, r.indexOf("/_history/")));
        if (hit == null && !r.startsWith("urn:")) {
            int at = r.lastIndexOf('/', r.lastIndexOf('/') - 1);
            if (at >= 0) hit = byReference.get(r.substring(at + 1));
        }
        return Optional.ofNullable(hit);
    }

    /** The entry the reference points at, of the type given, or a refusal naming {@code field}. */
    <T extends Resource> Entry require(Reference ref, Class<T> type, String field, String what) {
        if (ref == null || !ref.hasReference()) {
            throw FhirInputException.required(field, "is required: " + what);
        }
        Entry e = resolve(ref).orElseThrow(() -> FhirInputException.notFound(field, "references " + ref.getReference()
                + ", which is not in the bundle: send " + what + " as an entry of the bundle"));
        if (!type.isInstance(e.resource())) {
            throw FhirInputException.invalid(field, "references " + e.label() + ", not a " + type.getSimpleName() + ": " + what);
        }
        return e;
    }
}
