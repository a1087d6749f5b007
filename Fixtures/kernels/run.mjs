// Reference check for the benchmark kernels: loads each .wasm in node (V8), runs its export on
// the listed sizes, checks the result against an independent JavaScript implementation, and
// prints the result and V8's time (median of 5 runs after one warm-up).
//
//   node run.mjs                 every kernel at every listed size
//   node run.mjs sieve           one kernel
//   node run.mjs sieve 5000      one kernel at one size
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));
const u32 = (x) => x >>> 0;
const M64 = (1n << 64n) - 1n;

function xorshift32Sequence(n) {
    const out = new Uint32Array(n);
    let x = 2463534242;
    for (let i = 0; i < n; i++) {
        x = u32(x ^ (x << 13));
        x = u32(x ^ (x >>> 17));
        x = u32(x ^ (x << 5));
        out[i] = x;
    }
    return out;
}

const fillByte = (i) => (i * 31 + 7) & 255;

// stringops.wasm's prepare(n): the sentence repeated to n bytes, its last 8 replaced by "lazy cat".
function stringopsText(n) {
    const sentence = Buffer.from("The quick brown fox jumps over the lazy dog");
    const text = new Uint8Array(n);
    for (let i = 0; i < n; i++) text[i] = sentence[i % sentence.length];
    text.set(Buffer.from("lazy cat"), n - 8);
    return text;
}

