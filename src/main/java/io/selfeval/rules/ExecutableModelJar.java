package io.selfeval.rules;

import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.drools.modelcompiler.KiePackagesBuilder;
import org.drools.wiring.api.classloader.ProjectClassLoader;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The rule base of an executable-model jar (the rule cache's entry) built straight from its model classes. Drools'
 * own path (add the jar as a KieModule, then a KieContainer) copies the jar into a memory file system and parses its
 * kmodule.xml with XStream, about a third of a cached start's CPU; the jar's module is always the one
 * {@link RuleBase} writes (one default rule base of every package, default options), so nothing in it needs reading.
 */
final class ExecutableModelJar {
    /** The list of model classes in the jar (Drools' {@code META-INF/kie/<group>/<artifact>/drools-model}). */
    private static final String MODEL_LIST = "/drools-model";
    private static final String VERSION_LINE = "Drools-Model-Version:";

    private ExecutableModelJar() {
    }

    /** The rule base the jar's models describe; an exception when the jar is not one Drools' build wrote. */
    static KieBase kieBase(byte[] jar) throws IOException, ReflectiveOperationException {
        Map<String, byte[]> classes = new HashMap<>();
        String modelList = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                String name = e.getName();
                if (name.endsWith(".class")) classes.put(name, in.readAllBytes());
                else if (name.startsWith("META-INF/kie/") && name.endsWith(MODEL_LIST)) {
                    modelList = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        if (modelList == null) throw new IOException("no model list in the cached jar");
        ProjectClassLoader loader = ProjectClassLoader.createProjectClassLoader(ExecutableModelJar.class.getClassLoader());
        loader.storeClasses(classes);
        KieBaseConfiguration conf = KieServices.get().newKieBaseConfiguration(null, loader);
        KiePackagesBuilder packages = new KiePackagesBuilder(conf);
        models(modelList, loader).forEach(packages::addModel);
        return new KieBaseBuilder(conf).createKieBase(packages.build());
    }

    /** The models in the order Drools' CanonicalKieModule adds them: the values of a HashMap keyed by model name. */
    private static Iterable<Model> models(String list, ClassLoader loader) throws ReflectiveOperationException {
        Map<String, Model> byName = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (String line : list.split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith(VERSION_LINE)) names.add(name);
        }
        for (String name : names) {
            Model model = (Model) loader.loadClass(name).getConstructor().newInstance();
            byName.put(model.getName(), model);
        }
        if (byName.isEmpty()) throw new IllegalStateException("no models in the cached jar");
        return byName.values();
    }
}
