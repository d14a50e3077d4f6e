package com.claimflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.junit.jupiter.api.Test;

/** Timers' durations are parsed by the JDK's factory, named up front instead of searched for in every jar. */
class JdkDatatypeFactoryTest {

    @Test
    void theJdksFactoryIsNamedAndTimerDurationsStillParse() throws Exception {
        String named = JdkDatatypeFactory.name();

        assertThat(named).isEqualTo(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY));
        assertThat(DatatypeFactory.newInstance().getClass().getName()).isEqualTo(named);
        Date start = new Date(1_000_000_000_000L);
        assertThat(new DurationHelper("PT4H", start).getDateAfter(start)).isEqualTo(new Date(start.getTime() + 4 * 3_600_000L));
        assertThat(new DurationHelper("P2D", start).getDateAfter(start)).isEqualTo(new Date(start.getTime() + 2 * 86_400_000L));
    }

    @Test
    void aFactoryTheDeploymentNamedIsKept() {
        String before = System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
        System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, "org.example.TheirFactory");
        try {
            assertThat(JdkDatatypeFactory.name()).isEqualTo("org.example.TheirFactory");
        } finally {
            if (before == null) System.clearProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
            else System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, before);
        }
    }
}
