package fr.egide.alerts.internal;

import fr.egide.alerts.AlertMode;
import fr.egide.alerts.internal.AlertStore.StoredAlert;
import jakarta.mail.MessagingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Writes and sends alert e-mails, HTML and plain text. The subject is always generic: it is read on lock screens
 * and by mail providers, so it never carries a review's words or anyone's health.
 */
@Component
class AlertMailer {

    private final ObjectProvider<JavaMailSender> sender;

    private final SpringTemplateEngine templates;

    private final AlertMessages messages;

    private final AlertsSettings settings;

    AlertMailer(ObjectProvider<JavaMailSender> sender, SpringTemplateEngine templates, AlertMessages messages, AlertsSettings settings) {
        this.sender = sender;
        this.templates = templates;
        this.messages = messages;
        this.settings = settings;
    }

    /** Sends one e-mail with these alerts: one alert sent at once, or a digest. */
    void send(String to, String name, AlertMode mode, List<StoredAlert> alerts) throws MessagingException {
        var mail = sender.getIfAvailable();
        if (mail == null) {
            throw new MessagingException("Envoi d'e-mails non configuré : indiquez le serveur SMTP (spring.mail.host).");
        }
        var texts = alerts.stream().map(messages::text).toList();
        var subject = switch (mode) {
            case QUOTIDIEN -> messages.message("alerte.objet.quotidien", alerts.size());
            case HEBDOMADAIRE -> messages.message("alerte.objet.hebdomadaire", alerts.size());
            default -> alerts.size() > 1 ? messages.message("alerte.objet.groupe", alerts.size())
                    : messages.message("alerte.objet." + alerts.get(0).trigger().name());
        };
        var intro = switch (mode) {
            case QUOTIDIEN -> messages.message("alerte.mail.intro.quotidien", alerts.size());
            case HEBDOMADAIRE -> messages.message("alerte.mail.intro.hebdomadaire", alerts.size());
            default -> alerts.size() > 1 ? messages.message("alerte.mail.intro.groupe", alerts.size()) : messages.message("alerte.mail.intro");
        };
        var context = new Context(AlertMessages.FRENCH);
        context.setVariable("name", name);
        context.setVariable("intro", intro);
        context.setVariable("alerts", texts);
        context.setVariable("settingsLink", settings.link("/alertes/preferences"));
        var html = templates.process("alerts/mail", context);
        var text = new StringBuilder(messages.message("alerte.mail.bonjour", name)).append("\n\n").append(intro).append("\n\n");
        for (var t : texts) {
            text.append("• ").append(t.title()).append('\n')
                .append(messages.message("alerte.mail.pourquoi")).append(' ').append(t.why()).append('\n')
                .append(messages.message("alerte.mail.suite")).append(' ').append(t.next()).append('\n')
                .append(messages.message("alerte.mail.voir")).append(' ').append(t.link()).append("\n\n");
        }
        text.append(messages.message("alerte.mail.reglages")).append(' ').append(settings.link("/alertes/preferences")).append('\n');
        var message = mail.createMimeMessage();
        var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(settings.from());
        helper.setTo(to);
        helper.setSubject(subject);
        helper.setText(text.toString(), html);
        mail.send(message);
    }

}
