// minilang(n): a small language's whole pipeline. A lexer and a one-pass recursive-descent
// compiler turn the program below (functions, 32-bit integer variables, while/if/else, calls and
// recursion, a global word array `mem`) into stack bytecode; a switch-dispatched virtual machine
// with a value stack and call frames runs `main(n)`. Returns main's result mixed with the
// bytecode's size; 0 if compiling or running fails.
//
// Arithmetic wraps modulo 2^32; x / 0 and x % 0 are 0; mem indices are taken modulo its size.
#include "program.h"

static const char source[] =
    "fn fib(n) { if n < 2 { return n; } return fib(n - 1) + fib(n - 2); }\n"
    "fn gcd(a, b) { while b != 0 { var t = a % b; a = b; b = t; } return a; }\n"
    "fn collatz(x) {\n"
    "  var steps = 0;\n"
    "  while x != 1 && steps < 1000 { if x % 2 == 0 { x = x / 2; } else { x = 3 * x + 1; } steps = steps + 1; }\n"
    "  return steps;\n"
    "}\n"
    "fn sieve(limit) {\n"
    "  var i = 2; while i <= limit { mem[i] = 1; i = i + 1; }\n"
    "  var count = 0; i = 2;\n"
    "  while i <= limit {\n"
    "    if mem[i] { count = count + 1; var j = i * i; while j <= limit { mem[j] = 0; j = j + i; } }\n"
    "    i = i + 1;\n"
    "  }\n"
    "  return count;\n"
    "}\n"
    "fn sort(count, seed) {\n"
    "  var i = 0; var x = seed;\n"
    "  while i < count { x = x * 1103515245 + 12345; mem[i] = (x >> 8) & 65535; i = i + 1; }\n"
    "  i = 1;\n"
    "  while i < count {\n"
    "    var v = mem[i]; var j = i - 1;\n"
    "    while j >= 0 && mem[j] > v { mem[j + 1] = mem[j]; j = j - 1; }\n"
    "    mem[j + 1] = v; i = i + 1;\n"
    "  }\n"
    "  var sum = 0; i = 0;\n"
    "  while i < count { sum = sum * 31 + mem[i] ^ i; i = i + 1; }\n"
    "  return sum;\n"
    "}\n"
    "fn main(n) {\n"
    "  var acc = 17; var i = 0;\n"
    "  while i < n {\n"
    "    acc = acc * 31 + collatz(i + 1);\n"
    "    acc = acc ^ gcd(i * 7919 + 13, (i << 3) % 1009 + 1);\n"
    "    if i % 64 == 0 { acc = acc + fib(10 + i % 7); }\n"
    "    i = i + 1;\n"
    "  }\n"
    "  acc = acc + sieve(n * 4 + 100) * 3;\n"
    "  acc = acc ^ sort(n / 4 + 10, acc);\n"
    "  return !(acc == 0) * acc - -(n > 5 || n <= 2);\n"
    "}\n";

// ---- Lexer ----------------------------------------------------------------------------------

enum {
    T_END, T_NUMBER, T_NAME, T_FN, T_VAR, T_IF, T_ELSE, T_WHILE, T_RETURN,
    T_LPAREN, T_RPAREN, T_LBRACE, T_RBRACE, T_LBRACKET, T_RBRACKET, T_COMMA, T_SEMICOLON, T_ASSIGN,
    T_OROR, T_ANDAND, T_OR, T_XOR, T_AND, T_EQ, T_NE, T_LT, T_LE, T_GT, T_GE, T_SHL, T_SHR,
    T_PLUS, T_MINUS, T_STAR, T_SLASH, T_PERCENT, T_BANG, T_ERROR,
};

typedef struct {
    const char *text;
    u32 position;
    u32 token;
    u32 start, length;  // the token's text
    u32 number;
} Lexer;

static int is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
static int is_digit(char c) { return c >= '0' && c <= '9'; }

static int word_is(const Lexer *lx, const char *word) {
    u32 i = 0;
    while (i < lx->length && word[i] == lx->text[lx->start + i]) i++;
    return i == lx->length && word[i] == 0;
}

