package io.glasswarden.database;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;

/** Hands every call to a Hibernate format mapper (Hibernate's Jackson mapper is final, so it cannot be a bean itself). */
abstract class JacksonJsonFormatMapperDelegate implements FormatMapper {

    private final FormatMapper delegate;

    protected JacksonJsonFormatMapperDelegate(FormatMapper delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> T fromString(CharSequence charSequence, JavaType<T> javaType, WrapperOptions wrapperOptions) {
        return delegate.fromString(charSequence, javaType, wrapperOptions);
    }

    @Override
    public <T> String toString(T value, JavaType<T> javaType, WrapperOptions wrapperOptions) {
        return delegate.toString(value, javaType, wrapperOptions);
    }

    @Override
    public boolean supportsSourceType(Class<?> sourceType) {
        return delegate.supportsSourceType(sourceType);
    }

    @Override
    public boolean supportsTargetType(Class<?> targetType) {
        return delegate.supportsTargetType(targetType);
    }

    @Override
    public <T> void writeToTarget(T value, JavaType<T> javaType, Object target, WrapperOptions options)
            throws java.io.IOException {
        delegate.writeToTarget(value, javaType, target, options);
    }

    @Override
    public <T> T readFromSource(JavaType<T> javaType, Object source, WrapperOptions options)
            throws java.io.IOException {
        return delegate.readFromSource(javaType, source, options);
    }
}
