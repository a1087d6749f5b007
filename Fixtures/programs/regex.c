// regex(lines): a regular-expression engine searching a generated log. Generates `lines` log
// lines (date, time, level, worker, user, action, address, duration, sometimes an e-mail
// address), compiles a set of patterns to NFAs (Thompson's construction: literals, `.`,
// classes with ranges and negation, \d \w \s escapes, ^ $ anchors, * + ?, alternation, groups)
// and runs every pattern over every line with a breadth-first NFA simulation (no
// backtracking, so time is linear in the line). Returns a checksum of which lines match which
// pattern and where each first match ends.
#include "program.h"

// ---- Compiling ------------------------------------------------------------------------------

enum { S_CHAR, S_ANY, S_CLASS, S_SPLIT, S_EPSILON, S_MATCH, S_BOL, S_EOL };

#define MAX_STATES 512
#define MAX_CLASSES 64

typedef struct {
    u8 kind;
    u8 byte;
    u16 class_index;
    u32 out, out1;  // next states; while building, unpatched outs hold a patch list
} State;

// A piece of NFA under construction: its start, and the outs still to be connected (a list
// threaded through those out fields: entry = (state << 1 | which) + 1, 0 ends it).
typedef struct {
    u32 start;
    u32 dangling;
} Fragment;

typedef struct {
    const char *pattern;
    u32 at;
    State states[MAX_STATES];
    u32 state_count;
    u8 classes[MAX_CLASSES][32];
    u32 class_count;
    u32 start;
    int failed;
} Regex;

static u32 new_state(Regex *re, u8 kind, u32 out, u32 out1) {
    if (re->state_count == MAX_STATES) {
        re->failed = 1;
        return 0;
    }
    State *s = &re->states[re->state_count];
    s->kind = kind;
    s->byte = 0;
    s->class_index = 0;
    s->out = out;
    s->out1 = out1;
    return re->state_count++;
}

static u32 *out_field(Regex *re, u32 entry) {
    State *s = &re->states[(entry - 1) >> 1];
    return ((entry - 1) & 1) ? &s->out1 : &s->out;
}

static void patch(Regex *re, u32 list, u32 target) {
    while (list) {
        u32 *field = out_field(re, list);
        list = *field;
        *field = target;
    }
}

static u32 append(Regex *re, u32 first, u32 second) {
    if (!first) return second;
    u32 entry = first;
    for (;;) {
        u32 *field = out_field(re, entry);
        if (!*field) {
            *field = second;
            return first;
        }
        entry = *field;
    }
}

// A state whose `out` dangles.
static Fragment single(Regex *re, u8 kind) {
    u32 s = new_state(re, kind, 0, 0);
    Fragment f = {s, (s << 1 | 0) + 1};
    return f;
}

static void class_add(u8 *bits, u32 byte) { bits[byte >> 3] |= (u8)(1u << (byte & 7)); }

static void class_add_escape(u8 *bits, char escape) {
    for (u32 b = 0; b < 256; b++) {
        int digit = b >= '0' && b <= '9';
        int word = digit || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '_';
        int space = b == ' ' || b == '\t' || b == '\n' || b == '\r';
        if ((escape == 'd' && digit) || (escape == 'w' && word) || (escape == 's' && space)) class_add(bits, b);
    }
}

static u8 *new_class(Regex *re, u32 *index) {
    if (re->class_count == MAX_CLASSES) {
        re->failed = 1;
        return re->classes[0];
    }
    *index = re->class_count++;
    u8 *bits = re->classes[*index];
    for (int i = 0; i < 32; i++) bits[i] = 0;
    return bits;
}

static Fragment class_fragment(Regex *re, u32 index) {
    Fragment f = single(re, S_CLASS);
    re->states[f.start].class_index = (u16)index;
    return f;
}

static Fragment alternation(Regex *re);

