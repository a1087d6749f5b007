// json(records): generates a JSON document (an array of `records` objects: names, tags, numbers
// in integer, decimal and exponent form, strings with escapes and \u sequences, nested objects
// and arrays), parses it into a tree (a tokenizer and a recursive-descent parser, strings
// unescaped to UTF-8, numbers converted to doubles), walks the tree, serializes it back compactly,
// parses that text again and checks that both trees agree. Returns a checksum of the tree, the
// sum of every record's "score" and the serialized text; 0 if anything fails.
#include "program.h"

// ---- Writing text ---------------------------------------------------------------------------

typedef struct {
    u8 *bytes;
    u32 length;
    u32 capacity;
    int overflow;
} Text;

static void put(Text *text, u8 byte) {
    if (text->length < text->capacity) {
        text->bytes[text->length++] = byte;
    } else {
        text->overflow = 1;
    }
}

static void put_ascii(Text *text, const char *ascii) {
    while (*ascii) put(text, (u8)*ascii++);
}

static void put_uint(Text *text, u32 value) {
    u8 digits[10];
    int count = 0;
    do {
        digits[count++] = (u8)('0' + value % 10);
        value /= 10;
    } while (value);
    while (count) put(text, digits[--count]);
}

static const char hex_digits[] = "0123456789abcdef";

// ---- Generating a document ------------------------------------------------------------------

static const char *const syllables[] = {
    "ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "zen", "qua", "bri", "dor", "fel", "gim", "hap", "jus",
};
static const char *const tag_words[] = {
    "alpha", "beta", "gamma", "delta", "red", "green", "blue", "fast", "slow", "new", "old", "hot",
};

static void put_random_string(Text *text, u32 *rng, u32 syllable_count) {
    put(text, '"');
    for (u32 i = 0; i < syllable_count; i++) {
        u32 pick = random_below(rng, 40);
        if (pick < 32) {
            put_ascii(text, syllables[pick & 15]);
        } else if (pick == 32) {
            put_ascii(text, "\\\"");
        } else if (pick == 33) {
            put_ascii(text, "\\\\");
        } else if (pick == 34) {
            put_ascii(text, "\\n");
        } else if (pick == 35) {
            put_ascii(text, "\\t");
        } else if (pick == 36) {
            put_ascii(text, "\\u00e9");  // é
        } else if (pick == 37) {
            put_ascii(text, "\\u4e2d");  // 中
        } else if (pick == 38) {
            put_ascii(text, "\\/");
        } else {
            put(text, ' ');
        }
    }
    put(text, '"');
}

static void put_random_number(Text *text, u32 *rng) {
    u32 form = random_below(rng, 4);
    if (random_below(rng, 4) == 0) put(text, '-');
    put_uint(text, random_below(rng, form == 0 ? 100000 : 1000));
    if (form >= 1) {
        put(text, '.');
        u32 fraction = random_below(rng, 1000);
        put(text, (u8)('0' + fraction / 100));
        put(text, (u8)('0' + fraction / 10 % 10));
        put(text, (u8)('0' + fraction % 10));
    }
    if (form == 3) {
        put(text, random_below(rng, 2) ? 'e' : 'E');
        if (random_below(rng, 2)) put(text, '-');
        put_uint(text, random_below(rng, 12));
    }
}

static void put_random_value(Text *text, u32 *rng, int depth);

static void put_random_array(Text *text, u32 *rng, int depth) {
    u32 count = random_below(rng, 5);
    put(text, '[');
    for (u32 i = 0; i < count; i++) {
        if (i) put(text, ',');
        put_random_value(text, rng, depth + 1);
    }
    put(text, ']');
}

static void put_random_object(Text *text, u32 *rng, int depth) {
    u32 count = random_below(rng, 5);
    put(text, '{');
    for (u32 i = 0; i < count; i++) {
        if (i) put(text, ',');
        put_random_string(text, rng, 1 + random_below(rng, 3));
        put(text, ':');
        put_random_value(text, rng, depth + 1);
    }
    put(text, '}');
}

