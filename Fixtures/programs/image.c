// image(width): an integer image-processing pipeline on a width × width 8-bit grayscale image.
// Draws a test image (gradients, discs and rectangles, noise), blurs it with a separable 5×5
// binomial filter, takes the Sobel gradient magnitude, builds the histogram of the blurred image
// and picks a threshold by Otsu's method, labels the connected regions of the thresholded image
// (4-connectivity, union-find with path halving), halves the image with a 2×2 box filter, and
// returns a checksum of the edge image, the threshold, the region count and sizes and the
// small image.
#include "program.h"

static u8 clamp_byte(i32 value) { return value < 0 ? 0 : value > 255 ? 255 : (u8)value; }

// ---- The test image -------------------------------------------------------------------------

static void draw(u8 *image, u32 width) {
    u32 rng = 0xDEADBEEFu;
    for (u32 y = 0; y < width; y++) {
        for (u32 x = 0; x < width; x++) {
            i32 value = (i32)((x * 96) / width + (y * 64) / width) + 32;
            value += (i32)random_below(&rng, 17) - 8;
            image[y * width + x] = clamp_byte(value);
        }
    }
    // Discs and rectangles at pseudo-random places.
    u32 shapes = 6 + width / 16;
    for (u32 s = 0; s < shapes; s++) {
        i32 cx = (i32)random_below(&rng, width), cy = (i32)random_below(&rng, width);
        i32 size = 2 + (i32)random_below(&rng, width / 6 + 1);
        u8 shade = (u8)(random_below(&rng, 2) ? 200 + random_below(&rng, 56) : random_below(&rng, 40));
        int disc = random_below(&rng, 2);
        i32 y0 = cy - size < 0 ? 0 : cy - size, y1 = cy + size >= (i32)width ? (i32)width - 1 : cy + size;
        i32 x0 = cx - size < 0 ? 0 : cx - size, x1 = cx + size >= (i32)width ? (i32)width - 1 : cx + size;
        for (i32 y = y0; y <= y1; y++) {
            for (i32 x = x0; x <= x1; x++) {
                i32 dx = x - cx, dy = y - cy;
                if (!disc || dx * dx + dy * dy <= size * size) image[(u32)y * width + (u32)x] = shade;
            }
        }
    }
}

// ---- Filters --------------------------------------------------------------------------------

// Separable 1-4-6-4-1 blur (÷256), edges clamped; `temporary` holds the horizontal pass as u16.
static void blur(const u8 *in, u8 *out, u16 *temporary, u32 width) {
    static const u32 taps[5] = {1, 4, 6, 4, 1};
    i32 last = (i32)width - 1;
    for (u32 y = 0; y < width; y++) {
        const u8 *row = in + y * width;
        for (i32 x = 0; x < (i32)width; x++) {
            u32 sum = 0;
            for (i32 k = -2; k <= 2; k++) {
                i32 sx = x + k < 0 ? 0 : x + k > last ? last : x + k;
                sum += taps[k + 2] * row[sx];
            }
            temporary[y * width + (u32)x] = (u16)sum;
        }
    }
    for (i32 y = 0; y < (i32)width; y++) {
        for (u32 x = 0; x < width; x++) {
            u32 sum = 0;
            for (i32 k = -2; k <= 2; k++) {
                i32 sy = y + k < 0 ? 0 : y + k > last ? last : y + k;
                sum += taps[k + 2] * temporary[(u32)sy * width + x];
            }
            out[(u32)y * width + x] = (u8)((sum + 128) >> 8);
        }
    }
}

// |Gx| + |Gy| of the 3×3 Sobel operator, clamped to 255; the border is 0.
static void sobel(const u8 *in, u8 *out, u32 width) {
    for (u32 x = 0; x < width; x++) {
        out[x] = 0;
        out[(width - 1) * width + x] = 0;
    }
    for (u32 y = 1; y + 1 < width; y++) {
        const u8 *above = in + (y - 1) * width, *row = in + y * width, *below = in + (y + 1) * width;
        out[y * width] = 0;
        out[y * width + width - 1] = 0;
        for (u32 x = 1; x + 1 < width; x++) {
            i32 gx = (i32)above[x + 1] + 2 * (i32)row[x + 1] + (i32)below[x + 1]
                - (i32)above[x - 1] - 2 * (i32)row[x - 1] - (i32)below[x - 1];
            i32 gy = (i32)below[x - 1] + 2 * (i32)below[x] + (i32)below[x + 1]
                - (i32)above[x - 1] - 2 * (i32)above[x] - (i32)above[x + 1];
            i32 magnitude = (gx < 0 ? -gx : gx) + (gy < 0 ? -gy : gy);
            out[y * width + x] = clamp_byte(magnitude);
        }
    }
}

