// lz77(size): generates `size` bytes of compressible input (words drawn with a skewed
// distribution, numbers, punctuation and occasional random bytes), compresses it with an
// LZ77 compressor (hash chains over 4-byte prefixes, a 64 KiB window, lazy matching) into an
// LZ4-style byte stream, decompresses that, and checks the round trip. Returns a checksum of
// the compressed stream and its length; 0 if the round trip fails.
//
// Stream format: a sequence of blocks, each a token byte (high nibble: literal count, low
// nibble: match length - 4; 15 means more length bytes follow, each added, until one below 255),
// the literals, then a 2-byte little-endian match offset (1..65535). The last block has
// literals only and no offset.
#include "program.h"

#define MIN_MATCH 4
#define WINDOW 65535u
#define HASH_BITS 15
#define MAX_CHAIN 32

// ---- Input ----------------------------------------------------------------------------------

static const char *const words[] = {
    "the", "of", "and", "a", "to", "in", "is", "you", "that", "it", "he", "was", "for", "on", "are",
    "as", "with", "his", "they", "at", "be", "this", "have", "from", "or", "one", "had", "by",
    "word", "but", "not", "what", "all", "were", "we", "when", "your", "can", "said", "there",
    "compression", "dictionary", "interpreter", "benchmark", "webassembly", "function", "memory",
    "window", "literal", "offset", "sequence", "checksum", "pattern", "repeated", "entropy", "token",
};

static u32 generate_input(u8 *out, u32 size) {
    u32 rng = 0x9E3779B9u;
    u32 n = 0;
    u32 word_count = sizeof(words) / sizeof(words[0]);
    while (n < size) {
        u32 roll = random_below(&rng, 100);
        if (roll < 80) {
            // Skewed toward the first words: the smaller of two draws.
            u32 a = random_below(&rng, word_count), b = random_below(&rng, word_count);
            const char *word = words[a < b ? a : b];
            while (*word && n < size) out[n++] = (u8)*word++;
            if (n < size) out[n++] = random_below(&rng, 12) == 0 ? '\n' : ' ';
        } else if (roll < 90) {
            u32 number = random_below(&rng, 100000);
            do {
                if (n < size) out[n++] = (u8)('0' + number % 10);
                number /= 10;
            } while (number);
            if (n < size) out[n++] = ',';
        } else if (roll < 97) {
            if (n < size) out[n++] = (u8)".,;:!?-"[random_below(&rng, 7)];
        } else {
            u32 count = 1 + random_below(&rng, 8);
            for (u32 i = 0; i < count && n < size; i++) out[n++] = (u8)next_random(&rng);
        }
    }
    return n;
}

// ---- Compression ----------------------------------------------------------------------------

typedef struct {
    const u8 *input;
    u32 length;
    i32 *head;  // most recent position of each hash, -1 if none
    i32 *chain; // previous position with the same hash, by position % (WINDOW + 1)
    u8 *out;
    u32 out_length;
    u32 out_capacity;
    int overflow;
} Compressor;

static u32 load32(const u8 *p) {
    return (u32)p[0] | (u32)p[1] << 8 | (u32)p[2] << 16 | (u32)p[3] << 24;
}

static u32 hash4(const u8 *p) {
    return (load32(p) * 2654435761u) >> (32 - HASH_BITS);
}

static void emit(Compressor *c, u8 byte) {
    if (c->out_length < c->out_capacity) {
        c->out[c->out_length++] = byte;
    } else {
        c->overflow = 1;
    }
}

static void emit_length(Compressor *c, u32 extra) {
    while (extra >= 255) {
        emit(c, 255);
        extra -= 255;
    }
    emit(c, (u8)extra);
}

// Writes one block: `literal_count` literals from `literals`, then a match (none when
// match_length is 0, the final block).
static void emit_block(Compressor *c, const u8 *literals, u32 literal_count, u32 match_length, u32 offset) {
    u32 match_code = match_length ? match_length - MIN_MATCH : 0;
    u8 token = (u8)((literal_count < 15 ? literal_count : 15) << 4 | (match_code < 15 ? match_code : 15));
    emit(c, token);
    if (literal_count >= 15) emit_length(c, literal_count - 15);
    for (u32 i = 0; i < literal_count; i++) emit(c, literals[i]);
    if (!match_length) return;
    emit(c, (u8)offset);
    emit(c, (u8)(offset >> 8));
    if (match_code >= 15) emit_length(c, match_code - 15);
}

static void insert(Compressor *c, u32 position) {
    u32 h = hash4(c->input + position);
    c->chain[position & WINDOW] = c->head[h];
    c->head[h] = (i32)position;
}