// Each kernel: file, export, sizes, how to run it on an instance, and the JS reference.
const kernels = [
    {
        name: "fib", file: "fib.wasm", sizes: [20, 25, 30],
        run: (e, n) => u32(e.fib(n)),
        reference: (n) => { let a = 0, b = 1; for (let i = 0; i < n; i++) [a, b] = [b, u32(a + b)]; return a; },
    },
    {
        name: "xorshift", file: "loop.wasm", sizes: [0, 1, 1000, 10_000_000],
        run: (e, n) => u32(e.xorshift(n)),
        reference: (n) => (n === 0 ? 2463534242 : xorshift32Sequence(n)[n - 1]),
    },
    {
        name: "sum", file: "loop.wasm", sizes: [0, 1000, 10_000_000],
        run: (e, n) => u32(e.sum(n)),
        reference: (n) => Number(((BigInt(n) * BigInt(n - 1 < 0 ? 0 : n - 1)) / 2n) & 0xFFFFFFFFn),
    },
    {
        name: "fnv1a", file: "fnv1a.wasm", sizes: [0, 64, 4096, 65536, 1 << 20],
        prepare: (e, n) => { if (e.fill(n) !== 0) throw new Error("fill failed"); },
        run: (e, n) => u32(e.fnv1a(0, n)),
        reference: (n) => {
            let h = 2166136261;
            for (let i = 0; i < n; i++) h = u32(Math.imul(h ^ fillByte(i), 16777619));
            return h;
        },
    },
    {
        name: "sieve", file: "sieve.wasm", sizes: [1, 2, 100, 1_000_000, 10_000_000],
        run: (e, n) => e.sieve(n),
        reference: (n) => {
            const c = new Uint8Array(n + 1);
            let count = 0;
            for (let i = 2; i <= n; i++) {
                if (c[i]) continue;
                count++;
                for (let j = i * i; j <= n; j += i) c[j] = 1;
            }
            return count;
        },
    },
    {
        name: "sort", file: "sort.wasm", sizes: [1, 10, 1000, 100_000, 1_000_000],
        run: (e, n) => e.sort(n),
        reference: (n) => {
            const a = xorshift32Sequence(n).sort();
            let sum = 0;
            for (let i = 0; i < n; i++) sum = u32(sum + Math.imul(a[i], i + 1));
            return sum | 0;
        },
    },
    {
        name: "hash64", file: "hash64.wasm", sizes: [0, 1, 1000, 1_000_000],
        run: (e, n) => BigInt.asUintN(64, e.hash64(n)),
        reference: (n) => {
            let state = 0x0123456789ABCDEFn, acc = 0xCBF29CE484222325n;
            const rotl = (x, k) => ((x << BigInt(k)) | (x >> BigInt(64 - k))) & M64;
            for (let i = 0; i < n; i++) {
                state = (state + 0x9E3779B97F4A7C15n) & M64;
                let z = state;
                z = ((z ^ (z >> 30n)) * 0xBF58476D1CE4E5B9n) & M64;
                z = ((z ^ (z >> 27n)) * 0x94D049BB133111EBn) & M64;
                z ^= z >> 31n;
                acc = ((rotl(acc, 23) ^ z) * 0x100000001B3n) & M64;
            }
            return acc;
        },
    },
    {
        name: "mandelbrot", file: "mandelbrot.wasm", sizes: [1, 16, 200, 1000],
        run: (e, n) => e.mandelbrot(n),
        reference: (size) => {
            let count = 0;
            for (let y = 0; y < size; y++) {
                const ci = (2.0 * y) / size - 1.0;
                for (let x = 0; x < size; x++) {
                    const cr = (2.0 * x) / size - 1.5;
                    let zr = 0, zi = 0, tr = 0, ti = 0;
                    for (let i = 0; i < 50 && tr + ti <= 4.0; i++) {
                        zi = 2.0 * zr * zi + ci;
                        zr = tr - ti + cr;
                        tr = zr * zr;
                        ti = zi * zi;
                    }
                    if (tr + ti <= 4.0) count++;
                }
            }
            return count;
        },
    },
    {
        name: "nbody", file: "nbody.wasm", sizes: [0, 1000, 100_000],
        run: (e, n) => e.nbody(n),
        reference: nbodyReference,
        format: (x) => x.toFixed(9),
    },
    {
        name: "vm", file: "vm.wasm", sizes: [0, 1, 1000, 1_000_000],
        run: (e, n) => u32(e.vm(n)),
        reference: (n) => {
            let acc = 2166136261;
            for (let i = 0; i < n; i++) {
                acc = u32(Math.imul(acc ^ i, 16777619));
                acc = u32(acc ^ (acc >>> 15));
                acc = u32(acc + (i << 3));
                acc = u32((acc | 1) - (i & 7));
            }
            return acc;
        },
    },
    {
        name: "callindirect", file: "callindirect.wasm", sizes: [0, 1, 1000, 1_000_000],
        run: (e, n) => u32(e.callindirect(n)),
        reference: (n) => {
            const ops = [
                (a, b) => u32(a + b + 1),
                (a, b) => u32(a - b),
                (a, b) => u32((a ^ b) + 7),
                (a, b) => u32(Math.imul(a, 31) + b),
                (a, b) => u32(((a << 5) | (a >>> 27)) ^ b),
                (a, b) => u32((a >>> 3) + Math.imul(b, 5)),
                (a, b) => u32((a | b) - 3),
                (a, b) => u32(Math.imul(a ^ (a >>> 16), 0x45D9F3B) + b),
            ];
            let acc = 1;
            for (let i = 0; i < n; i++) acc = ops[(acc ^ i) & 7](acc, i);
            return acc;
        },
    },
    {
        name: "strhash", file: "stringops.wasm", sizes: [8, 4096, 1 << 20],
        prepare: (e, n) => { if (e.prepare(n) !== 0) throw new Error("prepare failed"); },
        run: (e, n) => u32(e.fastHash(1024, n)),
        reference: (n) => {
            const text = stringopsText(n);
            let h = 2166136261;
            for (const byte of text) h = u32(Math.imul(h ^ byte, 16777619));
            return h;
        },
    },
    {
        name: "strcompare", file: "stringops.wasm", sizes: [8, 4096, 1 << 20],
        prepare: (e, n) => { if (e.prepare(n) !== 0) throw new Error("prepare failed"); },
        run: (e, n) => e.fastCompare(1024, n, 1024 + n, n),
        // The copy differs only in its last byte, one higher.
        reference: (n) => -1,
    },
    {
        name: "strsearch", file: "stringops.wasm", sizes: [8, 4096, 1 << 20],
        prepare: (e, n) => { if (e.prepare(n) !== 0) throw new Error("prepare failed"); },
        run: (e, n) => e.fastSearch(1024, n, 64, 8),
        reference: (n) => {
            const text = stringopsText(n), needle = Buffer.from("lazy cat");
            return Buffer.from(text).indexOf(needle);
        },
    },
];

