package io.keywarden.sdk;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Guards the public surface: no Jackson and no {@code internal} type in it, and public classes final. */
class PublicApiShapeTest {

    private static List<Class<?>> publicApiClasses() {
        return SdkClassScan.mainClasses().stream()
                .filter(c -> !c.getPackageName().contains(".internal"))
                .filter(c -> Modifier.isPublic(c.getModifiers()))
                .toList();
    }

    @Test
    void theScanFindsTheApi() {
        assertThat(publicApiClasses()).contains(KeywardenClient.class, KeywardenClient.Builder.class,
                io.keywarden.sdk.auth.ProfileCredentialsProvider.class, io.keywarden.sdk.model.Page.class);
    }

    @Test
    void noPublicSignatureMentionsJacksonOrAnInternalType() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : publicApiClasses()) {
            List<Type> mentioned = new ArrayList<>();
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers())) {
                    mentioned.add(m.getGenericReturnType());
                    addParameters(m, mentioned);
                }
            }
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (Modifier.isPublic(c.getModifiers()) || Modifier.isProtected(c.getModifiers())) {
                    addParameters(c, mentioned);
                }
            }
            for (Field f : type.getDeclaredFields()) {
                if (Modifier.isPublic(f.getModifiers()) || Modifier.isProtected(f.getModifiers())) {
                    mentioned.add(f.getGenericType());
                }
            }
            mentioned.add(type.getGenericSuperclass());
            mentioned.addAll(List.of(type.getGenericInterfaces()));
            for (Type t : mentioned) {
                String name = t == null ? "" : t.getTypeName();
                if (name.contains("com.fasterxml") || name.contains("io.keywarden.sdk.internal")) {
                    leaks.add(type.getName() + " exposes " + name);
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    private static void addParameters(Executable e, List<Type> into) {
        into.addAll(List.of(e.getGenericParameterTypes()));
    }

    @Test
    void publicConcreteClassesAreFinalExceptExceptionBases() {
        List<String> open = publicApiClasses().stream()
                .filter(c -> !c.isInterface() && !c.isEnum() && !c.isRecord())
                .filter(c -> !Modifier.isFinal(c.getModifiers()) && !Modifier.isAbstract(c.getModifiers()))
                .filter(c -> !Throwable.class.isAssignableFrom(c))
                .map(Class::getName)
                .toList();
        assertThat(open).isEmpty();
    }

    @Test
    void everySdkExceptionIsUncheckedAndUnderOneRoot() {
        assertThat(publicApiClasses()).filteredOn(Throwable.class::isAssignableFrom).isNotEmpty()
                .allSatisfy(c -> assertThat(io.keywarden.sdk.exception.KeywardenSdkException.class).isAssignableFrom(c));
        assertThat(RuntimeException.class).isAssignableFrom(io.keywarden.sdk.exception.KeywardenSdkException.class);
    }
}
