package fr.egide.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * The records of processing activities (art. 30 GDPR) of a cabinet, generated from what is actually configured:
 * the retention periods set, the SMTP server, the timestamp authorities, the language model, the webhooks and
 * connected accounts. The cabinet is the controller; this page is a draft it completes and keeps.
 */
@Service
public class ProcessingRecords {

    /** One processing activity. */
    public record Processing(String name, String purpose, String dataSubjects, String categories, String retention, List<String> recipients) {
    }

    private final Environment environment;

    private final CabinetPrivacy privacy;

    private final List<DataRecipients> recipients;

    ProcessingRecords(Environment environment, CabinetPrivacy privacy, List<DataRecipients> recipients) {
        this.environment = environment;
        this.privacy = privacy;
        this.recipients = recipients;
    }

    public List<Processing> of(UUID cabinetId) {
        privacy.requireTitulaire(cabinetId);
        var retention = privacy.retention(cabinetId);
        var raw = retention.rawMonths() == null ? "aucune durée fixée (conservées jusqu'à suppression)"
                : retention.rawMonths() + " mois après la dernière lecture, puis effacées chaque nuit";
        var closed = retention.closedMonths() == null ? "aucune durée fixée (conservés jusqu'à suppression)"
                : retention.closedMonths() + " mois après la clôture, puis effacés chaque nuit (chronologie comprise)";
        var cabinetRecipients = new ArrayList<String>();
        recipients.forEach(r -> cabinetRecipients.addAll(r.recipients(cabinetId)));
        var mail = property("spring.mail.host");
        var mailRecipients = mail.isBlank() ? List.of("aucun serveur SMTP configuré : aucun e-mail n'est envoyé")
                : List.of("serveur SMTP " + mail + " : adresse, nom et alertes des membres du cabinet");
        var llm = property("egide.replies.llm.url");
        var tsa = property("egide.evidence.tsa");
        var list = new ArrayList<Processing>();
        list.add(new Processing("Veille de la réputation en ligne", "repérer ce qui est publié sur le praticien et le cabinet",
                "auteurs d'avis et de publications, praticiens", "textes publics, pseudonymes, notes, dates, adresses des pages ; données brutes des sources",
                "données brutes : " + raw + " ; mentions : jusqu'à suppression par le cabinet",
                cabinetRecipients.stream().filter(r -> !r.startsWith("webhook")).toList()));
        list.add(new Processing("Analyse et qualification", "évaluer l'impact et les indices juridiques des mentions (indices, jamais des verdicts)",
                "auteurs des mentions", "textes des mentions, indices, décisions du cabinet", "celle des mentions", List.of("aucun : analyse faite sur place")));
        list.add(new Processing("Preuves et dossiers", "constituer la preuve d'un contenu illicite et suivre l'action (courriers, délais)",
                "auteurs, praticiens, destinataires des courriers", "captures scellées, captures d'écran, courriers, chronologie",
                "dossiers clos : " + closed + " ; la chaîne de preuve est conservée",
                tsa.isBlank() ? List.of() : List.of("autorités d'horodatage (" + tsa + ") : seulement l'empreinte SHA-256 du manifeste")));
        list.add(new Processing("Réponses aux avis", "rédiger, relire et publier les réponses du praticien", "auteurs des avis, praticien",
                "textes des avis et des réponses, historique de relecture", "jusqu'à suppression par le cabinet",
                llm.isBlank() ? List.of("aucun modèle de langage configuré") : List.of("modèle de langage " + llm + " : seulement le texte public de l'avis")));
        list.add(new Processing("Alertes", "prévenir les membres du cabinet", "membres du cabinet", "adresse e-mail, préférences, alertes",
                "jusqu'à suppression par le cabinet", concat(mailRecipients, cabinetRecipients.stream().filter(r -> r.startsWith("webhook")).toList())));
        list.add(new Processing("Journal d'audit et sécurité", "tracer les actes sensibles (connexions, consultations, exports, envois)",
                "membres du cabinet", "identifiant de l'utilisateur, acte, objet, date, adresse IP de connexion",
                "conservé, inaltérable, y compris après la suppression du cabinet (entrée de clôture)", List.of("aucun")));
        return list;
    }

    private String property(String name) {
        var value = environment.getProperty(name, "");
        return value == null ? "" : value.strip();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new ArrayList<String>(a);
        all.addAll(b);
        return all;
    }

}
