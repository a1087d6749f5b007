/* Arguments and environment: what the program was given, exactly. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

static int compare(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv) {
    /* argv[0] is the program's name, which differs between a native and a WASI run. */
    printf("argc = %d\n", argc);
    for (int i = 1; i < argc; i++) printf("argv[%d] = \"%s\" (%zu bytes)\n", i, argv[i], strlen(argv[i]));
    const char *names[] = {"GREETING", "EMPTY", "WITH_EQUALS", "MISSING"};
    for (int i = 0; i < 4; i++) {
        const char *value = getenv(names[i]);
        printf("getenv(%s) = %s%s%s\n", names[i], value ? "\"" : "", value ? value : "(null)", value ? "\"" : "");
    }
    int count = 0;
    while (environ[count]) count++;
    char **sorted = malloc(sizeof(char *) * (count + 1));
    for (int i = 0; i < count; i++) sorted[i] = environ[i];
    qsort(sorted, count, sizeof(char *), compare);
    printf("%d environment variables:\n", count);
    for (int i = 0; i < count; i++) printf("  %s\n", sorted[i]);
    free(sorted);
    setenv("ADDED", "later", 1);
    printf("after setenv: ADDED=%s\n", getenv("ADDED"));
    return 0;
}
