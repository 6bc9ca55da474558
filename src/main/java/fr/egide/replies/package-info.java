/**
 * Replies: the reply assistant and workflow. For a review it first says whether to reply at all (often the
 * safest choice is no public reply), proposes short drafts built on the structure practitioners are taught,
 * all passing the linter, and takes a draft through its states (BROUILLON → EN_RELECTURE → APPROUVE → PUBLIE,
 * or ABANDONNE) with a délai de réflexion and, when the cabinet wants it, approval by someone else.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Réponses")
package fr.egide.replies;
