/* Reads the file argv[1] to the end in 4 KiB read() calls and prints its size and a checksum of
 * the first word of every 4 KiB block (their sum mod 2^32, little-endian) — enough to show the
 * right bytes arrived while keeping the wasm side's work small next to the reading. The
 * benchmark for WASI's fd_read path. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv) {
    int fd = open(argc > 1 ? argv[1] : "data.bin", O_RDONLY);
    if (fd < 0) return 2;
    static unsigned char block[4096];
    long long total = 0;
    uint32_t checksum = 0;
    for (;;) {
        ssize_t count = read(fd, block, sizeof block);
        if (count < 0) return 1;
        if (count == 0) break;
        if (count >= 4) checksum += (uint32_t)block[0] | (uint32_t)block[1] << 8 | (uint32_t)block[2] << 16 | (uint32_t)block[3] << 24;
        total += count;
    }
    close(fd);
    printf("%lld bytes, checksum %u\n", total, checksum);
    return 0;
}
