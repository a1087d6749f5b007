// The native driver build.sh links each program with: prints "NAME SIZE RESULT" for every size
// on the command line. NAME and ENTRY (the program's exported function) come from -D flags.
#include <stdio.h>
#include <stdlib.h>

unsigned int ENTRY(unsigned int size);

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        unsigned int size = (unsigned int)strtoul(argv[i], 0, 10);
        printf("%s %u %u\n", NAME, size, ENTRY(size));
    }
    return 0;
}