function nbodyReference(steps) {
    const PI = 3.141592653589793, SOLAR_MASS = 4 * PI * PI, DAYS = 365.24;
    const b = [
        [0, 0, 0, 0, 0, 0, SOLAR_MASS],
        [4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
            1.66007664274403694e-03 * DAYS, 7.69901118419740425e-03 * DAYS,
            -6.90460016972063023e-05 * DAYS, 9.54791938424326609e-04 * SOLAR_MASS],
        [8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
            -2.76742510726862411e-03 * DAYS, 4.99852801234917238e-03 * DAYS,
            2.30417297573763929e-05 * DAYS, 2.85885980666130812e-04 * SOLAR_MASS],
        [1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
            2.96460137564761618e-03 * DAYS, 2.37847173959480950e-03 * DAYS,
            -2.96589568540237556e-05 * DAYS, 4.36624404335156298e-05 * SOLAR_MASS],
        [1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
            2.68067772490389322e-03 * DAYS, 1.62824170038242295e-03 * DAYS,
            -9.51592254519715870e-05 * DAYS, 5.15138902046611451e-05 * SOLAR_MASS],
    ];
    let px = 0, py = 0, pz = 0;
    for (const o of b) { px += o[3] * o[6]; py += o[4] * o[6]; pz += o[5] * o[6]; }
    b[0][3] = -px / SOLAR_MASS; b[0][4] = -py / SOLAR_MASS; b[0][5] = -pz / SOLAR_MASS;
    const dt = 0.01;
    for (let s = 0; s < steps; s++) {
        for (let i = 0; i < 5; i++) {
            const a = b[i];
            for (let j = i + 1; j < 5; j++) {
                const c = b[j];
                const dx = a[0] - c[0], dy = a[1] - c[1], dz = a[2] - c[2];
                const d2 = dx * dx + dy * dy + dz * dz;
                const mag = dt / (d2 * Math.sqrt(d2));
                a[3] -= dx * c[6] * mag; a[4] -= dy * c[6] * mag; a[5] -= dz * c[6] * mag;
                c[3] += dx * a[6] * mag; c[4] += dy * a[6] * mag; c[5] += dz * a[6] * mag;
            }
        }
        for (const o of b) { o[0] += dt * o[3]; o[1] += dt * o[4]; o[2] += dt * o[5]; }
    }
    let e = 0;
    for (let i = 0; i < 5; i++) {
        const a = b[i];
        e += 0.5 * a[6] * (a[3] * a[3] + a[4] * a[4] + a[5] * a[5]);
        for (let j = i + 1; j < 5; j++) {
            const c = b[j];
            const dx = a[0] - c[0], dy = a[1] - c[1], dz = a[2] - c[2];
            e -= (a[6] * c[6]) / Math.sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    return e;
}

const [onlyName, onlySize] = process.argv.slice(2);
let failures = 0;
console.log("kernel        size        result                  reference               ok   V8 median ms");
for (const k of kernels) {
    if (onlyName && k.name !== onlyName) continue;
    const bytes = readFileSync(join(here, k.file));
    const module = new WebAssembly.Module(bytes);
    const imports = WebAssembly.Module.imports(module);
    if (imports.length > 0) throw new Error(`${k.file} imports ${JSON.stringify(imports)}`);
    const sizes = onlySize !== undefined ? [Number(onlySize)] : k.sizes;
    for (const n of sizes) {
        const { exports } = new WebAssembly.Instance(module, {});
        if (k.prepare) k.prepare(exports, n);
        const result = k.run(exports, n);  // warm-up, and the value checked
        const times = [];
        for (let r = 0; r < 5; r++) {
            const start = process.hrtime.bigint();
            k.run(exports, n);
            times.push(Number(process.hrtime.bigint() - start) / 1e6);
        }
        times.sort((a, b) => a - b);
        const expected = k.reference(n);
        const ok = result === expected;
        if (!ok) failures++;
        const show = k.format ?? String;
        console.log(
            `${k.name.padEnd(13)} ${String(n).padEnd(11)} ${show(result).padEnd(23)} ` +
            `${show(expected).padEnd(23)} ${ok ? "yes" : "NO "}  ${times[2].toFixed(3)}`);
    }
}
console.log(failures === 0 ? "all results match the JavaScript references" : `${failures} mismatches`);
process.exit(failures === 0 ? 0 : 1);
