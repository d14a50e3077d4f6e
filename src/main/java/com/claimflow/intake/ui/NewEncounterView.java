package com.claimflow.intake.ui;

import com.claimflow.base.BadInputException;
import com.claimflow.base.ConflictException;
import com.claimflow.base.ui.Notices;
import com.claimflow.identity.Roles;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterRequest;
import com.claimflow.intake.EncounterService;
import com.claimflow.intake.Subscriber;
import com.claimflow.reference.Payer;
import com.claimflow.reference.ReferenceService;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Registers a visit by hand (the front desk, or a biller for a visit the EHR did not send): the patient with address
 * and phone, the visit, and up to two coverages in payer order, each with its subscriber when that is not the patient.
 * The same checks as {@code POST /api/encounters}; a refusal marks the field it names.
 */
@Route("encounters/new")
@PageTitle("New encounter")
@RolesAllowed({Roles.ROLE_BILLERS, Roles.ROLE_LEADS, Roles.ROLE_ADMINS})
public class NewEncounterView extends VerticalLayout {
    /** X12 individual relationship codes a front desk meets, patient to subscriber. */
    static final Map<String, String> RELATIONSHIPS = Map.of("18", "Self", "01", "Spouse", "19", "Child", "G8", "Other");

    /** Each field by the request field a refusal names (declared first: the fields below register themselves). */
    private final Map<String, HasValidation> byField = new HashMap<>();

    final TextField externalId = field("externalId", "External id (from the EHR)");
    final TextField firstName = field("patient.firstName", "Patient first name");
    final TextField lastName = field("patient.lastName", "Patient last name");
    final DatePicker birthDate = date("patient.birthDate", "Birth date");
    final Select<String> sex = select("patient.sex", "Sex", List.of("F", "M", "U"));
    final TextField phone = field("patient.phone", "Phone (10 digits)");
    final TextField line1 = field("patient.address.line1", "Street");
    final TextField city = field("patient.address.city", "City");
    final TextField state = field("patient.address.state", "State (e.g. OH)");
    final TextField zip = field("patient.address.postalCode", "ZIP");
    final DatePicker dateOfService = date("dateOfService", "Date of service");
    final TextField placeOfService = field("placeOfService", "Place of service");
    final TextField billingNpi = field("billingProviderNpi", "Billing provider NPI");
    final TextField renderingNpi = field("renderingProviderNpi", "Rendering provider NPI");
    final CoverageFields primary;
    final CoverageFields secondary;

