package fr.egide.cases;

import fr.egide.analysis.IndicatorType;
import fr.egide.monitoring.FrenchDates;
import fr.egide.monitoring.PublicationDate;
import fr.egide.monitoring.UnreadableDateException;
import fr.egide.system.Command;
import fr.egide.system.JsonLines;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code java -jar egide.jar deadlines}: reads JSON Lines ({@code id}, {@code indicator}, {@code published} — an ISO
 * date, an ISO date-time or French relative text such as « il y a 3 mois » — and optional {@code seenAt}, the
 * moment relative text was read, now by default) and writes for each line its {@code id} and {@code deadlines}:
 * {@code kind} (PRESCRIPTION_PENALE, DROIT_DE_REPONSE, ACTION_CIVILE), {@code date} (the last day to act, on the
 * safe side), {@code basis} and {@code approximate}. A bad line gets {@code error} and the rest goes on. No web
 * server, no database.
 */
public final class DeadlinesCommand implements Command {

    /** The kinds a publication starts. */
    static final Set<DeadlineKind> PUBLICATION_KINDS = EnumSet.of(DeadlineKind.PRESCRIPTION_PENALE, DeadlineKind.DROIT_DE_REPONSE,
            DeadlineKind.ACTION_CIVILE);

    private final InputStream in;

    private final Clock clock;

    public DeadlinesCommand() {
        this(System.in, Clock.systemUTC());
    }

    DeadlinesCommand(InputStream in, Clock clock) {
        this.in = in;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "deadlines";
    }

    @Override
    public String summary() {
        return "Délais pour agir selon le type d'indicateur et la date de publication (JSON Lines).";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty() && (args.get(0).equals("--help") || args.get(0).equals("-h"))) {
            out.println("Usage : java -jar egide.jar deadlines < publications.jsonl");
            out.println("Chaque ligne : {\"id\": \"…\", \"indicator\": \"DIFFAMATION\", \"published\": \"2026-03-01\" ou \"il y a 3 mois\","
                    + " \"seenAt\": \"2026-06-01T10:00:00Z\" (facultatif)}");
            out.println("Indicateurs : " + Arrays.stream(IndicatorType.values()).map(Enum::name).collect(Collectors.joining(", ")));
            return 0;
        }
        if (!args.isEmpty()) {
            err.println("Argument inconnu : " + args.get(0) + " (deadlines lit l'entrée standard ; --help pour l'aide).");
            return 2;
        }
        var lines = new JsonLines();
        return lines.run(in, out, err, "{\"id\": …, \"indicator\": …, \"published\": …}", (input, result) -> answer(input, result));
    }

    void answer(JsonNode input, ObjectNode result) {
        var indicatorNode = input.get("indicator");
        if (indicatorNode == null || !indicatorNode.isString() || indicatorNode.asString().isBlank()) {
            result.put("error", "Champ « indicator » absent : un type d'indicateur est attendu ("
                    + Arrays.stream(IndicatorType.values()).map(Enum::name).collect(Collectors.joining(", ")) + ").");
            return;
        }
        IndicatorType indicator;
        try {
            indicator = IndicatorType.valueOf(indicatorNode.asString().strip().toUpperCase(java.util.Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            result.put("error", "Indicateur inconnu : « " + indicatorNode.asString() + " » (attendu : "
                    + Arrays.stream(IndicatorType.values()).map(Enum::name).collect(Collectors.joining(", ")) + ").");
            return;
        }
        Instant seenAt = clock.instant();
        var seenNode = input.get("seenAt");
        if (seenNode != null && !seenNode.isNull()) {
            try {
                seenAt = OffsetDateTime.parse(seenNode.asString().strip()).toInstant();
            }
            catch (DateTimeParseException ex) {
                result.put("error", "Champ « seenAt » illisible : « " + seenNode.asString()
                        + " » (date-heure ISO attendue, par exemple 2026-06-01T10:00:00Z).");
                return;
            }
        }
        var publishedNode = input.get("published");
        if (publishedNode == null || publishedNode.isNull() || !publishedNode.isString() || publishedNode.asString().isBlank()) {
            result.put("error", "Champ « published » absent : sans date de première publication, aucun délai ne peut être calculé "
                    + "(la prescription court de la publication, non de la découverte).");
            return;
        }
        PublicationDate published;
        try {
            published = FrenchDates.parse(publishedNode.asString(), seenAt);
        }
        catch (UnreadableDateException ex) {
            result.put("error", ex.getMessage());
            return;
        }
        if (published.basis() == PublicationDate.Basis.MODIFICATION) {
            result.put("error", "« " + published.raw() + " » est une date de modification : la première publication peut être bien plus "
                    + "ancienne, le délai ne peut pas être calculé du côté sûr. Indiquez la date de publication.");
            return;
        }
        var earliest = published.earliest().atZone(FrenchDates.PARIS).toLocalDate();
        var latest = published.latest().atZone(FrenchDates.PARIS).toLocalDate();
        var approximate = !earliest.equals(latest) || published.basis() == PublicationDate.Basis.VISITE;
        var deadlines = result.putArray("deadlines");
        for (var deadline : DeadlineRules.standard().deadlines(indicator.name(), earliest, latest)) {
            if (!PUBLICATION_KINDS.contains(deadline.kind())) {
                continue;
            }
            deadlines.addObject()
                .put("kind", deadline.kind().name())
                .put("date", deadline.date().toString())
                .put("basis", deadline.basis())
                .put("approximate", approximate || deadline.approximate());
        }
    }

}
