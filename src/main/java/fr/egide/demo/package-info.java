/**
 * The fictional demo cabinet loaded by {@code --demo} so that a newcomer sees a populated application.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Démonstration")
package fr.egide.demo;
