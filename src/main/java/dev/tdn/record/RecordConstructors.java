package dev.tdn.record;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;

import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.module.SimpleValueInstantiators;

/**
 * Calls tdn's record constructors through a method handle made once per type. Jackson 3.3 calls a
 * constructor of several arguments through {@code MethodHandle.invokeWithArguments}, which adapts
 * the handle anew on every call: a fifth of reading a stored record (about sixty constructors a
 * record) went there. Everything else, the error a failing constructor gives included, is
 * Jackson's own.
 */
final class RecordConstructors {

    private RecordConstructors() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("tdn-record-constructors");
        module.setValueInstantiators(new SimpleValueInstantiators() {
            @Override
            public ValueInstantiator modifyValueInstantiator(DeserializationConfig config,
                    BeanDescription.Supplier beanDescRef, ValueInstantiator found) {
                return RecordConstructors.modify(found);
            }
        });
        return module;
    }

    static ValueInstantiator modify(ValueInstantiator found) {
        if (found.getClass() != StdValueInstantiator.class
                || !(((StdValueInstantiator) found).getWithArgsCreator() instanceof AnnotatedConstructor creator)
                || !creator.getDeclaringClass().getName().startsWith("dev.tdn.")) {
            return found;
        }
        Constructor<?> constructor = creator.getAnnotated();
        try {
            constructor.setAccessible(true);
            MethodHandle handle = MethodHandles.lookup().unreflectConstructor(constructor)
                    .asSpreader(Object[].class, constructor.getParameterCount())
                    .asType(MethodType.methodType(Object.class, Object[].class));
            return new Spread((StdValueInstantiator) found, handle);
        } catch (IllegalAccessException | RuntimeException e) {
            return found;
        }
    }

    /** Jackson's instantiator but for the call itself. */
    private static final class Spread extends StdValueInstantiator {
        private final MethodHandle constructor;

        Spread(StdValueInstantiator jackson, MethodHandle constructor) {
            super(jackson);
            this.constructor = constructor;
        }

        @Override
        public Object createFromObjectWith(DeserializationContext ctxt, Object[] args) {
            try {
                return (Object) constructor.invokeExact(args);
            } catch (Error e) {
                throw e;
            } catch (Throwable e) {
                // as StdValueInstantiator does with what the constructor threw
                return ctxt.handleInstantiationProblem(_valueClass, args, rewrapCtorProblem(ctxt, e));
            }
        }
    }
}
