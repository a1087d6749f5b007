/* Standard output basics: printf conversions, puts, putchar, fwrite, and stderr. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

int main(void) {
    printf("hello, %s!\n", "WASI");
    printf("[%5d] [%-5d] [%05d] [%+d] [% d]\n", 42, 42, 42, 42, 42);
    printf("[%x] [%X] [%#x] [%o] [%#o] [%u]\n", 48879, 48879, 48879, 8, 8, 4000000000u);
    printf("[%" PRId64 "] [%" PRIu64 "] [%" PRIx64 "]\n", INT64_MIN, UINT64_MAX, (uint64_t)0x123456789abcdefULL);
    printf("[%c%c%c] [%.3s] [%10.2s] [%-10s|]\n", 'a', 'b', 'c', "abcdef", "abcdef", "left");
    printf("[%*d] [%-*d] [%.*d]\n", 6, 7, 6, 7, 4, 7);
    printf("%%literal percent%%\n");
    puts("puts adds a newline");
    for (int c = 'A'; c <= 'Z'; c++) putchar(c);
    putchar('\n');
    const char block[] = "fwrite of a block\n";
    fwrite(block, 1, strlen(block), stdout);
    fputs("this line goes to stderr\n", stderr);
    char buffer[64];
    int written = snprintf(buffer, sizeof buffer, "%s-%d-%.2f", "snprintf", 7, 2.5);
    printf("%s (%d characters)\n", buffer, written);
    int truncated = snprintf(buffer, 8, "%s", "truncated output");
    printf("%s (%d would have been written)\n", buffer, truncated);
    return 0;
}
