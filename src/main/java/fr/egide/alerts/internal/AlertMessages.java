package fr.egide.alerts.internal;

import fr.egide.alerts.internal.AlertStore.StoredAlert;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** An alert's texts, from the message bundle: what happened, why it matters, what to do next. */
@Component
public class AlertMessages {

    public static final Locale FRENCH = Locale.FRANCE;

    public record Text(String title, String why, String next, String link) {
    }

    private final MessageSource messages;

    private final AlertsSettings settings;

    AlertMessages(MessageSource messages, AlertsSettings settings) {
        this.messages = messages;
        this.settings = settings;
    }

    public Text text(StoredAlert alert) {
        var key = "alerte." + alert.trigger().name();
        // Numbers stay numbers for the bundle's choice formats (« a été modifiée » or « a disparu »).
        var args = alert.params().stream().map(p -> p.matches("-?\\d{1,9}") ? (Object) Integer.valueOf(p) : p).toArray();
        return new Text(message(key + ".titre", args), message(key + ".pourquoi", args), message(key + ".suite", args),
                settings.link(alert.itemPath()));
    }

    public String message(String key, Object... args) {
        return messages.getMessage(key, args, FRENCH);
    }

}
