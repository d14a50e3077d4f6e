package com.claimflow.sla;

import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Names the JDK's own {@link DatatypeFactory} before the engine starts. Camunda parses every timer's ISO-8601 duration
 * with a new {@code DatatypeFactory.newInstance()}, which, unless the factory is named, looks for a provider in every jar
 * of the class path ({@code META-INF/services}): about 6 % of the JVM's time in the lifecycle benchmark, at about six timers
 * an encounter (docs/benchmarks.md, issue #17). No jar of the product provides another factory, so the one found is the
 * JDK's either way; a deployment that names its own with {@code -Djavax.xml.datatype.DatatypeFactory} keeps it.
 */
@Component
public class JdkDatatypeFactory extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        name();
    }

    /** Names the JDK's factory unless one is named already; answers the name in force. */
    static String name() {
        if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
            System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        }
        return System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
    }
}
