package dev.ligature.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The published modules' API is closed: every type that a public or protected member of a public
 * type in an exported package mentions (fields, method and constructor signatures including
 * generics and exceptions, supertypes) is itself in an exported package of a published module or in
 * the JDK. So nothing an embedder can reach leads into a package exported only to Ligature's own
 * modules. This is javac's {@code -Xlint:exports} rule, checked over every class of the jars.
 */
class ApiBoundaryTest {
    /** One class of each published library module, to find its classes and module descriptor. */
    private static final List<Class<?>> PUBLISHED = List.of(
            dev.ligature.core.runtime.WasmModule.class,
            dev.ligature.jit.JitEngine.class,
            dev.ligature.emscripten.EmscriptenProgram.class,
            dev.ligature.dylink.DylinkInfo.class,
            dev.ligature.python.PythonRuntime.class);

    private record Published(ModuleDescriptor descriptor, List<String> classes) {}

    private static Published read(Class<?> anchor) throws IOException, URISyntaxException {
        Path where = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        FileSystem jar = Files.isRegularFile(where) ? FileSystems.newFileSystem(where) : null;
        try {
            Path root = jar != null ? jar.getPath("/") : where;
            ModuleDescriptor d;
            try (InputStream in = Files.newInputStream(root.resolve("module-info.class"))) {
                d = ModuleDescriptor.read(in);
            }
            List<String> classes = new ArrayList<>();
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().equals("module-info.class"))
                        .forEach(p -> {
                            String rel = root.relativize(p).toString();
                            classes.add(rel.substring(0, rel.length() - ".class".length()).replace('/', '.'));
                        });
            }
            return new Published(d, classes);
        } finally {
            if (jar != null) {
                jar.close();
            }
        }
    }

    @Test
    void exportedApiMentionsOnlyExportedTypes() throws Exception {
        Set<String> api = new TreeSet<>();
        List<String> classes = new ArrayList<>();
        for (Class<?> anchor : PUBLISHED) {
            Published p = read(anchor);
            for (ModuleDescriptor.Exports e : p.descriptor().exports()) {
                if (!e.isQualified()) {
                    api.add(e.source());
                }
            }
            classes.addAll(p.classes());
        }
        assertTrue(api.contains("dev.ligature.core.runtime"), "module descriptors read: " + api);
        Set<String> problems = new TreeSet<>();
        int checked = 0;
        for (String name : classes) {
            Class<?> c = Class.forName(name, false, getClass().getClassLoader());
            if (!api.contains(c.getPackageName()) || !isVisible(c)) {
                continue;
            }
            checked++;
            check(c.getGenericSuperclass(), c.getName() + " extends", api, problems);
            for (Type t : c.getGenericInterfaces()) {
                check(t, c.getName() + " implements", api, problems);
            }
            for (Field f : c.getDeclaredFields()) {
                if (isVisible(f)) {
                    check(f.getGenericType(), c.getName() + "." + f.getName(), api, problems);
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (isVisible(m) && !m.isSynthetic()) {
                    String where = c.getName() + "." + m.getName() + "()";
                    check(m.getGenericReturnType(), where, api, problems);
                    for (Type t : m.getGenericParameterTypes()) {
                        check(t, where, api, problems);
                    }
                    for (Type t : m.getGenericExceptionTypes()) {
                        check(t, where, api, problems);
                    }
                }
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (isVisible(k)) {
                    for (Type t : k.getGenericParameterTypes()) {
                        check(t, c.getName() + " constructor", api, problems);
                    }
                }
            }
        }
        assertTrue(checked > 20, "only " + checked + " API classes found");
        assertEquals(Set.of(), problems, "API members mentioning non-API types");
    }

    @Test
    void internalPackagesAreExportedOnlyToLigatureModules() throws Exception {
        for (Class<?> anchor : PUBLISHED) {
            for (ModuleDescriptor.Exports e : read(anchor).descriptor().exports()) {
                for (String target : e.targets()) {
                    assertTrue(target.startsWith("dev.ligature."), e.source() + " is exported to " + target);
                }
            }
            assertFalse(read(anchor).descriptor().isOpen(), anchor.getModule() + " must not be open");
        }
    }

    private static boolean isVisible(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            if (!Modifier.isPublic(k.getModifiers()) && !Modifier.isProtected(k.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isVisible(Member m) {
        int mod = m.getModifiers();
        if (Modifier.isPublic(mod)) {
            return true;
        }
        // Protected members are API only where a subclass outside the package can exist.
        return Modifier.isProtected(mod) && !Modifier.isFinal(m.getDeclaringClass().getModifiers());
    }

    private static void check(Type t, String where, Set<String> api, Set<String> problems) {
        switch (t) {
            case null -> { }
            case Class<?> c -> {
                while (c.isArray()) {
                    c = c.getComponentType();
                }
                if (!c.isPrimitive() && !c.getPackageName().startsWith("java.") && !api.contains(c.getPackageName())) {
                    problems.add(where + " mentions " + c.getName());
                }
            }
            case ParameterizedType p -> {
                check(p.getRawType(), where, api, problems);
                for (Type a : p.getActualTypeArguments()) {
                    check(a, where, api, problems);
                }
            }
            case GenericArrayType g -> check(g.getGenericComponentType(), where, api, problems);
            case WildcardType w -> {
                for (Type b : w.getUpperBounds()) {
                    check(b, where, api, problems);
                }
                for (Type b : w.getLowerBounds()) {
                    check(b, where, api, problems);
                }
            }
            case TypeVariable<?> v -> {
                for (Type b : v.getBounds()) {
                    check(b, where, api, problems);
                }
            }
            default -> problems.add(where + " has an unknown kind of type " + t);
        }
    }
}