// Otsu's threshold: the level that maximizes the between-class variance (integer arithmetic).
static u32 otsu(const u8 *image, u32 count, u32 *histogram) {
    for (u32 i = 0; i < 256; i++) histogram[i] = 0;
    for (u32 i = 0; i < count; i++) histogram[image[i]]++;
    u64 total_sum = 0;
    for (u32 i = 0; i < 256; i++) total_sum += (u64)i * histogram[i];
    u64 below_count = 0, below_sum = 0;
    u64 best_score = 0;
    u32 best = 0;
    for (u32 t = 0; t < 256; t++) {
        below_count += histogram[t];
        below_sum += (u64)t * histogram[t];
        u64 above_count = count - below_count;
        if (below_count == 0 || above_count == 0) continue;
        // (mean difference)² · n_below · n_above, scaled to stay in 64 bits.
        i64 difference = (i64)(below_sum * above_count) - (i64)((total_sum - below_sum) * below_count);
        u64 magnitude = (u64)(difference < 0 ? -difference : difference) >> 8;
        u64 score = magnitude / (below_count + 1) * (magnitude / (above_count + 1));
        if (score > best_score) {
            best_score = score;
            best = t;
        }
    }
    return best;
}

static u32 find_root(u32 *parent, u32 i) {
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

static void unite(u32 *parent, u32 a, u32 b) {
    a = find_root(parent, a);
    b = find_root(parent, b);
    if (a < b) parent[b] = a; else if (b < a) parent[a] = b;
}

// Labels the 4-connected regions of pixels above `threshold`; returns how many there are and
// folds their sizes into *hash (in order of their first pixel).
static u32 label_regions(const u8 *image, u32 width, u32 threshold, u32 *parent, u32 *sizes, u32 *hash) {
    u32 count = width * width;
    for (u32 i = 0; i < count; i++) parent[i] = i;
    for (u32 y = 0; y < width; y++) {
        for (u32 x = 0; x < width; x++) {
            u32 i = y * width + x;
            if (image[i] <= threshold) continue;
            if (x > 0 && image[i - 1] > threshold) unite(parent, i, i - 1);
            if (y > 0 && image[i - width] > threshold) unite(parent, i, i - width);
        }
    }
    for (u32 i = 0; i < count; i++) sizes[i] = 0;
    u32 regions = 0;
    for (u32 i = 0; i < count; i++) {
        if (image[i] <= threshold) continue;
        u32 root = find_root(parent, i);
        if (root == i) regions++;
        sizes[root]++;
    }
    for (u32 i = 0; i < count; i++) {
        if (sizes[i]) *hash = mix(*hash, sizes[i]);
    }
    return regions;
}

static void half_size(const u8 *in, u8 *out, u32 width) {
    u32 half = width / 2;
    for (u32 y = 0; y < half; y++) {
        for (u32 x = 0; x < half; x++) {
            const u8 *p = in + 2 * y * width + 2 * x;
            out[y * half + x] = (u8)((p[0] + p[1] + p[width] + p[width + 1] + 2) >> 2);
        }
    }
}

EXPORT(image) u32 image(u32 width) {
    if (width < 3 || width > 4096) return 0;
    u32 count = width * width;
    u8 *memory = scratch(4 * count + 2 * count + 4 * count * 2 + 1024 + 256);
    if (!memory) return 0;
    Arena arena = {memory};
    u8 *source = arena_take(&arena, count);
    u8 *blurred = arena_take(&arena, count);
    u8 *edges = arena_take(&arena, count);
    u8 *small = arena_take(&arena, count / 4 + 1);
    u16 *temporary = arena_take(&arena, count * 2);
    u32 *parent = arena_take(&arena, count * 4);
    u32 *sizes = arena_take(&arena, count * 4);
    u32 *histogram = arena_take(&arena, 1024);

    draw(source, width);
    blur(source, blurred, temporary, width);
    sobel(blurred, edges, width);
    u32 threshold = otsu(blurred, count, histogram);
    u32 hash = fnv1a(FNV_OFFSET, edges, count);
    hash = mix(hash, threshold);
    u32 regions = label_regions(blurred, width, threshold, parent, sizes, &hash);
    hash = mix(hash, regions);
    half_size(blurred, small, width);
    return mix(hash, fnv1a(FNV_OFFSET, small, (width / 2) * (width / 2)));
}
