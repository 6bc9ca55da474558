package fr.egide.audit;

/**
 * The result of checking a chain of the audit log.
 *
 * @param entries how many entries were read
 * @param brokenSeq the first entry found changed, removed or inserted (0 when the chain is intact)
 * @param problem what is wrong with it, in French (empty when intact)
 */
public record ChainCheck(String chain, long entries, long brokenSeq, String problem) {

    @com.fasterxml.jackson.annotation.JsonProperty("intact")
    public boolean intact() {
        return brokenSeq == 0;
    }

}
