/* The native oracle: build.sh compiles each kernel with the host's C compiler and prints run(n) for each n given,
 * after checking that a second call returns the same. */
#include <stdio.h>
#include <stdlib.h>
#include "kernel.h"

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        int32_t n = (int32_t) atoi(argv[i]);
        int32_t first = run(n);
        /* Harnesses call run many times on one instance: a kernel must not depend on state a previous call left. */
        if (run(n) != first) {
            fprintf(stderr, "run(%d) is not repeatable\n", n);
            return 1;
        }
        printf("%d\n", first);
    }
    return 0;
}