static void advance(Lexer *lx) {
    const char *t = lx->text;
    while (t[lx->position] == ' ' || t[lx->position] == '\n' || t[lx->position] == '\t') lx->position++;
    lx->start = lx->position;
    char c = t[lx->position];
    if (c == 0) {
        lx->token = T_END;
        lx->length = 0;
        return;
    }
    if (is_digit(c)) {
        u32 value = 0;
        while (is_digit(t[lx->position])) value = value * 10 + (u32)(t[lx->position++] - '0');
        lx->token = T_NUMBER;
        lx->number = value;
        lx->length = lx->position - lx->start;
        return;
    }
    if (is_letter(c)) {
        while (is_letter(t[lx->position]) || is_digit(t[lx->position])) lx->position++;
        lx->length = lx->position - lx->start;
        lx->token = word_is(lx, "fn") ? T_FN : word_is(lx, "var") ? T_VAR : word_is(lx, "if") ? T_IF
            : word_is(lx, "else") ? T_ELSE : word_is(lx, "while") ? T_WHILE : word_is(lx, "return") ? T_RETURN
            : T_NAME;
        return;
    }
    char d = t[lx->position + 1];
    u32 token = T_ERROR, width = 1;
    switch (c) {
    case '(': token = T_LPAREN; break;
    case ')': token = T_RPAREN; break;
    case '{': token = T_LBRACE; break;
    case '}': token = T_RBRACE; break;
    case '[': token = T_LBRACKET; break;
    case ']': token = T_RBRACKET; break;
    case ',': token = T_COMMA; break;
    case ';': token = T_SEMICOLON; break;
    case '+': token = T_PLUS; break;
    case '-': token = T_MINUS; break;
    case '*': token = T_STAR; break;
    case '/': token = T_SLASH; break;
    case '%': token = T_PERCENT; break;
    case '^': token = T_XOR; break;
    case '=': if (d == '=') { token = T_EQ; width = 2; } else token = T_ASSIGN; break;
    case '!': if (d == '=') { token = T_NE; width = 2; } else token = T_BANG; break;
    case '<':
        if (d == '=') { token = T_LE; width = 2; } else if (d == '<') { token = T_SHL; width = 2; } else token = T_LT;
        break;
    case '>':
        if (d == '=') { token = T_GE; width = 2; } else if (d == '>') { token = T_SHR; width = 2; } else token = T_GT;
        break;
    case '|': if (d == '|') { token = T_OROR; width = 2; } else token = T_OR; break;
    case '&': if (d == '&') { token = T_ANDAND; width = 2; } else token = T_AND; break;
    }
    lx->token = token;
    lx->position += width;
    lx->length = width;
}

// ---- Bytecode -------------------------------------------------------------------------------

enum {
    OP_CONST, OP_LOAD, OP_STORE, OP_MEMLOAD, OP_MEMSTORE, OP_POP,
    OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_MOD, OP_AND, OP_OR, OP_XOR, OP_SHL, OP_SHR,
    OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE, OP_NEG, OP_NOT,
    OP_JUMP, OP_JUMP_IF_FALSE, OP_JUMP_IF_TRUE_KEEP, OP_JUMP_IF_FALSE_KEEP, OP_CALL, OP_RETURN,
};

#define MAX_FUNCTIONS 32
#define MAX_LOCALS 32
#define CODE_CAPACITY 8192
#define MEM_WORDS 65536u

typedef struct {
    u32 name_start, name_length;
    u32 entry;        // code offset; 0xFFFFFFFF until defined
    u32 parameters;
    u32 locals;       // parameters included
} FunctionInfo;

typedef struct {
    Lexer lx;
    u8 code[CODE_CAPACITY];
    u32 code_length;
    FunctionInfo functions[MAX_FUNCTIONS];
    u32 function_count;
    u32 local_starts[MAX_LOCALS], local_lengths[MAX_LOCALS];
    u32 local_count;
    int failed;
} Compiler;

static void emit(Compiler *c, u8 byte) {
    if (c->code_length < CODE_CAPACITY) c->code[c->code_length++] = byte; else c->failed = 1;
}

