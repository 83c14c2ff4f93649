package dev.ligature.core.runtime;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;

/**
 * Reserves address space for a {@link Memory} with an anonymous private {@code mmap(MAP_NORESERVE)}: the kernel
 * hands out zero pages on first touch, so reserving a 4 GiB maximum costs microseconds and no resident memory,
 * and growth inside the reservation never copies.
 *
 * <p>Calling {@code mmap} needs the restricted FFM linker. Nothing restricted runs unless the JVM already granted
 * native access to this class's module ({@code --enable-native-access}), so the default path never makes the JVM
 * print its "restricted method" warning. The flag values are Linux's (identical on x86-64, AArch64 and RISC-V);
 * other systems get {@code null} and the caller falls back to the heap.
 */
final class MappedReservation {
    private static final int PROT_READ_WRITE = 0x1 | 0x2;
    private static final int MAP_PRIVATE = 0x02;
    private static final int MAP_ANONYMOUS = 0x20;
    private static final int MAP_NORESERVE = 0x4000;

    private MappedReservation() {
    }

    /** Whether {@link #reserve} can work in this JVM: Linux on a known architecture, native access granted. */
    static boolean available() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        boolean knownFlags = os.startsWith("linux")
                && (arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64") || arch.equals("riscv64"));
        // Checked before touching the linker: this test itself is not restricted and prints nothing.
        return knownFlags && MappedReservation.class.getModule().isNativeAccessEnabled() && Handles.MMAP != null;
    }

    /**
     * A zero-filled native segment of {@code bytes} bytes, unmapped once it becomes unreachable, or {@code null}
     * if the mapping cannot be made (unavailable, or the kernel refused it).
     */
    static MemorySegment reserve(long bytes) {
        if (bytes <= 0 || !available()) {
            return null;
        }
        try {
            MemorySegment base = (MemorySegment) Handles.MMAP.invokeExact(MemorySegment.NULL, bytes, PROT_READ_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0L);
            if (base.address() == -1L || base.address() == 0L) {
                return null; // MAP_FAILED: no address space, or overcommit refused the reservation
            }
            // An automatic arena: the GC runs munmap once the segment (hence the Memory) is unreachable.
            long address = base.address();
            return base.reinterpret(bytes, Arena.ofAuto(), ignored -> unmap(address, bytes));
        } catch (Throwable e) {
            return null;
        }
    }

    private static void unmap(long address, long bytes) {
        try {
            int ignored = (int) Handles.MUNMAP.invokeExact(MemorySegment.ofAddress(address), bytes);
        } catch (Throwable e) {
            // Nothing useful to do in a cleaner: the address range stays reserved until exit.
        }
    }

    /** Loaded only once native access is known to be enabled: creating a downcall handle is restricted. */
    private static final class Handles {
        static final MethodHandle MMAP;
        static final MethodHandle MUNMAP;

        static {
            MethodHandle mmap = null;
            MethodHandle munmap = null;
            try {
                Linker linker = Linker.nativeLinker();
                mmap = linker.downcallHandle(linker.defaultLookup().find("mmap").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG,
                                ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
                munmap = linker.downcallHandle(linker.defaultLookup().find("munmap").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
            } catch (RuntimeException | LinkageError e) {
                mmap = null;
                munmap = null;
            }
            MMAP = mmap;
            MUNMAP = munmap;
        }

        private Handles() {
        }
    }
}
