/* Allocation-heavy work: a hash table with chaining (20,000 keys), a growing array via
 * realloc, many small blocks freed in a scrambled order, and checksums of it all. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t state = 2463534242u;
static uint32_t next(void) {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state;
}

struct node {
    char *key;
    uint32_t value;
    struct node *next;
};

int main(void) {
    enum { buckets = 1024, keys = 20000 };
    struct node **table = calloc(buckets, sizeof(struct node *));
    uint32_t inserted = 0, updated = 0;
    for (int i = 0; i < keys; i++) {
        char key[32];
        int length = snprintf(key, sizeof key, "key-%u", next() % 12000);
        uint32_t hash = 2166136261u;
        for (int j = 0; j < length; j++) hash = (hash ^ (unsigned char)key[j]) * 16777619u;
        struct node **slot = &table[hash % buckets];
        while (*slot && strcmp((*slot)->key, key) != 0) slot = &(*slot)->next;
        if (*slot) {
            (*slot)->value += (uint32_t)i;
            updated++;
        } else {
            struct node *node = malloc(sizeof *node);
            node->key = strdup(key);
            node->value = (uint32_t)i;
            node->next = NULL;
            *slot = node;
            inserted++;
        }
    }
    uint64_t sum = 0;
    uint32_t longest = 0;
    for (int b = 0; b < buckets; b++) {
        uint32_t chain = 0;
        for (struct node *node = table[b]; node; node = node->next, chain++) sum += node->value * (uint64_t)(b + 1);
        if (chain > longest) longest = chain;
    }
    printf("hash table: %u inserted, %u updated, weighted sum %llu, longest chain %u\n",
           inserted, updated, (unsigned long long)sum, longest);
    for (int b = 0; b < buckets; b++) {
        struct node *node = table[b];
        while (node) {
            struct node *following = node->next;
            free(node->key);
            free(node);
            node = following;
        }
    }
    free(table);

    size_t capacity = 1, count = 0;
    uint32_t *values = malloc(capacity * sizeof *values);
    int growths = 0;
    for (int i = 0; i < 100000; i++) {
        if (count == capacity) {
            capacity = capacity * 3 / 2 + 1;
            values = realloc(values, capacity * sizeof *values);
            growths++;
        }
        values[count++] = next();
    }
    uint32_t mixed = 0;
    for (size_t i = 0; i < count; i += 7) mixed ^= values[i] + (uint32_t)i;
    printf("array: %zu values after %d reallocs, mix %08x\n", count, growths, mixed);
    free(values);

    enum { blocks = 4000 };
    unsigned char **pointers = malloc(blocks * sizeof *pointers);
    uint32_t total = 0;
    for (int i = 0; i < blocks; i++) {
        size_t size = 1 + next() % 700;
        pointers[i] = malloc(size);
        memset(pointers[i], i & 0xff, size);
        total += (uint32_t)size;
    }
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < blocks; i++) {
            int j = (int)(next() % blocks);
            unsigned char *swap = pointers[i];
            pointers[i] = pointers[j];
            pointers[j] = swap;
        }
        for (int i = 0; i < blocks / 2; i++) {
            uint32_t first = pointers[i][0];
            free(pointers[i]);
            size_t size = 1 + next() % 1500;
            pointers[i] = malloc(size);
            memset(pointers[i], (int)(first ^ 0x5a), size);
            total += (uint32_t)size;
        }
    }
    uint32_t check = 0;
    for (int i = 0; i < blocks; i++) {
        check = check * 31 + pointers[i][0];
        free(pointers[i]);
    }
    free(pointers);
    printf("blocks: %u bytes allocated in total, check %08x\n", total, check);
    return 0;
}
