package com.claimflow.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.support.ApiTestBase;
import com.claimflow.support.Encounters;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * {@code GET /api/inbound/messages/{id}} (anyone signed in, as the encounter; audited) and the interface monitor
 * {@code GET /api/inbound/messages} (leads, compliance, admins), per role and with bad parameters; the encounter's API
 * timeline names the message.
 */
class InboundMessageEndpointRolesIT extends ApiTestBase {
    @Autowired InboundIntake intake;
    @Autowired ObjectMapper json;

    @Test
    void aMessageIsReadByAnyoneSignedInAndTheMonitorByLeadsComplianceAndAdmins() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String body = "MSH|^~\\&|EHR|CLINIC|||20261201||ADT^A04|" + run + "|P|2.5.1";
        Receipt opened = intake.open(new Received(Channel.HL7V2, "EHR^CLINIC|" + run, "hl7:EHR^CLINIC", "application/hl7-v2", body),
                new IncomingEncounter(Encounters.visit().externalId("R-" + run).request()));
        Receipt refused = intake.refuse(new Received(Channel.HL7V2, "EHR^CLINIC|x" + run, "hl7:EHR^CLINIC", "application/hl7-v2", "garbage"), null,
                "MSH", "the message does not start with MSH");
        String path = "/api/inbound/messages/" + opened.messageId();

        assertThat(http.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        for (String user : List.of("carla", "bella", "lena", "cora", "adam")) {
            ResponseEntity<String> r = as(user).getForEntity(path, String.class);
            assertThat(r.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            JsonNode shown = json.readTree(r.getBody());
            assertThat(shown.get("body").asText()).isEqualTo(body);
            assertThat(shown.get("message").get("outcome").asText()).isEqualTo("OPENED");
            assertThat(shown.get("message").get("sender").asText()).isEqualTo("hl7:EHR^CLINIC");
        }
        assertThat(as("bella").getForEntity("/api/inbound/messages/999999999", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("bella").getForEntity("/api/inbound/messages/abc", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        String monitor = "/api/inbound/messages?channel=hl7v2&refused=true";
        assertThat(http.getForEntity(monitor, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as("carla").getForEntity(monitor, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("bella").getForEntity(monitor, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        for (String user : List.of("lena", "cora", "adam")) {
            ResponseEntity<String> r = as(user).getForEntity(monitor, String.class);
            assertThat(r.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            JsonNode list = json.readTree(r.getBody());
            assertThat(list).allSatisfy(m -> assertThat(m.get("outcome").asText()).isEqualTo("REFUSED"));
            assertThat(list.findValuesAsText("id")).contains(String.valueOf(refused.messageId()));
        }
        ResponseEntity<String> badChannel = as("lena").getForEntity("/api/inbound/messages?channel=fax", String.class);
        assertThat(badChannel.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badChannel.getBody()).contains("channel").contains("'fax' is not a channel");
        assertThat(as("lena").getForEntity("/api/inbound/messages?limit=5000", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        JsonNode timeline = json.readTree(as("bella").getForEntity("/api/encounters/" + opened.encounterId() + "/timeline", String.class).getBody());
        assertThat(timeline.findValuesAsText("messageId")).contains(String.valueOf(opened.messageId()));
    }
}
