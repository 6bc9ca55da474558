package fr.egide.analysis;

/**
 * Where the indicators point. Only a judge decides that content is illicit; notifying lawful content is
 * itself an offence, so ordinary criticism must stay LICITE_PROBABLE.
 */
public enum Qualification {
    LICITE_PROBABLE, A_EXAMINER, ILLICITE_PROBABLE
}
