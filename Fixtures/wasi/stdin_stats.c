/* Reads standard input to the end: lines, words, bytes, a checksum, the longest line. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

int main(void) {
    char line[4096];
    long lines = 0, words = 0, bytes = 0;
    uint32_t checksum = 2166136261u;
    char longest[4096] = "";
    while (fgets(line, sizeof line, stdin)) {
        size_t length = strlen(line);
        bytes += (long)length;
        lines++;
        int inWord = 0;
        for (size_t i = 0; i < length; i++) {
            unsigned char c = (unsigned char)line[i];
            checksum = (checksum ^ c) * 16777619u;
            if (isspace(c)) inWord = 0;
            else if (!inWord) { inWord = 1; words++; }
        }
        if (length > strlen(longest)) strcpy(longest, line);
        if (lines <= 3) {
            printf("line %ld upper: ", lines);
            for (size_t i = 0; i < length; i++) putchar(toupper((unsigned char)line[i]));
        }
    }
    printf("%ld lines, %ld words, %ld bytes\n", lines, words, bytes);
    printf("fnv1a = %08x\n", checksum);
    printf("longest: %s", longest);
    printf("end of input: feof=%d ferror=%d\n", feof(stdin) != 0, ferror(stdin) != 0);
    return 0;
}
