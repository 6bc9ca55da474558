package fr.egide.reporting.internal;

import fr.egide.identity.CabinetAccess;
import fr.egide.identity.CabinetRole;
import fr.egide.identity.CabinetRoles;
import fr.egide.monitoring.WatchReadiness;
import fr.egide.practice.PracticeManagement;
import fr.egide.practice.Practitioner;
import fr.egide.replies.Replies;
import fr.egide.reporting.Readiness;
import fr.egide.reporting.ReadinessCheck;
import fr.egide.reporting.ReadinessItem;
import fr.egide.reporting.ReadinessStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Computes a cabinet's « bons réflexes » from what the other modules know. Every text comes from the message bundle
 * (keys {@code reflexes.<CHECK>.*}); none of them suggests asking for, buying or « drowning » reviews, which the
 * codes of ethics forbid (ReadinessGuidanceUnitTests checks the words).
 */
@Service
public class ReadinessChecks {

    static final Locale FRENCH = Locale.FRANCE;

    private final CabinetAccess access;

    private final PracticeManagement practice;

    private final WatchReadiness watch;

    private final CabinetRoles roles;

    private final Replies replies;

    private final MessageSource messages;

    ReadinessChecks(CabinetAccess access, PracticeManagement practice, WatchReadiness watch, CabinetRoles roles, Replies replies,
            MessageSource messages) {
        this.access = access;
        this.practice = practice;
        this.watch = watch;
        this.roles = roles;
        this.replies = replies;
        this.messages = messages;
    }

    /** The checklist of a cabinet whose contents the current user reads ("not found" for a stranger, "forbidden" without READ). */
    public Readiness of(UUID cabinetId) {
        access.require(cabinetId, fr.egide.identity.Permission.READ);
        var cabinet = practice.cabinet(cabinetId);
        var practitioners = practice.practitioners(cabinetId);
        var facts = watch.of(cabinetId);
        var items = new ArrayList<ReadinessItem>();
        var veille = "/veille/" + cabinetId;
        var settings = "/cabinets/" + cabinetId;

        if (facts.googleConnected() && facts.googleBusinessSources() > 0) {
            items.add(item(ReadinessCheck.FICHE_GOOGLE, ReadinessStatus.FAIT, veille));
        }
        else if (facts.googleConnected() || facts.googlePlacesSources() > 0) {
            items.add(item(ReadinessCheck.FICHE_GOOGLE, ReadinessStatus.PARTIEL, veille, facts.googleConnected() ? 1 : 0));
        }
        else {
            items.add(item(ReadinessCheck.FICHE_GOOGLE, ReadinessStatus.A_FAIRE, veille));
        }

        items.add(perPractitioner(ReadinessCheck.PRESENCE_MAITRISEE, practitioners,
                p -> p.professionalProfileUrl() != null && p.websiteUrl() != null,
                p -> p.professionalProfileUrl() != null || p.websiteUrl() != null, settings));
        items.add(perPractitioner(ReadinessCheck.ASSURANCE, practitioners,
                p -> p.insurer() != null && p.policyNumber() != null && p.ereputationGuarantee() && p.declarationDays() != null,
                p -> p.insurer() != null || p.policyNumber() != null || p.ereputationGuarantee() || p.declarationDays() != null,
                settings));

        if (facts.scannedSources() == 0) {
            items.add(item(ReadinessCheck.SOURCES, ReadinessStatus.A_FAIRE, veille));
        }
        else if (facts.sourcesInError() > 0 || facts.searchSources() == 0 || facts.activeSources() == 0) {
            items.add(item(ReadinessCheck.SOURCES, ReadinessStatus.PARTIEL, veille, facts.scannedSources(), facts.sourcesInError(),
                    facts.searchSources()));
        }
        else {
            items.add(item(ReadinessCheck.SOURCES, ReadinessStatus.FAIT, veille, facts.scannedSources()));
        }

        var search = veille + "/recherche";
        if (!facts.searchScanned()) {
            items.add(item(ReadinessCheck.SEPARATION_PRO_PERSO, ReadinessStatus.A_FAIRE, search));
        }
        else if (facts.firstPagePerso() > 0) {
            items.add(item(ReadinessCheck.SEPARATION_PRO_PERSO, ReadinessStatus.PARTIEL, search, facts.firstPagePerso(),
                    facts.firstPagePro() + facts.firstPagePerso() + facts.firstPageUndetermined()));
        }
        else {
            items.add(item(ReadinessCheck.SEPARATION_PRO_PERSO, ReadinessStatus.FAIT, search, facts.firstPagePro()));
        }

        var readers = roles.withRole(cabinetId, CabinetRole.RELECTEUR);
        var peerReview = replies.settings(cabinetId).requirePeerReview();
        var replySettings = "/reponses/reglages/" + cabinetId;
        if (!readers.isEmpty() && peerReview) {
            items.add(item(ReadinessCheck.RELECTURE, ReadinessStatus.FAIT, replySettings, readers.size()));
        }
        else if (!readers.isEmpty() || peerReview) {
            items.add(item(ReadinessCheck.RELECTURE, ReadinessStatus.PARTIEL, replySettings, readers.size(), peerReview ? 1 : 0));
        }
        else {
            items.add(item(ReadinessCheck.RELECTURE, ReadinessStatus.A_FAIRE, replySettings));
        }

        var points = items.stream().mapToInt(i -> i.status().points()).sum();
        var score = (int) Math.round(100.0 * points / (2.0 * items.size()));
        var done = (int) items.stream().filter(i -> i.status() == ReadinessStatus.FAIT).count();
        return new Readiness(cabinetId, cabinet.name(), Instant.now(), score, done, List.copyOf(items));
    }

    private ReadinessItem perPractitioner(ReadinessCheck check, List<Practitioner> practitioners, Predicate<Practitioner> complete,
            Predicate<Practitioner> started, String path) {
        if (practitioners.isEmpty()) {
            return new ReadinessItem(check, ReadinessStatus.A_FAIRE, text("reflexes." + check + ".titre"),
                    text("reflexes.aucun.praticien"), text("reflexes." + check + ".conseil"), path);
        }
        var done = practitioners.stream().filter(complete).toList();
        var missing = String.join(", ", practitioners.stream().filter(complete.negate()).map(Practitioner::displayName).toList());
        if (done.size() == practitioners.size()) {
            return item(check, ReadinessStatus.FAIT, path, practitioners.size());
        }
        if (!done.isEmpty() || practitioners.stream().anyMatch(started)) {
            return item(check, ReadinessStatus.PARTIEL, path, done.size(), practitioners.size(), missing);
        }
        return item(check, ReadinessStatus.A_FAIRE, path, practitioners.size(), missing);
    }

    private ReadinessItem item(ReadinessCheck check, ReadinessStatus status, String path, Object... args) {
        var prefix = "reflexes." + check + ".";
        var guidance = status == ReadinessStatus.FAIT ? "" : text(prefix + "conseil");
        return new ReadinessItem(check, status, text(prefix + "titre"), text(prefix + status, args), guidance, path);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, FRENCH);
    }

}
