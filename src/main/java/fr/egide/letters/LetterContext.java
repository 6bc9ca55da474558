package fr.egide.letters;

import fr.egide.analysis.IndicatorType;
import fr.egide.analysis.StrategyKind;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything a letter is written from, pre-filled from a dossier. Nullable components are optional; which ones a
 * letter needs is said by its template ({@code requis:} lines) and a missing one is refused with a French message.
 * Free texts ({@link #publicFacts}, {@link #replyText}, {@link #stepsTaken}, {@link #authorCopy}) are linted for
 * medical secrecy like the letter's own wording; the quoted public texts are not (they are the author's words).
 *
 * @param dossierReference the dossier's reference, e.g. « D-2026-014 »
 * @param letterDate the date written on the letter
 * @param place where it is written (« Lyon »)
 * @param recipient whom it is sent to (for a platform: Google Ireland Limited, Gordon House, Barrow Street,
 * Dublin 4); for the lawyer's brief, null means the {@link #lawyerName}
 * @param contents the public contents concerned, in order
 * @param evidence what proves them (captures, constats, screenshots)
 * @param qualification the user's choice (only a judge decides)
 * @param legalBases the texts the user retained; null or empty: those of the qualification ({@code qualifications.tsv})
 * @param indicators the analyser's indicators the user accepted, with their words
 * @param deadlines the dossier's computed deadlines
 * @param strategy the strategy chosen, or null
 * @param insurance the cabinet's professional insurance, or null when not set
 * @param lawyerName « Maître … », or null
 * @param publicFacts facts known to the practitioner that are public (never anything learnt through care)
 * @param replyText the reply to insert (droit de réponse)
 * @param searchQuery the name-based query that shows the content (delisting); null: first and last name and city
 * @param stepsTaken what has been done so far (insurer, lawyer), free text
 * @param authorCopy how the author was sent a copy of the notice, or why that was impossible
 */
public record LetterContext(String dossierReference, LocalDate letterDate, String place, Sender sender, String cabinetName,
        Recipient recipient, List<Content> contents, List<EvidenceItem> evidence, LegalQualification qualification,
        List<String> legalBases, List<AcceptedIndicator> indicators, List<DeadlineItem> deadlines, StrategyKind strategy,
        Insurance insurance, String lawyerName, String publicFacts, String replyText, String searchQuery, String stepsTaken,
        String authorCopy) {

    public LetterContext {
        contents = contents == null ? List.of() : List.copyOf(contents);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        legalBases = legalBases == null ? List.of() : List.copyOf(legalBases);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
    }

    /**
     * The practitioner writing.
     *
     * @param civility « Dr », « Docteur », « Madame », « Monsieur »
     * @param rpps the RPPS number, or null
     * @param address the professional address, one line each
     */
    public record Sender(String civility, String firstName, String lastName, String profession, String rpps,
            List<String> address, String email) {

        public Sender {
            address = address == null ? List.of() : List.copyOf(address);
        }

    }

    /** @param address one line each; may be empty for an e-mail or a form */
    public record Recipient(String name, List<String> address, String email) {

        public Recipient {
            address = address == null ? List.of() : List.copyOf(address);
        }

    }

    /**
     * One public content concerned.
     *
     * @param authorPseudonym the name it is published under, or null
     * @param quotedText the public text, verbatim
     * @param publishedAsShown the date as the site shows it (« il y a 3 mois »), or null
     * @param publishedOn the publication date as computed (the earliest possible day), or null when unknown
     * @param seenOn when it was seen
     */
    public record Content(String url, String authorPseudonym, String quotedText, String publishedAsShown, LocalDate publishedOn,
            LocalDate seenOn) {
    }

    /**
     * @param description what it is (« Capture scellée de la page », « Constat de commissaire de justice »)
     * @param sha256 the file's or the bundle's SHA-256, or null
     * @param bundleId the evidence bundle's identifier, or null
     */
    public record EvidenceItem(String description, LocalDate date, String sha256, String bundleId) {
    }

    /** @param words the words of the public text the indicator points at */
    public record AcceptedIndicator(IndicatorType type, List<String> words) {

        public AcceptedIndicator {
            words = words == null ? List.of() : List.copyOf(words);
        }

    }

    /**
     * @param kind the dossiers module's deadline kind name (PRESCRIPTION_PENALE, DROIT_DE_REPONSE, ACTION_CIVILE,
     * DECLARATION_ASSUREUR…)
     * @param label what it is, in French
     * @param basis the legal text
     */
    public record DeadlineItem(String kind, String label, LocalDate date, String basis) {
    }

    /**
     * @param guarantee « responsabilité civile professionnelle », « protection juridique », « e-réputation »
     * @param declarationWorkingDays the contract's declaration deadline in working days, or null
     * @param claimDate the day the claim is reckoned from (usually the discovery), or null
     */
    public record Insurance(String insurer, String policyNumber, String guarantee, Integer declarationWorkingDays,
            LocalDate claimDate) {
    }


    /** A builder, for callers that fill the context piece by piece (all values optional until a letter needs them). */
    public static Builder builder() {
        return new Builder();
    }

    /** Fills a {@link LetterContext}; each method returns the builder. */
    public static final class Builder {

        private String dossierReference;

        private LocalDate letterDate;

        private String place;

        private Sender sender;

        private String cabinetName;

        private Recipient recipient;

        private List<Content> contents;

        private List<EvidenceItem> evidence;

        private LegalQualification qualification;

        private List<String> legalBases;

        private List<AcceptedIndicator> indicators;

        private List<DeadlineItem> deadlines;

        private StrategyKind strategy;

        private Insurance insurance;

        private String lawyerName;

        private String publicFacts;

        private String replyText;

        private String searchQuery;

        private String stepsTaken;

        private String authorCopy;

        private Builder() {
        }

        public Builder dossierReference(String value) {
            dossierReference = value;
            return this;
        }

        public Builder letterDate(LocalDate value) {
            letterDate = value;
            return this;
        }

        public Builder place(String value) {
            place = value;
            return this;
        }

        public Builder sender(Sender value) {
            sender = value;
            return this;
        }

        public Builder cabinetName(String value) {
            cabinetName = value;
            return this;
        }

        public Builder recipient(Recipient value) {
            recipient = value;
            return this;
        }

        public Builder contents(List<Content> value) {
            contents = value;
            return this;
        }

        public Builder evidence(List<EvidenceItem> value) {
            evidence = value;
            return this;
        }

        public Builder qualification(LegalQualification value) {
            qualification = value;
            return this;
        }

        public Builder legalBases(List<String> value) {
            legalBases = value;
            return this;
        }

        public Builder indicators(List<AcceptedIndicator> value) {
            indicators = value;
            return this;
        }

        public Builder deadlines(List<DeadlineItem> value) {
            deadlines = value;
            return this;
        }

        public Builder strategy(StrategyKind value) {
            strategy = value;
            return this;
        }

        public Builder insurance(Insurance value) {
            insurance = value;
            return this;
        }

        public Builder lawyerName(String value) {
            lawyerName = value;
            return this;
        }

        public Builder publicFacts(String value) {
            publicFacts = value;
            return this;
        }

        public Builder replyText(String value) {
            replyText = value;
            return this;
        }

        public Builder searchQuery(String value) {
            searchQuery = value;
            return this;
        }

        public Builder stepsTaken(String value) {
            stepsTaken = value;
            return this;
        }

        public Builder authorCopy(String value) {
            authorCopy = value;
            return this;
        }

        public LetterContext build() {
            return new LetterContext(dossierReference, letterDate, place, sender, cabinetName, recipient, contents, evidence,
                    qualification, legalBases, indicators, deadlines, strategy, insurance, lawyerName, publicFacts, replyText,
                    searchQuery, stepsTaken, authorCopy);
        }

    }

}