// The longest match for `position` within the window: its length (0 if under MIN_MATCH) and offset.
static u32 longest_match(const Compressor *c, u32 position, u32 *offset) {
    u32 best = 0;
    u32 limit = c->length - position;
    if (limit < MIN_MATCH) return 0;
    i32 candidate = c->head[hash4(c->input + position)];
    const u8 *here = c->input + position;
    for (int steps = 0; candidate >= 0 && steps < MAX_CHAIN; steps++) {
        u32 distance = position - (u32)candidate;
        if (distance == 0 || distance > WINDOW) break;
        const u8 *there = c->input + candidate;
        if (there[best] == here[best] && load32(there) == load32(here)) {
            u32 length = 4;
            while (length < limit && there[length] == here[length]) length++;
            if (length > best) {
                best = length;
                *offset = distance;
                if (length == limit) break;
            }
        }
        i32 previous = c->chain[(u32)candidate & WINDOW];
        if (previous >= candidate) break;
        candidate = previous;
    }
    return best >= MIN_MATCH ? best : 0;
}

static void compress(Compressor *c) {
    for (u32 i = 0; i < (1u << HASH_BITS); i++) c->head[i] = -1;
    u32 position = 0, literal_start = 0;
    while (position + MIN_MATCH <= c->length) {
        u32 offset = 0;
        u32 length = longest_match(c, position, &offset);
        if (length && position + 1 + MIN_MATCH <= c->length) {
            // Lazy matching: prefer a longer match starting one byte later.
            insert(c, position);
            u32 next_offset = 0;
            u32 next = longest_match(c, position + 1, &next_offset);
            if (next > length + 1) {
                position++;
                length = next;
                offset = next_offset;
            } else {
                emit_block(c, c->input + literal_start, position - literal_start, length, offset);
                for (u32 i = position + 1; i < position + length && i + MIN_MATCH <= c->length; i++) insert(c, i);
                position += length;
                literal_start = position;
                continue;
            }
        }
        if (length) {
            emit_block(c, c->input + literal_start, position - literal_start, length, offset);
            for (u32 i = position; i < position + length && i + MIN_MATCH <= c->length; i++) insert(c, i);
            position += length;
            literal_start = position;
        } else {
            insert(c, position);
            position++;
        }
    }
    emit_block(c, c->input + literal_start, c->length - literal_start, 0, 0);
}

// ---- Decompression --------------------------------------------------------------------------

static int read_length(const u8 *in, u32 in_length, u32 *at, u32 *length) {
    for (;;) {
        if (*at >= in_length) return 0;
        u8 byte = in[(*at)++];
        *length += byte;
        if (byte != 255) return 1;
    }
}

// Returns the decompressed length, or 0xFFFFFFFF if the stream is malformed or too long.
static u32 decompress(const u8 *in, u32 in_length, u8 *out, u32 capacity) {
    u32 at = 0, n = 0;
    while (at < in_length) {
        u8 token = in[at++];
        u32 literals = token >> 4;
        if (literals == 15 && !read_length(in, in_length, &at, &literals)) return 0xFFFFFFFFu;
        if (literals > in_length - at || literals > capacity - n) return 0xFFFFFFFFu;
        for (u32 i = 0; i < literals; i++) out[n++] = in[at++];
        if (at == in_length) break;  // the final block
        if (in_length - at < 2) return 0xFFFFFFFFu;
        u32 offset = (u32)in[at] | (u32)in[at + 1] << 8;
        at += 2;
        u32 length = (token & 15u);
        if (length == 15 && !read_length(in, in_length, &at, &length)) return 0xFFFFFFFFu;
        length += MIN_MATCH;
        if (offset == 0 || offset > n || length > capacity - n) return 0xFFFFFFFFu;
        const u8 *from = out + n - offset;
        // Byte by byte: a match may overlap the bytes it produces.
        for (u32 i = 0; i < length; i++) out[n + i] = from[i];
        n += length;
    }
    return n;
}

EXPORT(lz77) u32 lz77(u32 size) {
    if (size > (64u << 20)) return 0;
    u32 out_capacity = size + size / 8 + 64;
    u32 bytes = size + out_capacity + size + (4u << HASH_BITS) + 4u * (WINDOW + 1) + 256;
    u8 *memory = scratch(bytes);
    if (!memory) return 0;
    Arena arena = {memory};
    u8 *input = arena_take(&arena, size);
    Compressor c = {0};
    c.out = arena_take(&arena, out_capacity);
    c.out_capacity = out_capacity;
    u8 *restored = arena_take(&arena, size);
    c.head = arena_take(&arena, 4u << HASH_BITS);
    c.chain = arena_take(&arena, 4u * (WINDOW + 1));
    c.input = input;
    c.length = generate_input(input, size);

    compress(&c);
    if (c.overflow) return 0;
    u32 restored_length = decompress(c.out, c.out_length, restored, size);
    if (restored_length != c.length) return 0;
    for (u32 i = 0; i < c.length; i++) {
        if (restored[i] != input[i]) return 0;
    }
    return mix(fnv1a(FNV_OFFSET, c.out, c.out_length), c.out_length);
}
