package fr.egide.reporting.internal;

import fr.egide.identity.EgideUser;
import jakarta.mail.MessagingException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Mails a monthly report to a titulaire, the PDF attached, through the SMTP server the alerts use. The subject only
 * names the month: it is read on lock screens and by mail providers, so it never carries anything about patients.
 */
@Component
class MonthlyReportMailer {

    private final ObjectProvider<JavaMailSender> sender;

    private final MessageSource messages;

    private final String from;

    private final String baseUrl;

    MonthlyReportMailer(ObjectProvider<JavaMailSender> sender, MessageSource messages, @Value("${egide.alerts.from}") String from,
            @Value("${egide.alerts.base-url}") String baseUrl) {
        this.sender = sender;
        this.messages = messages;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    void send(EgideUser to, YearMonth month, UUID reportId, byte[] pdf) throws MessagingException {
        var mail = sender.getIfAvailable();
        if (mail == null) {
            throw new MessagingException("Envoi d'e-mails non configuré : indiquez le serveur SMTP (spring.mail.host).");
        }
        var monthName = MonthlyReportPdf.monthName(month);
        var message = mail.createMimeMessage();
        var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(to.email());
        helper.setSubject(text("mensuel.mail.objet", monthName));
        helper.setText(text("mensuel.mail.corps", to.displayName(), monthName, baseUrl + "/rapports"));
        helper.addAttachment(text("mensuel.mail.fichier", month.toString()), new ByteArrayResource(pdf), "application/pdf");
        mail.send(message);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.FRANCE);
    }

}
