// hashtable(words): word frequencies in a hash table with string keys. Generates a text of
// `words` words (syllables drawn with a skewed distribution, so common words repeat and rare
// ones appear once), splits it into words and counts them in an open-addressing table (linear
// probing, murmur3-style hash, keys copied into a pool, doubling and rehashing at 3/4 load).
// Then looks up as many generated words again (present and absent), deletes every word seen
// once (backward-shift deletion), checks that every remaining word is still found, and returns
// a checksum of the table's contents, the lookups and the most frequent word.
#include "program.h"

typedef struct {
    u32 hash;     // 0 marks an empty slot (hashes are forced non-zero)
    u32 key;      // offset of the key's bytes in the pool
    u32 length;
    u32 count;
} Entry;

typedef struct {
    Entry *entries;
    u32 capacity;  // a power of two
    u32 count;
    Entry *spare;  // room for the next, doubled array
    u32 spare_capacity;
    u8 *pool;
    u32 pool_length;
    u32 pool_capacity;
    int failed;
} Table;

static u32 rotl(u32 x, int r) { return (x << r) | (x >> (32 - r)); }

// murmur3's 32-bit hash (seeded), reading 4 bytes at a time; never 0.
static u32 hash_bytes(const u8 *key, u32 length) {
    u32 h = 0x5BD1E995u;
    u32 i = 0;
    for (; i + 4 <= length; i += 4) {
        u32 k = (u32)key[i] | (u32)key[i + 1] << 8 | (u32)key[i + 2] << 16 | (u32)key[i + 3] << 24;
        k *= 0xCC9E2D51u;
        k = rotl(k, 15);
        k *= 0x1B873593u;
        h ^= k;
        h = rotl(h, 13);
        h = h * 5 + 0xE6546B64u;
    }
    u32 k = 0;
    switch (length & 3) {
    case 3: k ^= (u32)key[i + 2] << 16; /* fall through */
    case 2: k ^= (u32)key[i + 1] << 8; /* fall through */
    case 1:
        k ^= key[i];
        k *= 0xCC9E2D51u;
        k = rotl(k, 15);
        k *= 0x1B873593u;
        h ^= k;
    }
    h ^= length;
    h ^= h >> 16;
    h *= 0x85EBCA6Bu;
    h ^= h >> 13;
    h *= 0xC2B2AE35u;
    h ^= h >> 16;
    return h ? h : 1;
}

static int key_equals(const Table *t, const Entry *e, const u8 *key, u32 length) {
    if (e->length != length) return 0;
    const u8 *stored = t->pool + e->key;
    for (u32 i = 0; i < length; i++) {
        if (stored[i] != key[i]) return 0;
    }
    return 1;
}

// The slot holding `key`, or the empty slot where it would go.
static u32 find_slot(const Table *t, const u8 *key, u32 length, u32 hash) {
    u32 mask = t->capacity - 1;
    u32 slot = hash & mask;
    for (;;) {
        const Entry *e = &t->entries[slot];
        if (e->hash == 0 || (e->hash == hash && key_equals(t, e, key, length))) return slot;
        slot = (slot + 1) & mask;
    }
}

// Doubles the table into the spare array; the old array becomes the next spare.
static void grow(Table *t) {
    u32 capacity = t->capacity * 2;
    if (capacity > t->spare_capacity) {
        t->failed = 1;
        return;
    }
    Entry *old = t->entries;
    u32 old_capacity = t->capacity;
    t->entries = t->spare;
    t->capacity = capacity;
    for (u32 i = 0; i < capacity; i++) t->entries[i].hash = 0;
    for (u32 i = 0; i < old_capacity; i++) {
        if (old[i].hash == 0) continue;
        u32 slot = old[i].hash & (capacity - 1);
        while (t->entries[slot].hash) slot = (slot + 1) & (capacity - 1);
        t->entries[slot] = old[i];
    }
    t->spare = old;
}

static void add_word(Table *t, const u8 *key, u32 length) {
    u32 hash = hash_bytes(key, length);
    u32 slot = find_slot(t, key, length, hash);
    Entry *e = &t->entries[slot];
    if (e->hash) {
        e->count++;
        return;
    }
    if (t->pool_length + length > t->pool_capacity) {
        t->failed = 1;
        return;
    }
    for (u32 i = 0; i < length; i++) t->pool[t->pool_length + i] = key[i];
    e->hash = hash;
    e->key = t->pool_length;
    e->length = length;
    e->count = 1;
    t->pool_length += length;
    t->count++;
    if (t->count * 4 >= t->capacity * 3) grow(t);
}

static u32 lookup(const Table *t, const u8 *key, u32 length) {
    const Entry *e = &t->entries[find_slot(t, key, length, hash_bytes(key, length))];
    return e->hash ? e->count : 0;
}

