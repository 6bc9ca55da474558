package fr.egide.demo.internal;

import fr.egide.identity.CabinetAccess;
import fr.egide.identity.CabinetRole;
import fr.egide.identity.UserCreated;
import fr.egide.monitoring.MentionImports;
import fr.egide.practice.CabinetForm;
import fr.egide.practice.Civility;
import fr.egide.practice.PracticeManagement;
import fr.egide.practice.PractitionerForm;
import fr.egide.practice.Profession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads, once, a fictional cabinet with about sixty reviews, through the same import as real files. Every
 * administrator gets access to it, including the one created after the loading by the installation page.
 */
@Component
@Order(10)
class DemoLoader implements ApplicationRunner {

    static final String DEMO_NAME = "Cabinet médical des Chartrons (démonstration, données fictives)";

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final PracticeManagement practice;

    private final MentionImports imports;

    private final CabinetAccess access;

    private final boolean enabled;

    private final TransactionTemplate transaction;

    DemoLoader(PracticeManagement practice, MentionImports imports, CabinetAccess access,
            @Value("${egide.demo:false}") boolean enabled, PlatformTransactionManager transactionManager) {
        this.transaction = new TransactionTemplate(transactionManager);
        this.practice = practice;
        this.imports = imports;
        this.access = access;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled || args.containsOption("demo")) {
            load();
        }
    }

    /** All or nothing: a half-built demo cabinet would pass for loaded forever. */
    synchronized void load() {
        transaction.executeWithoutResult(status -> loadInTransaction());
    }

    private void loadInTransaction() {
        if (practice.demoCabinet().isPresent()) {
            log.info("Données de démonstration déjà chargées");
            return;
        }
        var cabinet = practice.createCabinet(
                new CabinetForm(DEMO_NAME, "1 rue Imaginaire", "33000", "Bordeaux"), true);
        practice.addPractitionerUnchecked(cabinet.id(),
                new PractitionerForm(Civility.DR, "Claire", "Dupont-Lefèvre", Profession.MEDECIN,
                        "Médecine générale", "10000000001", List.of("1 rue Imaginaire, 33000 Bordeaux"),
                        List.of("Dr Dupont-Lefèvre", "Docteur Claire Dupont-Lefèvre", "dupont-lefèvre médecin Bordeaux"),
                        "Assureur Fictif Mutuelle", "DEMO-0001", true));
        practice.addPractitionerUnchecked(cabinet.id(),
                new PractitionerForm(Civility.DR, "Karim", "Benali", Profession.MEDECIN, "Médecine générale",
                        "10000000002", List.of("1 rue Imaginaire, 33000 Bordeaux"),
                        List.of("Dr Benali", "Docteur Karim Benali", "benali généraliste Chartrons"),
                        "Assureur Fictif Mutuelle", "DEMO-0002", false));
        var resource = new ClassPathResource("demo/avis-demo.jsonl");
        var report = imports.importFileAsSystem(cabinet.id(), "avis-demo.jsonl", () -> {
            try {
                return resource.getInputStream();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }, "Démonstration");
        access.grantToAdministrators(cabinet.id(), CabinetRole.TITULAIRE);
        log.info("Cabinet de démonstration chargé : {} mentions fictives ({} refusées)", report.created(),
                report.rejected());
    }

    @ApplicationModuleListener
    void on(UserCreated event) {
        if (event.administrator()) {
            practice.demoCabinet()
                .ifPresent(cabinet -> access.grant(event.userId(), cabinet.id(), CabinetRole.TITULAIRE));
        }
    }

}