static void emit16(Compiler *c, u32 value) {
    emit(c, (u8)value);
    emit(c, (u8)(value >> 8));
}

static void emit32(Compiler *c, u32 value) {
    emit16(c, value & 0xFFFF);
    emit16(c, value >> 16);
}

static void patch16(Compiler *c, u32 at, u32 value) {
    if (at + 1 < CODE_CAPACITY) {
        c->code[at] = (u8)value;
        c->code[at + 1] = (u8)(value >> 8);
    }
}

static void expect(Compiler *c, u32 token) {
    if (c->lx.token != token) c->failed = 1;
    advance(&c->lx);
}

static int same_name(const Compiler *c, u32 start, u32 length) {
    if (length != c->lx.length) return 0;
    for (u32 i = 0; i < length; i++) {
        if (c->lx.text[start + i] != c->lx.text[c->lx.start + i]) return 0;
    }
    return 1;
}

// The function named by the current token, declared on first use (calls may come before definitions).
static u32 function_index(Compiler *c) {
    for (u32 i = 0; i < c->function_count; i++) {
        if (same_name(c, c->functions[i].name_start, c->functions[i].name_length)) return i;
    }
    if (c->function_count == MAX_FUNCTIONS) {
        c->failed = 1;
        return 0;
    }
    FunctionInfo *f = &c->functions[c->function_count];
    f->name_start = c->lx.start;
    f->name_length = c->lx.length;
    f->entry = 0xFFFFFFFFu;
    f->parameters = f->locals = 0;
    return c->function_count++;
}

// The local named by the current token; declares it when `declare` is set.
static u32 local_slot(Compiler *c, int declare) {
    for (u32 i = 0; i < c->local_count; i++) {
        if (same_name(c, c->local_starts[i], c->local_lengths[i])) return i;
    }
    if (!declare || c->local_count == MAX_LOCALS) {
        c->failed = 1;
        return 0;
    }
    c->local_starts[c->local_count] = c->lx.start;
    c->local_lengths[c->local_count] = c->lx.length;
    return c->local_count++;
}

static void expression(Compiler *c, int min_precedence);

static void primary(Compiler *c) {
    Lexer *lx = &c->lx;
    switch (lx->token) {
    case T_NUMBER:
        emit(c, OP_CONST);
        emit32(c, lx->number);
        advance(lx);
        return;
    case T_LPAREN:
        advance(lx);
        expression(c, 0);
        expect(c, T_RPAREN);
        return;
    case T_MINUS:
        advance(lx);
        primary(c);
        emit(c, OP_NEG);
        return;
    case T_BANG:
        advance(lx);
        primary(c);
        emit(c, OP_NOT);
        return;
    case T_NAME: {
        if (word_is(lx, "mem")) {
            advance(lx);
            expect(c, T_LBRACKET);
            expression(c, 0);
            expect(c, T_RBRACKET);
            emit(c, OP_MEMLOAD);
            return;
        }
        Lexer saved = *lx;
        advance(lx);
        if (lx->token == T_LPAREN) {
            Lexer after = *lx;
            *lx = saved;
            u32 function = function_index(c);
            *lx = after;
            advance(lx);
            u32 arguments = 0;
            while (lx->token != T_RPAREN && !c->failed) {
                expression(c, 0);
                arguments++;
                if (lx->token == T_COMMA) advance(lx); else break;
            }
            expect(c, T_RPAREN);
            emit(c, OP_CALL);
            emit(c, (u8)function);
            emit(c, (u8)arguments);
            return;
        }
        Lexer after = *lx;
        *lx = saved;
        u32 slot = local_slot(c, 0);
        *lx = after;
        emit(c, OP_LOAD);
        emit(c, (u8)slot);
        return;
    }
    default:
        c->failed = 1;
        advance(lx);
    }
}

