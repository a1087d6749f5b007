/* Ends in the way argv[1] says: exit(N), return N from main, abort(), or exit after atexit handlers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void first(void) { printf("atexit: first registered, runs last\n"); }
static void second(void) { printf("atexit: second registered, runs first\n"); }

int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "0";
    printf("mode %s\n", mode);
    if (strcmp(mode, "abort") == 0) {
        fflush(stdout);
        abort();
    }
    if (strcmp(mode, "atexit") == 0) {
        atexit(first);
        atexit(second);
        exit(3);
    }
    if (strncmp(mode, "return", 6) == 0) return atoi(mode + 6);
    exit(atoi(mode));
}
