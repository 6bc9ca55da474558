/**
 * The cabinet (practice) and its health professionals: who they are, how people name them online (the
 * variants Égide watches) and who insures them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cabinet et praticiens")
package fr.egide.practice;
