package org.bordercustody;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CustodyApplication {

    public static void main(String[] args) {
        SpringApplication.run(CustodyApplication.class, args);
    }
}
