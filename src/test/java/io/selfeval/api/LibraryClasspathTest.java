package io.selfeval.api;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The library a portal adds with Maven gets the dependencies the pom declares, without the optional ones (the command
 * line's picocli, the service's Javalin with Jetty and Kotlin, the slf4j-simple binding), which only the runnable jar
 * bundles. So the library API must work on a class path without them: this test loads target/classes and the other
 * jars in a class loader of their own and checks a seed through {@link SelfEval} there, giving the same JSON as here.
 */
@Tag("slow") // compiles rules/ in a class loader of its own
class LibraryClasspathTest {
    /** The optional dependencies of the pom, and the jars they bring (Maven repository layout paths). */
    private static final Set<String> OPTIONAL = Set.of("picocli", "slf4j-simple", "javalin");
    private static final List<String> OPTIONAL_JARS = List.of(
            "/info/picocli/", "/org/slf4j/slf4j-simple/", "/io/javalin/", "/org/eclipse/jetty/", "/org/jetbrains/");

    @Test
    void thePomMarksExactlyTheCommandLineServiceAndBindingOptional() throws Exception {
        org.w3c.dom.Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File("pom.xml"));
        NodeList deps = pom.getElementsByTagName("dependency");
        Set<String> optional = new TreeSet<>();
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            if (text(d, "optional").equals("true")) optional.add(text(d, "artifactId"));
        }
        // A new optional dependency must be added to OPTIONAL_JARS too, or the isolation below would not be honest.
        assertEquals(new TreeSet<>(OPTIONAL), optional);
    }

    @Test
    void theLibraryChecksASeedWithoutTheOptionalDependencies() throws Exception {
        List<URL> urls = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (String entry : classPath()) {
            String path = entry.replace(File.separatorChar, '/');
            if (path.endsWith("/test-classes") || OPTIONAL_JARS.stream().anyMatch(path::contains)) {
                left.add(path);
                continue;
            }
            urls.add(Path.of(entry).toUri().toURL());
        }
        assertTrue(left.stream().anyMatch(p -> p.contains("/io/javalin/")), () -> "Javalin should have been on the test class path: " + left);
        Path seed = Path.of("fixtures/seeds/000_0c4b3fbed2722708.txt");
        String expected = checkedJson(SelfEval.class.getClassLoader(), seed);

        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader library = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            // the isolation is real: the optional classes are absent, and SelfEval comes from this loader
            for (String absent : List.of("io.javalin.Javalin", "picocli.CommandLine", "org.slf4j.simple.SimpleLogger",
                    "org.eclipse.jetty.server.Server", "kotlin.Unit")) {
                assertThrows(ClassNotFoundException.class, () -> Class.forName(absent, false, library), absent);
            }
            assertSame(library, library.loadClass(SelfEval.class.getName()).getClassLoader());
            // Drools finds its services through the context class loader, as it would in a portal's thread
            Thread.currentThread().setContextClassLoader(library);
            String json = checkedJson(library, seed);
            assertTrue(json.contains("\"code\""), json);
            assertEquals(expected, json);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** SelfEval.builder().rules(rules).build(), check(seed), toJson(report(...)) through the classes of one loader. */
    private static String checkedJson(ClassLoader loader, Path seed) throws Exception {
        Class<?> api = Class.forName(SelfEval.class.getName(), true, loader);
        Object builder = api.getMethod("builder").invoke(null);
        builder = builder.getClass().getMethod("rules", Path.class).invoke(builder, Path.of("rules"));
        builder = builder.getClass().getMethod("rulesLabel", String.class).invoke(builder, "rules");
        Object selfEval = builder.getClass().getMethod("build").invoke(builder);
        Object result = api.getMethod("check", Path.class).invoke(selfEval, seed);
        Object report = api.getMethod("report", List.class).invoke(selfEval, List.of(result));
        Method toJson = null;
        for (Method m : api.getMethods()) {
            if (m.getName().equals("toJson") && m.getParameterCount() == 1 && m.getParameterTypes()[0].isInstance(report)) toJson = m;
        }
        assertTrue(toJson != null, "SelfEval.toJson(report)");
        return (String) toJson.invoke(selfEval, report);
    }

    private static List<String> classPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return List.of(cp.split(File.pathSeparator));
    }

    private static String text(Element parent, String tag) {
        NodeList list = parent.getElementsByTagName(tag);
        return list.getLength() == 0 ? "" : list.item(0).getTextContent().strip();
    }
}
