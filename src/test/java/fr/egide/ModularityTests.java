package fr.egide;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the modules honest: no cycles, no reaching into another module's internals. */
class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(EgideApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void everyCapabilityIsAModule() {
        assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
            .contains("system", "identity", "practice", "monitoring", "reporting", "demo");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation().writeIndividualModulesAsPlantUml();
    }

}
