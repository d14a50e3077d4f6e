package com.claimflow.support;

import com.claimflow.demo.DemoReferenceData;
import com.claimflow.demo.DemoUsers;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** A running server on a random port, the test (or mysql) database, demo users and reference data. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
public abstract class ApiTestBase {
    @Autowired protected TestRestTemplate http;
    @Autowired protected ProcessDriver driver;
    @Autowired protected DemoReferenceData reference;
    @Autowired protected DemoUsers users;

    @BeforeEach
    void loadReferenceData() {
        reference.load();
        users.load();
    }

    protected TestRestTemplate as(String user) {
        return http.withBasicAuth(user, DemoUsers.PASSWORD);
    }

    protected ResponseEntity<String> postJson(String user, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), String.class);
    }
}
