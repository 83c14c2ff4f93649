package dev.ligature.dylink;

import dev.ligature.core.runtime.Engine;
import dev.ligature.core.runtime.WasmModule;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Side modules decoded, validated and compiled once, shared by every process that loads them: the
 * key is the SHA-256 of the module's bytes and the engine, so the same {@code .so} under two names
 * or in two processes is one {@link WasmModule} and one set of compiled classes. A module that fails
 * to decode or validate is not cached (each attempt fails again, with the same error). Thread-safe:
 * when several threads ask for the same new module at once, one compiles it and the others wait.
 */
public final class SideModuleCache {
    private static final SideModuleCache SHARED = new SideModuleCache();

    private record Key(String sha256, Engine engine) {}

    private final ConcurrentMap<Key, Entry> modules = new ConcurrentHashMap<>();
    private final AtomicLong compilations = new AtomicLong();

    /** One module being made or made; the lock makes concurrent first loads compile once. */
    private static final class Entry {
        WasmModule module;
    }

    /** A new, empty cache (for isolation in tests, or to bound what one group of processes keeps). */
    public SideModuleCache() {}

    /** {@return the cache every {@link DylinkOptions} uses unless given another: one per JVM} */
    public static SideModuleCache shared() {
        return SHARED;
    }

    /**
     * The module for {@code bytes} on {@code engine}, compiling it the first time.
     *
     * @param bytes the module's bytes
     * @param engine the engine that runs it
     * @return the shared module
     * @throws dev.ligature.core.WasmException if the bytes are malformed or invalid
     */
    public WasmModule module(byte[] bytes, Engine engine) {
        return module(bytes, engine, b -> WasmModule.decode(b, engine));
    }

    WasmModule module(byte[] bytes, Engine engine, Function<byte[], WasmModule> compile) {
        Objects.requireNonNull(engine, "engine");
        Key key = new Key(sha256(bytes), engine);
        Entry e = modules.computeIfAbsent(key, k -> new Entry());
        synchronized (e) {
            if (e.module == null) {
                try {
                    e.module = compile.apply(bytes);
                    compilations.incrementAndGet();
                } catch (RuntimeException | Error failure) {
                    modules.remove(key, e);
                    throw failure;
                }
            }
            return e.module;
        }
    }

    /** {@return how many modules this cache has compiled since it was made} */
    public long compilations() {
        return compilations.get();
    }

    /** {@return how many modules it holds} */
    public int size() {
        return modules.size();
    }

    /** Forgets every module (processes that loaded them keep theirs). */
    public void clear() {
        modules.clear();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
