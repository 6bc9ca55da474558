package fr.egide.compliance;

/** What a reply must never do. */
public enum Rule {
    /** Confirm or deny a care relationship, or reveal any health detail, date, amount or name. */
    SECRET_MEDICAL,
    /** Solicit reviews, promote services or prices, compare with colleagues, link to a site. */
    PUBLICITE,
    /** Insult, mock, accuse of lying, demand proof, threaten legal action, justify, shout. */
    TON,
    /** Length, greeting and closing, offer of a private exchange, spelling. */
    FORME
}