    public NewEncounterView(EncounterService encounters, ReferenceService reference) {
        setMaxWidth("60em");
        List<String> payers = reference.payers().stream().filter(Payer::active).map(Payer::id).toList();
        primary = new CoverageFields(0, payers);
        secondary = new CoverageFields(1, payers);
        placeOfService.setValue("11");
        dateOfService.setValue(LocalDate.now());
        externalId.setValue("WALKIN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
        add(new H2("New encounter"), new Paragraph("The visit opens its process at once: eligibility, then coding."));
        add(new H4("Patient"), form(firstName, lastName, birthDate, sex, phone, line1, city, state, zip));
        add(new H4("Visit"), form(externalId, dateOfService, placeOfService, billingNpi, renderingNpi));
        add(new H4("Primary coverage"), primary.layout());
        add(new H4("Secondary coverage (optional)"), secondary.layout());
        Button open = new Button("Open encounter", e -> open(encounters));
        open.setId("open-encounter");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(open);
    }

    private FormLayout form(com.vaadin.flow.component.Component... fields) {
        FormLayout f = new FormLayout(fields);
        f.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 3));
        return f;
    }

    private TextField field(String name, String label) {
        TextField t = new TextField(label);
        t.setId(name);
        byField.put(name, t);
        return t;
    }

    private DatePicker date(String name, String label) {
        DatePicker d = new DatePicker(label);
        d.setId(name);
        byField.put(name, d);
        return d;
    }

    private <T> Select<T> select(String name, String label, List<T> items) {
        Select<T> s = new Select<>();
        s.setLabel(label);
        s.setId(name);
        s.setItems(items);
        byField.put(name, s);
        return s;
    }

    /** One coverage's fields; the subscriber's show when the patient is not the subscriber. */
    final class CoverageFields {
        final ComboBox<String> payer;
        final TextField memberId;
        final TextField group;
        final Select<String> relationship;
        final TextField subscriberFirst;
        final TextField subscriberLast;
        final DatePicker subscriberBirth;
        final Select<String> subscriberSex;

        CoverageFields(int index, List<String> payers) {
            String at = "coverages[" + index + "]";
            payer = new ComboBox<>("Payer", payers);
            payer.setId(at + ".payerId");
            byField.put(at + ".payerId", payer);
            memberId = field(at + ".memberId", "Member id");
            group = field(at + ".groupNumber", "Group number");
            relationship = select(at + ".relationship", "Patient is the subscriber's", List.copyOf(RELATIONSHIPS.keySet()));
            relationship.setItemLabelGenerator(RELATIONSHIPS::get);
            relationship.setValue("18");
            subscriberFirst = field(at + ".subscriber.firstName", "Subscriber first name");
            subscriberLast = field(at + ".subscriber.lastName", "Subscriber last name");
            subscriberBirth = date(at + ".subscriber.birthDate", "Subscriber birth date");
            subscriberSex = select(at + ".subscriber.sex", "Subscriber sex", List.of("F", "M", "U"));
            relationship.addValueChangeListener(e -> showSubscriber());
            showSubscriber();
        }

        private void showSubscriber() {
            boolean other = !"18".equals(relationship.getValue());
            subscriberFirst.setVisible(other);
            subscriberLast.setVisible(other);
            subscriberBirth.setVisible(other);
            subscriberSex.setVisible(other);
        }

        FormLayout layout() {
            return form(payer, memberId, group, relationship, subscriberFirst, subscriberLast, subscriberBirth, subscriberSex);
        }

        boolean given() {
            return payer.getValue() != null;
        }

        EncounterRequest.Insurance insurance(int order, EncounterRequest.Address home) {
            boolean self = "18".equals(relationship.getValue());
            Subscriber s = self ? null : new Subscriber(blank(subscriberLast), blank(subscriberFirst), subscriberBirth.getValue(),
                    subscriberSex.getValue(), home, blank(memberId));
            return new EncounterRequest.Insurance(order, payer.getValue(), blank(memberId), blank(group), relationship.getValue(), s);
        }
    }

    private static String blank(TextField t) {
        return t.getValue() == null || t.getValue().isBlank() ? null : t.getValue().strip();
    }

    /** The request as the form stands. */
    EncounterRequest request() {
        EncounterRequest.Address home = blank(line1) == null && blank(city) == null ? null
                : new EncounterRequest.Address(blank(line1), null, blank(city), blank(state), blank(zip));
        List<EncounterRequest.Insurance> coverages = new ArrayList<>();
        if (primary.given()) coverages.add(primary.insurance(1, home));
        if (secondary.given()) coverages.add(secondary.insurance(primary.given() ? 2 : 1, home));
        return new EncounterRequest(blank(externalId), new EncounterRequest.Patient(blank(firstName), blank(lastName), birthDate.getValue(),
                sex.getValue(), home, blank(phone)), null, blank(billingNpi), blank(renderingNpi), null, null, dateOfService.getValue(),
                blank(placeOfService), "PROFESSIONAL", null, null, null, coverages);
    }

    private void open(EncounterService encounters) {
        byField.values().forEach(f -> f.setInvalid(false));
        try {
            Encounter e = encounters.open(request());
            Notices.success("Encounter " + e.id() + " opened for " + e.patientName());
            UI.getCurrent().navigate("encounter/" + e.id());
        } catch (BadInputException bad) {
            HasValidation f = byField.get(bad.field());
            if (f != null) {
                f.setErrorMessage(bad.reason());
                f.setInvalid(true);
            }
            Notices.error(bad.getMessage());
        } catch (ConflictException taken) {
            externalId.setErrorMessage(taken.getMessage());
            externalId.setInvalid(true);
            Notices.error(taken.getMessage());
        }
    }
}
