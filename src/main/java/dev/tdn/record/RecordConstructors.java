package dev.tdn.record;

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
 * Calls tdn's record constructors by reflection. Jackson 3.3 calls a constructor of several
 * arguments with {@code MethodHandle.invokeWithArguments}, which adapts the handle anew on every
 * call: a fifth of reading a stored record (about sixty constructors a record) went there. A
 * handle spread once per type was as quick to call but spun some thirty method-handle classes at
 * start-up, 20 ms of a one-record command; {@code Constructor.newInstance} needs none on Java 17.
 * Everything else, the error a failing constructor gives included, is Jackson's own.
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
            return new Direct((StdValueInstantiator) found, constructor);
        } catch (RuntimeException e) {
            return found;
        }
    }

    /** Jackson's instantiator but for the call itself. */
    private static final class Direct extends StdValueInstantiator {
        private final Constructor<?> constructor;

        Direct(StdValueInstantiator jackson, Constructor<?> constructor) {
            super(jackson);
            this.constructor = constructor;
        }

        @Override
        public Object createFromObjectWith(DeserializationContext ctxt, Object[] args) {
            try {
                return constructor.newInstance(args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                // as StdValueInstantiator does with what the constructor threw
                return ctxt.handleInstantiationProblem(_valueClass, args, rewrapCtorProblem(ctxt, e.getCause()));
            } catch (ReflectiveOperationException | RuntimeException e) {
                return ctxt.handleInstantiationProblem(_valueClass, args, rewrapCtorProblem(ctxt, e));
            }
        }
    }
}