// [...] with ranges and a leading ^ for negation; the position is after '['.
static Fragment bracket(Regex *re) {
    u32 index = 0;
    u8 *bits = new_class(re, &index);
    int negate = re->pattern[re->at] == '^';
    if (negate) re->at++;
    int first = 1;
    while (re->pattern[re->at] && (first || re->pattern[re->at] != ']')) {
        first = 0;
        u8 low = (u8)re->pattern[re->at++];
        if (low == '\\' && re->pattern[re->at]) {
            char escape = re->pattern[re->at++];
            if (escape == 'd' || escape == 'w' || escape == 's') {
                class_add_escape(bits, escape);
                continue;
            }
            low = (u8)escape;
        }
        u8 high = low;
        if (re->pattern[re->at] == '-' && re->pattern[re->at + 1] && re->pattern[re->at + 1] != ']') {
            high = (u8)re->pattern[re->at + 1];
            re->at += 2;
        }
        for (u32 b = low; b <= high; b++) class_add(bits, b);
    }
    if (re->pattern[re->at] != ']') re->failed = 1; else re->at++;
    if (negate) {
        for (int i = 0; i < 32; i++) bits[i] = (u8)~bits[i];
    }
    return class_fragment(re, index);
}

static Fragment atom(Regex *re) {
    char c = re->pattern[re->at++];
    switch (c) {
    case '(': {
        Fragment inner = alternation(re);
        if (re->pattern[re->at] != ')') re->failed = 1; else re->at++;
        return inner;
    }
    case '[': return bracket(re);
    case '.': return single(re, S_ANY);
    case '^': return single(re, S_BOL);
    case '$': return single(re, S_EOL);
    case '\\': {
        char escape = re->pattern[re->at];
        if (escape) re->at++;
        if (escape == 'd' || escape == 'w' || escape == 's') {
            u32 index = 0;
            class_add_escape(new_class(re, &index), escape);
            return class_fragment(re, index);
        }
        c = escape;
        break;
    }
    }
    Fragment f = single(re, S_CHAR);
    re->states[f.start].byte = (u8)c;
    return f;
}

static Fragment repetition(Regex *re) {
    Fragment f = atom(re);
    for (;;) {
        char q = re->pattern[re->at];
        if (q != '*' && q != '+' && q != '?') return f;
        re->at++;
        u32 split = new_state(re, S_SPLIT, f.start, 0);
        u32 split_out1 = (split << 1 | 1) + 1;
        if (q == '*') {
            patch(re, f.dangling, split);
            f.start = split;
            f.dangling = split_out1;
        } else if (q == '+') {
            patch(re, f.dangling, split);
            f.dangling = split_out1;
        } else {
            f.start = split;
            f.dangling = append(re, f.dangling, split_out1);
        }
    }
}

static Fragment concatenation(Regex *re) {
    char c = re->pattern[re->at];
    if (c == 0 || c == '|' || c == ')') {
        return single(re, S_EPSILON);  // an empty branch matches the empty string
    }
    Fragment f = repetition(re);
    for (;;) {
        c = re->pattern[re->at];
        if (c == 0 || c == '|' || c == ')' || re->failed) return f;
        Fragment next = repetition(re);
        patch(re, f.dangling, next.start);
        f.dangling = next.dangling;
    }
}

static Fragment alternation(Regex *re) {
    Fragment f = concatenation(re);
    while (re->pattern[re->at] == '|' && !re->failed) {
        re->at++;
        Fragment other = concatenation(re);
        u32 split = new_state(re, S_SPLIT, f.start, other.start);
        f.start = split;
        f.dangling = append(re, f.dangling, other.dangling);
    }
    return f;
}

static int compile(Regex *re, const char *pattern) {
    re->pattern = pattern;
    re->at = 0;
    re->state_count = 0;
    re->class_count = 0;
    re->failed = 0;
    new_state(re, S_MATCH, 0, 0);  // state 0: the match state; 0 also ends patch lists
    Fragment f = alternation(re);
    if (re->pattern[re->at] != 0) re->failed = 1;
    patch(re, f.dangling, 0);
    re->start = f.start;
    return !re->failed;
}

