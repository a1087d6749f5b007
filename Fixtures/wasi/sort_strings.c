/* String work: tokenising a text, sorting and searching words, counting them, and
 * formatting a table. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *text =
    "It was the best of times, it was the worst of times, it was the age of wisdom, "
    "it was the age of foolishness, it was the epoch of belief, it was the epoch of "
    "incredulity, it was the season of Light, it was the season of Darkness, it was the "
    "spring of hope, it was the winter of despair, we had everything before us, we had "
    "nothing before us, we were all going direct to Heaven, we were all going direct "
    "the other way.";

struct count {
    char word[32];
    int times;
};

static int byWord(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int byTimesThenWord(const void *a, const void *b) {
    const struct count *x = a, *y = b;
    if (x->times != y->times) return y->times - x->times;
    return strcmp(x->word, y->word);
}

int main(void) {
    char *copy = strdup(text);
    char *words[256];
    int count = 0;
    for (char *token = strtok(copy, " ,."); token && count < 256; token = strtok(NULL, " ,.")) {
        for (char *c = token; *c; c++) *c = (char)tolower((unsigned char)*c);
        words[count++] = token;
    }
    printf("%d words\n", count);
    qsort(words, count, sizeof(char *), byWord);
    struct count counts[256];
    int distinct = 0;
    for (int i = 0; i < count; i++) {
        if (distinct > 0 && strcmp(counts[distinct - 1].word, words[i]) == 0) {
            counts[distinct - 1].times++;
        } else {
            strncpy(counts[distinct].word, words[i], sizeof counts[distinct].word - 1);
            counts[distinct].word[sizeof counts[distinct].word - 1] = 0;
            counts[distinct++].times = 1;
        }
    }
    qsort(counts, distinct, sizeof counts[0], byTimesThenWord);
    printf("%d distinct; the most frequent:\n", distinct);
    for (int i = 0; i < 8; i++) printf("%-12s|%4d|%-*s|\n", counts[i].word, counts[i].times, counts[i].times, "");
    const char *probes[] = {"wisdom", "heaven", "zebra", "age", "it"};
    for (int i = 0; i < 5; i++) {
        char **found = bsearch(&probes[i], words, count, sizeof(char *), byWord);
        printf("bsearch %-7s: %s\n", probes[i], found ? "found" : "absent");
    }
    char reversed[64];
    const char *source = "a man a plan a canal panama";
    size_t length = strlen(source);
    for (size_t i = 0; i < length; i++) reversed[i] = source[length - 1 - i];
    reversed[length] = 0;
    printf("reversed: %s\n", reversed);
    printf("strstr: %s | strchr: %s | strrchr: %s | strspn %zu | strcspn %zu\n", strstr(text, "Heaven"),
           strchr("key=value", '='), strrchr("a/b/c", '/'), strspn("aaabbb", "a"), strcspn("hello world", " "));
    printf("memcmp %d %d | atoi %d | strtol %ld | strtoul %lu\n", memcmp("abc", "abd", 3) < 0, memcmp("x", "x", 1),
           atoi("  -123xyz"), strtol("0x1f", NULL, 16), strtoul("777", NULL, 8));
    free(copy);
    return 0;
}
