package fr.egide.cases;

import fr.egide.analysis.StrategyKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A dossier as its pages and API show it: its stage, the mentions it is about, the indicators and the user's
 * decisions, the qualification, impact and strategy chosen (beside what the analyser recommends), the evidence,
 * the letters, the deadlines and the timeline.
 */
public record Dossier(UUID id, UUID cabinetId, UUID practitionerId, String reference, String title, DossierStage stage,
        DossierOutcome outcome, DossierQualification qualification, String qualificationReason, Impact impact, StrategyKind strategy,
        String strategyReason, StrategyKind recommendedStrategy, String recommendationRationale, Instant prescribedAt, Instant createdAt,
        Instant closedAt, List<MentionItem> mentions, List<IndicatorItem> indicators, List<EvidenceItem> evidence, List<LetterItem> letters,
        List<DeadlineItem> deadlines, List<TimelineEntry> timeline) {

    /** A mention of the dossier, with the dates its deadlines start from. */
    public record MentionItem(UUID id, String sourceName, String url, String author, Integer rating, String text, String publishedRaw,
            Instant publishedEarliest, Instant publishedLatest, int versionCount, Instant removedAt) {
    }

    /**
     * An indicator the analyser found, with the words and the user's decision (null: not decided yet).
     *
     * @param words the words that triggered it, as quoted from the text
     */
    public record IndicatorItem(UUID mentionId, String type, double confidence, List<String> words, String reason, String legalBasis,
            Boolean accepted, Instant decidedAt) {
    }

    /**
     * The four criteria and the score.
     *
     * @param position FIRST_PAGE / BEYOND / null (unknown)
     * @param audience GENERALISTE / SPECIALISE / CONFIDENTIEL / null
     * @param author PATIENT / ANONYME / PROFESSIONNEL_CONCURRENT / JOURNALISTE / INFLUENCEUR / null
     * @param factors each criterion with its points and explanation, the risk included
     * @param edited whether the user changed what was pre-filled
     */
    public record Impact(int score, String position, String audience, String author, List<Factor> factors, boolean edited) {

        public record Factor(String criterion, String value, int points, String explanation) {
        }

    }

    /** A sealed bundle of the evidence module, or a screenshot the user uploaded. */
    public record EvidenceItem(UUID id, String kind, String captureId, String fileName, String contentType, Long size, String sha256,
            Instant addedAt, String captureStatus, String url) {
    }

    /** A generated letter and its sending. */
    public record LetterItem(UUID id, String type, String title, Instant createdAt, LocalDate sentOn, String channel,
            String registeredNumber) {

        public boolean sent() {
            return sentOn != null;
        }

    }

    /**
     * A deadline: computed from a mention's publication (per version of its text) or opened by an event.
     *
     * @param date the last day to act; null when it cannot be computed, with the reason in {@code missing}
     * @param reminders the J-30, J-14, J-7 and J-2 days still to come
     */
    public record DeadlineItem(String kind, String label, LocalDate date, String basis, String description, boolean approximate,
            UUID mentionId, Integer versionNo, String origin, String missing, List<LocalDate> reminders, boolean passed) {
    }

    /** One immutable step of the dossier's history. */
    public record TimelineEntry(long seq, Instant at, String userName, String kind, String detail) {
    }

}