static void put_random_value(Text *text, u32 *rng, int depth) {
    u32 kind = random_below(rng, depth < 3 ? 9 : 6);
    switch (kind) {
    case 0: put_ascii(text, "null"); break;
    case 1: put_ascii(text, random_below(rng, 2) ? "true" : "false"); break;
    case 2: case 3: put_random_number(text, rng); break;
    case 4: case 5: put_random_string(text, rng, random_below(rng, 8)); break;
    case 6: case 7: put_random_array(text, rng, depth); break;
    default: put_random_object(text, rng, depth); break;
    }
}

// One record: fixed keys with random values, pretty-printed with spaces and newlines.
static void put_record(Text *text, u32 *rng, u32 id) {
    put_ascii(text, "  {\"id\": ");
    put_uint(text, id);
    put_ascii(text, ", \"name\": ");
    put_random_string(text, rng, 2 + random_below(rng, 4));
    put_ascii(text, ",\n   \"tags\": [");
    u32 tags = random_below(rng, 5);
    for (u32 i = 0; i < tags; i++) {
        put_ascii(text, i ? ", \"" : "\"");
        put_ascii(text, tag_words[random_below(rng, 12)]);
        put(text, '"');
    }
    put_ascii(text, "],\n   \"score\": ");
    put_random_number(text, rng);
    put_ascii(text, ", \"active\": ");
    put_ascii(text, random_below(rng, 2) ? "true" : "false");
    put_ascii(text, ",\n   \"extra\": ");
    put_random_value(text, rng, 0);
    put_ascii(text, ", \"note\": null}");
}

static void generate_document(Text *text, u32 records) {
    u32 rng = 0x2545F491u;
    put_ascii(text, "[\n");
    for (u32 i = 0; i < records; i++) {
        if (i) put_ascii(text, ",\n");
        put_record(text, &rng, i);
    }
    put_ascii(text, "\n]\n");
}

// ---- The tree -------------------------------------------------------------------------------

enum { J_NULL, J_FALSE, J_TRUE, J_NUMBER, J_STRING, J_ARRAY, J_OBJECT };

typedef struct {
    u32 type;
    u32 next;         // next sibling, 0 at the end (node 0 is never a child)
    u32 first;        // first child of an array or object, 0 if empty
    u32 key_offset;   // an object member's key, in the string pool
    u32 key_length;
    u32 text_offset;  // a string's bytes in the pool; a number's source text
    u32 text_length;
    u32 pad;
    double number;
} Node;

typedef struct {
    const u8 *source;
    u32 position;
    u32 length;
    Node *nodes;
    u32 node_count;
    u32 node_capacity;
    u8 *pool;  // unescaped strings
    u32 pool_length;
    u32 pool_capacity;
    int failed;
} Parser;