// ---- Matching -------------------------------------------------------------------------------

typedef struct {
    u32 states[MAX_STATES];
    u32 count;
} StateList;

typedef struct {
    u32 mark[MAX_STATES];  // the generation a state was last added in
    u32 generation;
} Marks;

static void add_state(const Regex *re, StateList *list, Marks *marks, u32 s, u32 position, u32 length) {
    if (marks->mark[s] == marks->generation) return;
    marks->mark[s] = marks->generation;
    const State *state = &re->states[s];
    switch (state->kind) {
    case S_SPLIT:
        add_state(re, list, marks, state->out, position, length);
        add_state(re, list, marks, state->out1, position, length);
        return;
    case S_EPSILON: add_state(re, list, marks, state->out, position, length); return;
    case S_BOL: if (position == 0) add_state(re, list, marks, state->out, position, length); return;
    case S_EOL: if (position == length) add_state(re, list, marks, state->out, position, length); return;
    default: list->states[list->count++] = s;
    }
}

// Where the earliest-ending match in the line ends, or -1 if none (an unanchored search).
static i32 search(const Regex *re, const u8 *line, u32 length, StateList *lists, Marks *marks) {
    StateList *current = &lists[0], *next = &lists[1];
    current->count = 0;
    marks->generation++;
    add_state(re, current, marks, re->start, 0, length);
    for (u32 position = 0;; position++) {
        for (u32 i = 0; i < current->count; i++) {
            if (re->states[current->states[i]].kind == S_MATCH) return (i32)position;
        }
        if (position == length) return -1;
        u8 c = line[position];
        next->count = 0;
        marks->generation++;
        for (u32 i = 0; i < current->count; i++) {
            const State *s = &re->states[current->states[i]];
            int step = 0;
            switch (s->kind) {
            case S_CHAR: step = s->byte == c; break;
            case S_ANY: step = c != '\n'; break;
            case S_CLASS: step = (re->classes[s->class_index][c >> 3] >> (c & 7)) & 1; break;
            }
            if (step) add_state(re, next, marks, s->out, position + 1, length);
        }
        add_state(re, next, marks, re->start, position + 1, length);
        StateList *swap = current;
        current = next;
        next = swap;
    }
}

// ---- The log --------------------------------------------------------------------------------

static const char *const levels[] = {"INFO ", "INFO ", "INFO ", "DEBUG", "WARN ", "ERROR"};
static const char *const names[] = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"};
static const char *const actions[] = {"login", "logout", "upload", "download", "delete", "search", "view"};
static const char *const domains[] = {"example.com", "mail.org", "corp.net", "uni.edu"};

static void put_text(u8 *out, u32 *n, const char *text) {
    while (*text) out[(*n)++] = (u8)*text++;
}

static void put_number(u8 *out, u32 *n, u32 value, u32 width) {
    u8 digits[10];
    u32 count = 0;
    do {
        digits[count++] = (u8)('0' + value % 10);
        value /= 10;
    } while (value);
    while (count < width) digits[count++] = '0';
    while (count) out[(*n)++] = digits[--count];
}