// Binary operators: precedence (higher binds tighter) and opcode.
static int binary_precedence(u32 token, u8 *op) {
    switch (token) {
    case T_OROR: return 1;
    case T_ANDAND: return 2;
    case T_OR: *op = OP_OR; return 3;
    case T_XOR: *op = OP_XOR; return 4;
    case T_AND: *op = OP_AND; return 5;
    case T_EQ: *op = OP_EQ; return 6;
    case T_NE: *op = OP_NE; return 6;
    case T_LT: *op = OP_LT; return 7;
    case T_LE: *op = OP_LE; return 7;
    case T_GT: *op = OP_GT; return 7;
    case T_GE: *op = OP_GE; return 7;
    case T_SHL: *op = OP_SHL; return 8;
    case T_SHR: *op = OP_SHR; return 8;
    case T_PLUS: *op = OP_ADD; return 9;
    case T_MINUS: *op = OP_SUB; return 9;
    case T_STAR: *op = OP_MUL; return 10;
    case T_SLASH: *op = OP_DIV; return 10;
    case T_PERCENT: *op = OP_MOD; return 10;
    default: return -1;
    }
}

// Precedence climbing. && and || short-circuit and leave 0 or 1.
static void expression(Compiler *c, int min_precedence) {
    primary(c);
    for (;;) {
        u8 op = 0;
        u32 token = c->lx.token;
        int precedence = binary_precedence(token, &op);
        if (precedence < 0 || precedence < min_precedence || c->failed) return;
        advance(&c->lx);
        if (token == T_OROR || token == T_ANDAND) {
            emit(c, OP_NOT);
            emit(c, OP_NOT);
            emit(c, token == T_OROR ? OP_JUMP_IF_TRUE_KEEP : OP_JUMP_IF_FALSE_KEEP);
            u32 patch = c->code_length;
            emit16(c, 0);
            emit(c, OP_POP);
            expression(c, precedence + 1);
            emit(c, OP_NOT);
            emit(c, OP_NOT);
            patch16(c, patch, c->code_length);
        } else {
            expression(c, precedence + 1);
            emit(c, op);
        }
    }
}

static void block(Compiler *c);

static void statement(Compiler *c) {
    Lexer *lx = &c->lx;
    switch (lx->token) {
    case T_VAR:
    case T_NAME: {
        int declare = lx->token == T_VAR;
        if (declare) advance(lx);
        if (!declare && word_is(lx, "mem")) {
            advance(lx);
            expect(c, T_LBRACKET);
            expression(c, 0);
            expect(c, T_RBRACKET);
            expect(c, T_ASSIGN);
            expression(c, 0);
            expect(c, T_SEMICOLON);
            emit(c, OP_MEMSTORE);
            return;
        }
        Lexer saved = *lx;
        advance(lx);
        if (!declare && lx->token != T_ASSIGN) {
            *lx = saved;  // an expression statement (a call)
            expression(c, 0);
            expect(c, T_SEMICOLON);
            emit(c, OP_POP);
            return;
        }
        Lexer after = *lx;
        *lx = saved;
        u32 slot = local_slot(c, declare);
        *lx = after;
        expect(c, T_ASSIGN);
        expression(c, 0);
        expect(c, T_SEMICOLON);
        emit(c, OP_STORE);
        emit(c, (u8)slot);
        return;
    }
    case T_IF: {
        advance(lx);
        expression(c, 0);
        emit(c, OP_JUMP_IF_FALSE);
        u32 skip = c->code_length;
        emit16(c, 0);
        block(c);
        if (lx->token == T_ELSE) {
            advance(lx);
            emit(c, OP_JUMP);
            u32 end = c->code_length;
            emit16(c, 0);
            patch16(c, skip, c->code_length);
            if (lx->token == T_IF) statement(c); else block(c);
            patch16(c, end, c->code_length);
        } else {
            patch16(c, skip, c->code_length);
        }
        return;
    }
    case T_WHILE: {
        advance(lx);
        u32 top = c->code_length;
        expression(c, 0);
        emit(c, OP_JUMP_IF_FALSE);
        u32 exit = c->code_length;
        emit16(c, 0);
        block(c);
        emit(c, OP_JUMP);
        emit16(c, top);
        patch16(c, exit, c->code_length);
        return;
    }
    case T_RETURN:
        advance(lx);
        expression(c, 0);
        expect(c, T_SEMICOLON);
        emit(c, OP_RETURN);
        return;
    default:
        expression(c, 0);
        expect(c, T_SEMICOLON);
        emit(c, OP_POP);
    }
}

