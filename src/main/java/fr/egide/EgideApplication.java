package fr.egide;

import fr.egide.system.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Égide's single entry point. With no sub-command it serves the web application; a sub-command
 * ({@code egide help} lists them) runs on its own, without the web server or the database, so the
 * same jar can be used in scripts and by a commissaire de justice checking a bundle offline.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
public class EgideApplication {

    public static void main(String[] args) {
        var command = CommandLine.find(args);
        if (command.isPresent()) {
            System.exit(command.get().run());
        }
        SpringApplication.run(EgideApplication.class, args);
    }

}