// Removes the entry in `slot`, moving later entries of its probe run back (no tombstones).
static void remove_slot(Table *t, u32 slot) {
    u32 mask = t->capacity - 1;
    u32 hole = slot;
    u32 next = (slot + 1) & mask;
    while (t->entries[next].hash) {
        u32 home = t->entries[next].hash & mask;
        // The entry at `next` may fill the hole if its home is not cyclically in (hole, next].
        if (((next - home) & mask) >= ((next - hole) & mask)) {
            t->entries[hole] = t->entries[next];
            hole = next;
        }
        next = (next + 1) & mask;
    }
    t->entries[hole].hash = 0;
    t->count--;
}

// ---- The text -------------------------------------------------------------------------------

static const char *const syllables[] = {
    "an", "be", "cor", "da", "el", "fu", "ga", "hin", "is", "jo", "ka", "lum",
    "mo", "nu", "or", "pe", "qui", "ra", "so", "tu", "ul", "ve", "wy", "zed",
};

// One word: 1-4 syllables, each the smaller of two draws (so early syllables are common).
static u32 make_word(u32 *rng, u8 *out) {
    u32 n = 0;
    u32 count = 1 + random_below(rng, 4);
    for (u32 s = 0; s < count; s++) {
        u32 a = random_below(rng, 24), b = random_below(rng, 24);
        const char *syllable = syllables[a < b ? a : b];
        while (*syllable) out[n++] = (u8)*syllable++;
    }
    return n;
}

static u32 generate_text(u8 *text, u32 words) {
    u32 rng = 0x1234567u;
    u32 n = 0;
    for (u32 i = 0; i < words; i++) {
        n += make_word(&rng, text + n);
        text[n++] = random_below(&rng, 10) == 0 ? '\n' : ' ';
    }
    return n;
}

static int is_word_byte(u8 c) { return c >= 'a' && c <= 'z'; }

EXPORT(hashtable) u32 hashtable(u32 words) {
    if (words > 4000000) return 0;
    u32 text_capacity = words * 13 + 16;
    u32 max_capacity = 16;
    while (max_capacity * 3 <= words * 4 + 64) max_capacity *= 2;
    max_capacity *= 2;
    u32 bytes = text_capacity * 2 + 2 * max_capacity * (u32)sizeof(Entry) + 256;
    u8 *memory = scratch(bytes);
    if (!memory) return 0;
    Arena arena = {memory};
    u8 *text = arena_take(&arena, text_capacity);
    Table t = {0};
    t.pool = arena_take(&arena, text_capacity);
    t.pool_capacity = text_capacity;
    t.entries = arena_take(&arena, max_capacity * (u32)sizeof(Entry));
    t.spare = arena_take(&arena, max_capacity * (u32)sizeof(Entry));
    t.spare_capacity = max_capacity;
    t.capacity = 16;
    for (u32 i = 0; i < t.capacity; i++) t.entries[i].hash = 0;

    // Count.
    u32 length = generate_text(text, words);
    u32 i = 0;
    while (i < length && !t.failed) {
        while (i < length && !is_word_byte(text[i])) i++;
        u32 start = i;
        while (i < length && is_word_byte(text[i])) i++;
        if (i > start) add_word(&t, text + start, i - start);
    }
    if (t.failed) return 0;
    u32 distinct = t.count;

    // Look up generated words, present or not.
    u32 rng = 0xBADC0FFEu;
    u32 found = 0, hits = 0;
    u8 probe[16];
    for (u32 k = 0; k < words; k++) {
        u32 count = lookup(&t, probe, make_word(&rng, probe));
        found += count;
        hits += count != 0;
    }

    // The most frequent word, then delete the words seen once.
    u32 best = 0, best_hash = 0;
    for (u32 s = 0; s < t.capacity; s++) {
        if (t.entries[s].hash && t.entries[s].count > best) {
            best = t.entries[s].count;
            best_hash = t.entries[s].hash;
        }
    }
    u32 s = 0;
    while (s < t.capacity) {
        // A deletion may shift a later entry into this slot: look at it again.
        if (t.entries[s].hash && t.entries[s].count == 1) remove_slot(&t, s); else s++;
    }

    // Every remaining entry is still found; the checksum does not depend on slot order.
    u32 sum = 0, remaining = 0;
    for (u32 k = 0; k < t.capacity; k++) {
        const Entry *e = &t.entries[k];
        if (!e->hash) continue;
        if (lookup(&t, t.pool + e->key, e->length) != e->count) return 0;
        sum += mix(e->hash, e->count);
        remaining++;
    }
    if (remaining != t.count) return 0;
    u32 result = mix(mix(mix(FNV_OFFSET, distinct), remaining), sum);
    result = mix(mix(mix(result, found), hits), mix(best, best_hash));
    return result;
}
