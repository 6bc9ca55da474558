package fr.egide.analysis;

import java.util.List;

/** The recommended strategy, why, the next steps in order, and the deadlines that apply. */
public record Strategy(StrategyKind kind, String rationale, List<String> nextSteps, List<Deadline> deadlines) {
}