static void block(Compiler *c) {
    expect(c, T_LBRACE);
    while (c->lx.token != T_RBRACE && c->lx.token != T_END && !c->failed) statement(c);
    expect(c, T_RBRACE);
}

static void function(Compiler *c) {
    expect(c, T_FN);
    if (c->lx.token != T_NAME) {
        c->failed = 1;
        return;
    }
    u32 index = function_index(c);
    FunctionInfo *f = &c->functions[index];
    if (f->entry != 0xFFFFFFFFu) c->failed = 1;  // defined twice
    f->entry = c->code_length;
    advance(&c->lx);
    expect(c, T_LPAREN);
    c->local_count = 0;
    while (c->lx.token == T_NAME) {
        local_slot(c, 1);
        advance(&c->lx);
        if (c->lx.token == T_COMMA) advance(&c->lx);
    }
    f->parameters = c->local_count;
    expect(c, T_RPAREN);
    block(c);
    emit(c, OP_CONST);  // falling off the end returns 0
    emit32(c, 0);
    emit(c, OP_RETURN);
    f->locals = c->local_count;
}

static int compile(Compiler *c) {
    c->lx.text = source;
    c->lx.position = 0;
    c->code_length = 0;
    c->function_count = 0;
    c->failed = 0;
    advance(&c->lx);
    while (c->lx.token != T_END && !c->failed) function(c);
    for (u32 i = 0; i < c->function_count; i++) {
        if (c->functions[i].entry == 0xFFFFFFFFu) c->failed = 1;
    }
    return !c->failed;
}

// ---- Virtual machine ------------------------------------------------------------------------

#define STACK_WORDS 16384
#define MAX_FRAMES 1024

typedef struct {
    u32 return_pc;
    u32 base;  // first local's index in the value stack
} Frame;

static u32 read16(const u8 *code, u32 at) { return (u32)code[at] | (u32)code[at + 1] << 8; }

