package fr.egide.system.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document served at /v3/api-docs: title, licence and the bearer-token scheme. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI egideOpenApi() {
        return new OpenAPI()
            .info(new Info().title("API Égide")
                .version("v1")
                .description("Veille, analyse, preuves et dossiers pour l'e-réputation des professionnels de santé. "
                        + "Obtenez un jeton par POST /api/v1/auth/token, puis envoyez-le dans l'en-tête "
                        + "« Authorization: Bearer … ». Les erreurs suivent la RFC 9457 (application/problem+json).")
                .license(new License().name("Apache-2.0")))
            .components(new Components().addSecuritySchemes("bearer",
                    new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")));
    }

}
