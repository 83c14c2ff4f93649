package dev.ligature.core.engine;

/**
 * Access for code that engines generate at run time. Generated classes live in the unnamed module
 * of their module's own class loader, which the qualified exports of {@code module-info} cannot
 * name; so an engine grants that module, when it makes the loader, the packages generated code
 * calls into. On the class path everything is in unnamed modules and this does nothing. Not API.
 */
public final class GeneratedCode {
    private GeneratedCode() {}

    /** The packages generated code reaches: instance state and calls, and the interpreter's shared kernels. */
    private static final String[] PACKAGES = {"dev.ligature.core.engine", "dev.ligature.core.exec"};

    /** Exports the packages generated code calls into to {@code target} (a generated-code loader's unnamed module). */
    public static void grantAccess(Module target) {
        Module self = GeneratedCode.class.getModule();
        if (!self.isNamed()) {
            return;
        }
        for (String p : PACKAGES) {
            self.addExports(p, target);
        }
    }
}