// Runs function `entry` with one argument. Returns 1 and sets *result, or 0 on a fault.
static int run(const Compiler *c, u32 *mem, u32 *stack, Frame *frames, u32 entry, u32 argument, u32 *result) {
    const u8 *code = c->code;
    const FunctionInfo *f = &c->functions[entry];
    if (f->parameters != 1 || f->locals >= STACK_WORDS) return 0;
    stack[0] = argument;
    for (u32 i = 1; i < f->locals; i++) stack[i] = 0;
    u32 sp = f->locals, base = 0, pc = f->entry, depth = 0;
    for (;;) {
        if (sp + 4 >= STACK_WORDS || pc >= c->code_length) return 0;
        u8 op = code[pc++];
        switch (op) {
        case OP_CONST: stack[sp++] = read16(code, pc) | read16(code, pc + 2) << 16; pc += 4; break;
        case OP_LOAD: stack[sp++] = stack[base + code[pc++]]; break;
        case OP_STORE: stack[base + code[pc++]] = stack[--sp]; break;
        case OP_MEMLOAD: stack[sp - 1] = mem[stack[sp - 1] % MEM_WORDS]; break;
        case OP_MEMSTORE: sp -= 2; mem[stack[sp] % MEM_WORDS] = stack[sp + 1]; break;
        case OP_POP: sp--; break;
        case OP_ADD: sp--; stack[sp - 1] += stack[sp]; break;
        case OP_SUB: sp--; stack[sp - 1] -= stack[sp]; break;
        case OP_MUL: sp--; stack[sp - 1] *= stack[sp]; break;
        case OP_DIV: {
            sp--;
            i32 a = (i32)stack[sp - 1], b = (i32)stack[sp];
            stack[sp - 1] = b == 0 ? 0 : (b == -1 ? 0u - (u32)a : (u32)(a / b));
            break;
        }
        case OP_MOD: {
            sp--;
            i32 a = (i32)stack[sp - 1], b = (i32)stack[sp];
            stack[sp - 1] = (b == 0 || b == -1) ? 0 : (u32)(a % b);
            break;
        }
        case OP_AND: sp--; stack[sp - 1] &= stack[sp]; break;
        case OP_OR: sp--; stack[sp - 1] |= stack[sp]; break;
        case OP_XOR: sp--; stack[sp - 1] ^= stack[sp]; break;
        case OP_SHL: sp--; stack[sp - 1] <<= stack[sp] & 31; break;
        case OP_SHR: sp--; stack[sp - 1] = (u32)((i32)stack[sp - 1] >> (stack[sp] & 31)); break;
        case OP_EQ: sp--; stack[sp - 1] = stack[sp - 1] == stack[sp]; break;
        case OP_NE: sp--; stack[sp - 1] = stack[sp - 1] != stack[sp]; break;
        case OP_LT: sp--; stack[sp - 1] = (i32)stack[sp - 1] < (i32)stack[sp]; break;
        case OP_LE: sp--; stack[sp - 1] = (i32)stack[sp - 1] <= (i32)stack[sp]; break;
        case OP_GT: sp--; stack[sp - 1] = (i32)stack[sp - 1] > (i32)stack[sp]; break;
        case OP_GE: sp--; stack[sp - 1] = (i32)stack[sp - 1] >= (i32)stack[sp]; break;
        case OP_NEG: stack[sp - 1] = 0u - stack[sp - 1]; break;
        case OP_NOT: stack[sp - 1] = stack[sp - 1] == 0; break;
        case OP_JUMP: pc = read16(code, pc); break;
        case OP_JUMP_IF_FALSE: pc = stack[--sp] ? pc + 2 : read16(code, pc); break;
        case OP_JUMP_IF_TRUE_KEEP: pc = stack[sp - 1] ? read16(code, pc) : pc + 2; break;
        case OP_JUMP_IF_FALSE_KEEP: pc = stack[sp - 1] ? pc + 2 : read16(code, pc); break;
        case OP_CALL: {
            const FunctionInfo *callee = &c->functions[code[pc]];
            u32 arguments = code[pc + 1];
            if (arguments != callee->parameters || depth + 1 >= MAX_FRAMES) return 0;
            if (sp + callee->locals + 4 >= STACK_WORDS) return 0;
            frames[depth].return_pc = pc + 2;
            frames[depth].base = base;
            depth++;
            base = sp - arguments;
            for (u32 i = arguments; i < callee->locals; i++) stack[sp++] = 0;
            pc = callee->entry;
            break;
        }
        case OP_RETURN: {
            u32 value = stack[sp - 1];
            if (depth == 0) {
                *result = value;
                return 1;
            }
            sp = base;
            stack[sp++] = value;
            depth--;
            pc = frames[depth].return_pc;
            base = frames[depth].base;
            break;
        }
        default: return 0;
        }
    }
}

EXPORT(minilang) u32 minilang(u32 n) {
    u32 bytes = (u32)sizeof(Compiler) + MEM_WORDS * 4 + STACK_WORDS * 4 + MAX_FRAMES * (u32)sizeof(Frame) + 256;
    u8 *memory = scratch(bytes);
    if (!memory) return 0;
    Arena arena = {memory};
    Compiler *compiler = arena_take(&arena, sizeof(Compiler));
    u32 *mem = arena_take(&arena, MEM_WORDS * 4);
    u32 *stack = arena_take(&arena, STACK_WORDS * 4);
    Frame *frames = arena_take(&arena, MAX_FRAMES * (u32)sizeof(Frame));
    for (u32 i = 0; i < MEM_WORDS; i++) mem[i] = 0;
    if (!compile(compiler)) return 0;
    u32 main_index = MAX_FUNCTIONS;
    for (u32 i = 0; i < compiler->function_count; i++) {
        const FunctionInfo *f = &compiler->functions[i];
        if (f->name_length == 4 && source[f->name_start] == 'm' && source[f->name_start + 1] == 'a'
            && source[f->name_start + 2] == 'i' && source[f->name_start + 3] == 'n') main_index = i;
    }
    if (main_index == MAX_FUNCTIONS) return 0;
    u32 result = 0;
    if (!run(compiler, mem, stack, frames, main_index, n, &result)) return 0;
    return mix(mix(FNV_OFFSET, result), compiler->code_length);
}