static const double powers_of_ten[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

static void skip_space(Parser *p) {
    while (p->position < p->length) {
        u8 c = p->source[p->position];
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') break;
        p->position++;
    }
}

static u32 new_node(Parser *p, u32 type) {
    if (p->node_count == p->node_capacity) {
        p->failed = 1;
        return 0;
    }
    Node *node = &p->nodes[p->node_count];
    node->type = type;
    node->next = node->first = 0;
    node->key_offset = node->key_length = node->text_offset = node->text_length = 0;
    node->number = 0;
    return p->node_count++;
}

static void pool_put(Parser *p, u8 byte) {
    if (p->pool_length < p->pool_capacity) {
        p->pool[p->pool_length++] = byte;
    } else {
        p->failed = 1;
    }
}

static int hex_value(u8 c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Reads a string token (the position at its opening quote) into the pool, unescaped.
static void parse_string(Parser *p, u32 *offset, u32 *length) {
    p->position++;
    *offset = p->pool_length;
    while (p->position < p->length) {
        u8 c = p->source[p->position++];
        if (c == '"') {
            *length = p->pool_length - *offset;
            return;
        }
        if (c != '\\') {
            pool_put(p, c);
            continue;
        }
        if (p->position >= p->length) break;
        u8 escape = p->source[p->position++];
        switch (escape) {
        case '"': case '\\': case '/': pool_put(p, escape); break;
        case 'b': pool_put(p, 8); break;
        case 'f': pool_put(p, 12); break;
        case 'n': pool_put(p, 10); break;
        case 'r': pool_put(p, 13); break;
        case 't': pool_put(p, 9); break;
        case 'u': {
            if (p->position + 4 > p->length) {
                p->failed = 1;
                return;
            }
            u32 code = 0;
            for (int i = 0; i < 4; i++) {
                int digit = hex_value(p->source[p->position++]);
                if (digit < 0) {
                    p->failed = 1;
                    return;
                }
                code = code << 4 | (u32)digit;
            }
            if (code < 0x80) {
                pool_put(p, (u8)code);
            } else if (code < 0x800) {
                pool_put(p, (u8)(0xC0 | code >> 6));
                pool_put(p, (u8)(0x80 | (code & 0x3F)));
            } else {
                pool_put(p, (u8)(0xE0 | code >> 12));
                pool_put(p, (u8)(0x80 | (code >> 6 & 0x3F)));
                pool_put(p, (u8)(0x80 | (code & 0x3F)));
            }
            break;
        }
        default: p->failed = 1; return;
        }
    }
    p->failed = 1;
}

static double parse_number(Parser *p) {
    u32 start = p->position;
    int negative = 0;
    if (p->source[p->position] == '-') {
        negative = 1;
        p->position++;
    }
    u64 mantissa = 0;
    int digits = 0, scale = 0;
    while (p->position < p->length && p->source[p->position] >= '0' && p->source[p->position] <= '9') {
        if (digits < 19) {
            mantissa = mantissa * 10 + (p->source[p->position] - '0');
            digits++;
        } else {
            scale++;
        }
        p->position++;
    }
    if (p->position < p->length && p->source[p->position] == '.') {
        p->position++;
        while (p->position < p->length && p->source[p->position] >= '0' && p->source[p->position] <= '9') {
            if (digits < 19) {
                mantissa = mantissa * 10 + (p->source[p->position] - '0');
                digits++;
                scale--;
            }
            p->position++;
        }
    }
    if (p->position < p->length && (p->source[p->position] == 'e' || p->source[p->position] == 'E')) {
        p->position++;
        int exponent_negative = 0, exponent = 0;
        if (p->position < p->length && (p->source[p->position] == '-' || p->source[p->position] == '+')) {
            exponent_negative = p->source[p->position] == '-';
            p->position++;
        }
        while (p->position < p->length && p->source[p->position] >= '0' && p->source[p->position] <= '9') {
            if (exponent < 10000) exponent = exponent * 10 + (p->source[p->position] - '0');
            p->position++;
        }
        scale += exponent_negative ? -exponent : exponent;
    }
    if (p->position == start + (u32)negative) p->failed = 1;
    double value = (double)mantissa;
    while (scale > 22) {
        value *= 1e22;
        scale -= 22;
    }
    while (scale < -22) {
        value /= 1e22;
        scale += 22;
    }
    value = scale >= 0 ? value * powers_of_ten[scale] : value / powers_of_ten[-scale];
    return negative ? -value : value;
}

static int expect_word(Parser *p, const char *word) {
    while (*word) {
        if (p->position >= p->length || p->source[p->position] != (u8)*word) return 0;
        p->position++;
        word++;
    }
    return 1;
}

static u32 parse_value(Parser *p, int depth) {
    skip_space(p);
    if (p->failed || p->position >= p->length || depth > 64) {
        p->failed = 1;
        return 0;
    }
    u8 c = p->source[p->position];
    if (c == '{' || c == '[') {
        u32 node = new_node(p, c == '{' ? J_OBJECT : J_ARRAY);
        u8 close = c == '{' ? '}' : ']';
        p->position++;
        skip_space(p);
        if (p->position < p->length && p->source[p->position] == close) {
            p->position++;
            return node;
        }
        u32 last = 0;
        for (;;) {
            u32 key_offset = 0, key_length = 0;
            if (close == '}') {
                skip_space(p);
                if (p->position >= p->length || p->source[p->position] != '"') break;
                parse_string(p, &key_offset, &key_length);
                skip_space(p);
                if (p->position >= p->length || p->source[p->position] != ':') break;
                p->position++;
            }
            u32 child = parse_value(p, depth + 1);
            if (p->failed) return 0;
            p->nodes[child].key_offset = key_offset;
            p->nodes[child].key_length = key_length;
            if (last) p->nodes[last].next = child; else p->nodes[node].first = child;
            last = child;
            skip_space(p);
            if (p->position >= p->length) break;
            u8 separator = p->source[p->position++];
            if (separator == close) return node;
            if (separator != ',') break;
        }
        p->failed = 1;
        return 0;
    }
    if (c == '"') {
        u32 node = new_node(p, J_STRING);
        parse_string(p, &p->nodes[node].text_offset, &p->nodes[node].text_length);
        return node;
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
        u32 node = new_node(p, J_NUMBER);
        u32 start = p->position;
        double value = parse_number(p);
        p->nodes[node].number = value;
        p->nodes[node].text_offset = start;
        p->nodes[node].text_length = p->position - start;
        return node;
    }
    if (expect_word(p, "null")) return new_node(p, J_NULL);
    if (expect_word(p, "true")) return new_node(p, J_TRUE);
    if (expect_word(p, "false")) return new_node(p, J_FALSE);
    p->failed = 1;
    return 0;
}

// Parses a whole document; returns its root node, with p->failed set on any error.
static u32 parse_document(Parser *p) {
    p->position = 0;
    p->node_count = 1;  // node 0 stays unused, so 0 can mean "none"
    p->pool_length = 0;
    p->failed = 0;
    u32 root = parse_value(p, 0);
    skip_space(p);
    if (p->position != p->length) p->failed = 1;
    return root;
}

// ---- Using the tree -------------------------------------------------------------------------

static u32 u64_low(double value) {
    union { double d; u64 bits; } u = {value};
    return (u32)u.bits;
}

static u32 u64_high(double value) {
    union { double d; u64 bits; } u = {value};
    return (u32)(u.bits >> 32);
}

// A checksum of the tree's shape, keys, strings and numbers (numbers by their bits).
static u32 tree_checksum(const Parser *p, u32 node, u32 hash) {
    const Node *n = &p->nodes[node];
    hash = mix(hash, n->type);
    if (n->key_length) hash = mix(hash, fnv1a(FNV_OFFSET, p->pool + n->key_offset, n->key_length));
    switch (n->type) {
    case J_NUMBER: hash = mix(mix(hash, u64_low(n->number)), u64_high(n->number)); break;
    case J_STRING: hash = mix(hash, fnv1a(FNV_OFFSET, p->pool + n->text_offset, n->text_length)); break;
    case J_ARRAY:
    case J_OBJECT:
        for (u32 child = n->first; child; child = p->nodes[child].next) hash = tree_checksum(p, child, hash);
        hash = mix(hash, 0xFFu);
        break;
    }
    return hash;
}

// The member of an object with the given key, or 0.
static u32 member(const Parser *p, u32 object, const char *key) {
    u32 length = 0;
    while (key[length]) length++;
    for (u32 child = p->nodes[object].first; child; child = p->nodes[child].next) {
        const Node *n = &p->nodes[child];
        if (n->key_length != length) continue;
        u32 i = 0;
        while (i < length && p->pool[n->key_offset + i] == (u8)key[i]) i++;
        if (i == length) return child;
    }
    return 0;
}

static void put_escaped(Text *text, const u8 *bytes, u32 length) {
    put(text, '"');
    for (u32 i = 0; i < length; i++) {
        u8 c = bytes[i];
        if (c == '"' || c == '\\') {
            put(text, '\\');
            put(text, c);
        } else if (c == '\n') {
            put_ascii(text, "\\n");
        } else if (c == '\t') {
            put_ascii(text, "\\t");
        } else if (c < 0x20) {
            put_ascii(text, "\\u00");
            put(text, (u8)hex_digits[c >> 4]);
            put(text, (u8)hex_digits[c & 15]);
        } else {
            put(text, c);
        }
    }
    put(text, '"');
}

// Writes the tree compactly; numbers keep their source text.
static void serialize(const Parser *p, u32 node, Text *out) {
    const Node *n = &p->nodes[node];
    switch (n->type) {
    case J_NULL: put_ascii(out, "null"); break;
    case J_FALSE: put_ascii(out, "false"); break;
    case J_TRUE: put_ascii(out, "true"); break;
    case J_NUMBER:
        for (u32 i = 0; i < n->text_length; i++) put(out, p->source[n->text_offset + i]);
        break;
    case J_STRING: put_escaped(out, p->pool + n->text_offset, n->text_length); break;
    default: {
        int object = n->type == J_OBJECT;
        put(out, object ? '{' : '[');
        for (u32 child = n->first; child; child = p->nodes[child].next) {
            if (child != n->first) put(out, ',');
            if (object) {
                put_escaped(out, p->pool + p->nodes[child].key_offset, p->nodes[child].key_length);
                put(out, ':');
            }
            serialize(p, child, out);
        }
        put(out, object ? '}' : ']');
    }
    }
}

EXPORT(json) u32 json(u32 records) {
    if (records > 1000000) return 0;
    u32 text_capacity = records * 1024 + 64;
    u32 node_capacity = records * 128 + 16;
    u32 pool_capacity = records * 1024 + 64;
    u32 bytes = 2 * text_capacity + node_capacity * (u32)sizeof(Node) + pool_capacity + 256;
    u8 *memory = scratch(bytes);
    if (!memory) return 0;
    Arena arena = {memory};
    Text document = {arena_take(&arena, text_capacity), 0, text_capacity, 0};
    Text compact = {arena_take(&arena, text_capacity), 0, text_capacity, 0};
    Parser parser = {0};
    parser.nodes = arena_take(&arena, node_capacity * (u32)sizeof(Node));
    parser.node_capacity = node_capacity;
    parser.pool = arena_take(&arena, pool_capacity);
    parser.pool_capacity = pool_capacity;

    generate_document(&document, records);
    if (document.overflow) return 0;
    parser.source = document.bytes;
    parser.length = document.length;
    u32 root = parse_document(&parser);
    if (parser.failed || parser.nodes[root].type != J_ARRAY) return 0;

    u32 checksum = tree_checksum(&parser, root, FNV_OFFSET);
    double score_total = 0;
    u32 active = 0;
    for (u32 record = parser.nodes[root].first; record; record = parser.nodes[record].next) {
        u32 score = member(&parser, record, "score");
        if (score && parser.nodes[score].type == J_NUMBER) score_total += parser.nodes[score].number;
        u32 flag = member(&parser, record, "active");
        if (flag && parser.nodes[flag].type == J_TRUE) active++;
    }
    serialize(&parser, root, &compact);
    if (compact.overflow) return 0;

    parser.source = compact.bytes;
    parser.length = compact.length;
    u32 again = parse_document(&parser);
    if (parser.failed || tree_checksum(&parser, again, FNV_OFFSET) != checksum) return 0;

    u32 result = mix(checksum, fnv1a(FNV_OFFSET, compact.bytes, compact.length));
    result = mix(mix(result, u64_low(score_total)), u64_high(score_total));
    result = mix(mix(result, active), document.length);
    return result;
}
