package io.glasswarden.database;

import jakarta.inject.Singleton;

import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.hibernate.orm.JsonFormat;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * JSON columns get their own mapper, independent of the REST one: stored JSON must stay readable when a newer version
 * added a property (so unknown properties are ignored here, while the API rejects them), and dates are ISO-8601.
 */
@JsonFormat
@PersistenceUnitExtension
@Singleton
public class JsonColumnFormatMapper extends JacksonJsonFormatMapperDelegate {

    public JsonColumnFormatMapper() {
        super(new JacksonJsonFormatMapper(new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)));
    }
}
