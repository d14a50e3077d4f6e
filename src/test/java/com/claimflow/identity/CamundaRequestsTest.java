package com.claimflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

/** How the Spring layer tells Cockpit's reads and a lead's operations from every other change to the engine. */
class CamundaRequestsTest {
    private static final String ENGINE = "/camunda/api/engine/engine/default";

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRequestURI(path);
        return request;
    }

    @ParameterizedTest(name = "{0} {1}: read {2}, lead operation {3}")
    @CsvSource({
            "GET,    /process-instance/1/variables, true,  false",
            "POST,   /process-instance,             true,  false",
            "POST,   /process-instance/count,       true,  false",
            "POST,   /history/process-instance,     true,  false",
            "POST,   /history/variable-instance/count, true, false",
            "POST,   /message,                      false, false",
            "POST,   /signal,                       false, false",
            "POST,   /history/cleanup,              false, false",
            "POST,   /deployment/create,            false, false",
            "POST,   /user/create,                  false, false",
            "PUT,    /group/admins/members/carla,   false, false",
            "POST,   /task/1/claim,                 false, false",
            "POST,   /task/1/complete,              false, false",
            "POST,   /process-instance/1/modification, false, false",
            "POST,   /process-instance/1/variables, false, false",
            "PUT,    /process-instance/1/suspended, false, false",
            "DELETE, /process-instance/1,           false, false",
            "POST,   /process-instance/delete,      false, false",
            "PUT,    /job/1/retries,                false, true",
            "POST,   /job/retries,                  false, true",
            "PUT,    /job-definition/1/retries,     false, true",
            "DELETE, /incident/1,                   false, true",
            "PUT,    /incident/1/annotation,        false, true",
            "DELETE, /incident/1/annotation,        false, true",
            "PUT,    /job/1/duedate,                false, false"})
    void engineRequestsAreReadsLeadOperationsOrNeither(String method, String enginePath, boolean read, boolean leadOperation) {
        MockHttpServletRequest request = request(method, ENGINE + enginePath);
        assertThat(CamundaRequests.isRead(request)).isEqualTo(read);
        assertThat(CamundaRequests.isLeadOperation(request)).isEqualTo(leadOperation);
    }

    @ParameterizedTest
    @CsvSource({"POST, /camunda/api/cockpit/plugin/base/default/process-instance, true",
            "POST, /camunda/api/cockpit/plugin/base/default/process-instance/count, true",
            "POST, /camunda/api/admin/auth/user/default/login/cockpit, false",
            "POST, /camunda/api/engine/engine/default/../../admin/x, false"})
    void cockpitPluginQueriesAreReads(String method, String path, boolean read) {
        assertThat(CamundaRequests.isRead(request(method, path))).isEqualTo(read);
    }
}
