/* Writes argv[1] bytes (default 100 MiB) to standard output in 4 KiB write() calls; exits 1 if
 * a write comes up short. The benchmark for WASI's fd_write path. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
    long long total = argc > 1 ? atoll(argv[1]) : 100LL << 20;
    static char block[4096];
    memset(block, 'x', sizeof block);
    long long written = 0;
    while (written < total) {
        size_t size = total - written < (long long)sizeof block ? (size_t)(total - written) : sizeof block;
        ssize_t result = write(1, block, size);
        if (result <= 0) return 1;
        written += result;
    }
    return 0;
}
