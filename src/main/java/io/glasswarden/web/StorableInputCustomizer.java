package io.glasswarden.web;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.glasswarden.core.StorableInput;
import io.quarkus.jackson.ObjectMapperCustomizer;

/** Every JSON body the API reads obeys {@link StorableInput}: a NUL or an unstorable date is a 400 naming the field. */
@Singleton
public class StorableInputCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(StorableInput.module());
    }
}