// One line, without its newline; returns its length.
static u32 make_line(u8 *out, u32 *rng) {
    u32 n = 0;
    put_text(out, &n, "2024-");
    put_number(out, &n, 1 + random_below(rng, 12), 2);
    out[n++] = '-';
    put_number(out, &n, 1 + random_below(rng, 28), 2);
    out[n++] = ' ';
    put_number(out, &n, random_below(rng, 24), 2);
    out[n++] = ':';
    put_number(out, &n, random_below(rng, 60), 2);
    out[n++] = ':';
    put_number(out, &n, random_below(rng, 60), 2);
    out[n++] = ' ';
    put_text(out, &n, levels[random_below(rng, 6)]);
    put_text(out, &n, " [worker-");
    put_number(out, &n, random_below(rng, 8), 1);
    put_text(out, &n, "] user=");
    put_text(out, &n, names[random_below(rng, 8)]);
    if (random_below(rng, 3)) put_number(out, &n, random_below(rng, 100), 1);
    put_text(out, &n, " action=");
    put_text(out, &n, actions[random_below(rng, 7)]);
    put_text(out, &n, random_below(rng, 4) ? " ip=192.168." : " ip=10.");
    put_number(out, &n, random_below(rng, 256), 1);
    out[n++] = '.';
    put_number(out, &n, random_below(rng, 256), 1);
    put_text(out, &n, " took=");
    put_number(out, &n, random_below(rng, 3) ? random_below(rng, 200) : random_below(rng, 20000), 1);
    put_text(out, &n, "ms");
    if (random_below(rng, 5) == 0) {
        put_text(out, &n, " contact=");
        put_text(out, &n, names[random_below(rng, 8)]);
        out[n++] = '.';
        put_number(out, &n, random_below(rng, 1000), 1);
        out[n++] = '@';
        put_text(out, &n, domains[random_below(rng, 4)]);
    }
    return n;
}

static const char *const patterns[] = {
    "ERROR|WARN",
    "user=[a-z]+[0-9][0-9] ",
    "ip=10\\.[0-9]+\\.[0-9]+",
    "took=[1-9][0-9][0-9][0-9]+ms",
    "^2024-0[1-6]-[0-2][0-9] ",
    "\\[worker-(1|3|5)\\] user=(alice|bob)",
    "action=(log(in|out)|up(load)?|delete) .*took=9",
    "[^ ]+@[a-z]+\\.(com|org)$",
    "(a|e|i|o|u)[^aeiou ]*(a|e|i|o|u)[^aeiou ]*(a|e|i|o|u)[^ ]* ip",
    "\\d\\d:\\d\\d:\\d\\d \\w+ *\\[",
    "x?y?z?(INFO|DEBUG)? +\\[worker-[^0-3]",
    "(ms|@).*(ms|@)",
};

#define PATTERN_COUNT (sizeof(patterns) / sizeof(patterns[0]))
#define MAX_LINE 256

EXPORT(regex) u32 regex(u32 lines) {
    if (lines > 1000000) return 0;
    u32 bytes = (u32)(PATTERN_COUNT * sizeof(Regex) + 2 * sizeof(StateList) + sizeof(Marks)) + MAX_LINE + 256;
    u8 *memory = scratch(bytes);
    if (!memory) return 0;
    Arena arena = {memory};
    Regex *compiled = arena_take(&arena, (u32)(PATTERN_COUNT * sizeof(Regex)));
    StateList *lists = arena_take(&arena, 2 * (u32)sizeof(StateList));
    Marks *marks = arena_take(&arena, sizeof(Marks));
    u8 *line = arena_take(&arena, MAX_LINE);
    for (u32 p = 0; p < PATTERN_COUNT; p++) {
        if (!compile(&compiled[p], patterns[p])) return 0;
    }
    for (u32 s = 0; s < MAX_STATES; s++) marks->mark[s] = 0;
    marks->generation = 0;

    u32 rng = 0xC0FFEE11u;
    u32 hash = FNV_OFFSET;
    u32 counts[PATTERN_COUNT] = {0};
    for (u32 i = 0; i < lines; i++) {
        u32 length = make_line(line, &rng);
        for (u32 p = 0; p < PATTERN_COUNT; p++) {
            i32 end = search(&compiled[p], line, length, lists, marks);
            if (end >= 0) {
                counts[p]++;
                hash = mix(hash, i * PATTERN_COUNT + p);
                hash = mix(hash, (u32)end);
            }
        }
    }
    for (u32 p = 0; p < PATTERN_COUNT; p++) hash = mix(hash, counts[p]);
    return hash;
}
