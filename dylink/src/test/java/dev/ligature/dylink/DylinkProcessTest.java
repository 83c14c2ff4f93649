package dev.ligature.dylink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ligature.core.runtime.Engine;
import dev.ligature.emscripten.EmscriptenHost;
import dev.ligature.emscripten.EmscriptenProgram;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * The embedder's side of the linker: loading side modules from the file system or from bytes,
 * looking symbols up, listing what is loaded, and bad input. The libraries are the emcc 3.1.6
 * fixtures of {@code dylink/fixtures} (see its README); the numbers checked are the ones node
 * prints for the same calls there ({@code expected/*.stdout}).
 */
class DylinkProcessTest {
    static final Path FIXTURES = Path.of("fixtures").toAbsolutePath();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final SideModuleCache cache = new SideModuleCache();

    private DylinkProcess start() throws Exception {
        EmscriptenHost host = EmscriptenHost.builder().stdout(out).stderr(out)
                .mount(FIXTURES, "/fixtures", true).workingDirectory("/fixtures").build();
        Engine engine = Engine.interpreter();
        EmscriptenProgram main = EmscriptenProgram.load(FIXTURES.resolve("main.js"), engine);
        return DylinkProcess.start(host, main, List.of("./this.program"), DylinkOptions.of(engine).withCache(cache));
    }

    @Test
    void aLibraryLoadedFromJavaIsCallableAndPlacedAfterTheMainModule() throws Exception {
        try (DylinkProcess p = start()) {
            Library provider = p.dlopen("libprovider.so", Dlfcn.RTLD_NOW);
            // provider_func(x) = provider_value + x; provider_value starts at 41 (fixtures/src/libprovider.c).
            assertEquals(42, provider.function("provider_func").callInt(1));
            long value = provider.address("provider_value");
            assertEquals(41, p.process().memory().loadI32(value));
            List<LoadedLibrary> libs = p.libraries();
            assertEquals(List.of("__main__", "libprovider.so"), libs.stream().map(LoadedLibrary::name).toList());
            LoadedLibrary placed = libs.get(1);
            assertTrue(placed.memoryBase() <= value && value < placed.memoryBase() + placed.memorySize());
            assertFalse(placed.global());
            // Local: not in the global namespace; a second load is the same library.
            assertThrows(NoSuchElementException.class, () -> p.function("provider_func"));
            assertEquals(value, p.dlopen("./libprovider.so", Dlfcn.RTLD_NOW).address("provider_value"));
            assertEquals(2, p.libraries().size());
            assertEquals(value, (long) p.got().get("provider_value"));
        }
    }

    @Test
    void aGlobalLibrarySatisfiesALaterOnesDependencyAndTheGlobalNamespace() throws Exception {
        try (DylinkProcess p = start()) {
            p.dlopen("libuser.so", Dlfcn.RTLD_NOW | Dlfcn.RTLD_GLOBAL);
            // libuser NEEDs libprovider: loaded first, also global.
            assertEquals(List.of("__main__", "libprovider.so", "libuser.so"), p.libraries().stream().map(LoadedLibrary::name).toList());
            assertEquals(42, p.function("provider_func").callInt(1));
            assertTrue(p.address("provider_func") > 0);
            assertEquals(p.address("provider_func"), p.library("libprovider.so").orElseThrow().address("provider_func"));
        }
    }

    @Test
    void libraryBytesFromJavaAreCompiledOncePerCache() throws Exception {
        byte[] bytes = Files.readAllBytes(FIXTURES.resolve("libprovider.so"));
        try (DylinkProcess a = start(); DylinkProcess b = start()) {
            Library la = a.load("provider-a.so", bytes, Dlfcn.RTLD_NOW);
            Library lb = b.load("provider-b.so", bytes, Dlfcn.RTLD_NOW);
            assertEquals(1, cache.compilations());
            a.process().memory().storeI32(la.address("provider_value"), 46);
            // Same compiled module, separate memory: b does not see a's change.
            assertEquals(46, la.function("provider_func").callInt(0));
            assertEquals(41, lb.function("provider_func").callInt(0));
        }
    }

    @Test
    void badLibrariesFailWithDlerrorTextsAndLeaveNothingBehind() throws Exception {
        try (DylinkProcess p = start()) {
            Map<String, Integer> gotBefore = p.got();
            record Bad(String file, String cause) {}
            for (Bad bad : List.of(
                    new Bad("libtruncated.so", "CompileError: WebAssembly.Module(): section (code 2, \"Import\") extends past end of the module"),
                    new Bad("libnotwasm.so", "Error: need to see wasm magic number"),
                    new Bad("libneedmissing.so", "Error: ENOENT: no such file or directory, open 'libghost.so'"),
                    new Bad("libgotmiss.so", "Error: bad export type for `nowhere_data`: undefined"),
                    new Bad("libbadsig.so", "LinkError: WebAssembly.Instance(): Import #2 module=\"env\" function=\"typed_func\" error: imported function does not match the expected type"),
                    new Bad("nonexistent.so", "Error: ENOENT: no such file or directory, open 'nonexistent.so'"))) {
                for (int attempt = 0; attempt < 2; attempt++) {
                    DlopenException e = assertThrows(DlopenException.class, () -> p.dlopen(bad.file(), Dlfcn.RTLD_NOW), bad.file());
                    assertTrue(e.getMessage().startsWith("Could not load dynamic lib: " + bad.file() + "\n" + bad.cause()),
                            bad.file() + ": " + e.getMessage());
                }
                assertEquals(List.of("__main__"), p.libraries().stream().map(LoadedLibrary::name).toList(), bad.file());
                assertEquals(gotBefore, p.got(), bad.file());
                assertTrue(p.library(bad.file()).isEmpty());
            }
            // The process keeps working: a good library loads and runs.
            assertEquals(42, p.dlopen("libprovider.so", Dlfcn.RTLD_NOW).function("provider_func").callInt(1));
            assertThrows(DlopenException.class, () -> p.dlopen("libprovider.so", 0));
        }
    }

    @Test
    void noloadAnswersOnlyForALoadedLibrary() throws Exception {
        try (DylinkProcess p = start()) {
            DlopenException e = assertThrows(DlopenException.class, () -> p.dlopen("libprovider.so", Dlfcn.RTLD_NOW | Dlfcn.RTLD_NOLOAD));
            assertEquals("Could not load dynamic lib: libprovider.so\nError: RTLD_NOLOAD: the library is not loaded", e.getMessage());
            assertEquals(List.of("__main__"), p.libraries().stream().map(LoadedLibrary::name).toList());
            long addr = p.dlopen("libprovider.so", Dlfcn.RTLD_NOW).address("provider_value");
            assertEquals(addr, p.dlopen("libprovider.so", Dlfcn.RTLD_NOW | Dlfcn.RTLD_NOLOAD).address("provider_value"));
        }
    }

    @Test
    void theSameBytesUnderTwoNamesShareOneModule() throws Exception {
        byte[] bytes = Files.readAllBytes(FIXTURES.resolve("libprovider.so"));
        try (DylinkProcess p = start()) {
            Library one = p.load("one.so", bytes, Dlfcn.RTLD_NOW);
            Library two = p.load("two.so", bytes, Dlfcn.RTLD_NOW);
            assertEquals(1, cache.compilations());
            // Two instances (as Emscripten: two names, two copies of the data).
            assertFalse(one.address("provider_value") == two.address("provider_value"));
            assertSame(p.library("one.so").orElseThrow().name(), one.name());
        }
    }
}
