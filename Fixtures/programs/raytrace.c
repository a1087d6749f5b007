// raytrace(width): renders a scene of spheres over a checkered floor into a width × (width·3/4)
// RGB image: one primary ray per pixel, Lambert and Phong shading from two point lights, shadow
// rays, and mirror reflections up to three bounces; colours are clamped and quantized to bytes.
// Returns a checksum of the image and the number of rays cast.
//
// Only + − × ÷ and sqrt on doubles, in a fixed order, so the native build and wasm agree bit
// for bit.
#include "program.h"

typedef struct {
    double x, y, z;
} Vec;

static Vec vec(double x, double y, double z) { Vec v = {x, y, z}; return v; }
static Vec add(Vec a, Vec b) { return vec(a.x + b.x, a.y + b.y, a.z + b.z); }
static Vec sub(Vec a, Vec b) { return vec(a.x - b.x, a.y - b.y, a.z - b.z); }
static Vec scale(Vec a, double s) { return vec(a.x * s, a.y * s, a.z * s); }
static Vec hadamard(Vec a, Vec b) { return vec(a.x * b.x, a.y * b.y, a.z * b.z); }
static double dot(Vec a, Vec b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
static double square_root(double x) { return __builtin_sqrt(x); }

static Vec normalize(Vec a) {
    double length = square_root(dot(a, a));
    return length > 0 ? scale(a, 1.0 / length) : a;
}

typedef struct {
    Vec center;
    double radius;
    Vec color;
    double reflectivity;
    double shininess_steps;  // specular exponent = 2^steps
} Sphere;

typedef struct {
    Vec position;
    Vec color;
} Light;

#define SPHERES 6
#define LIGHTS 2
#define MAX_DEPTH 3
#define NO_HIT 1e30

static const Sphere spheres[SPHERES] = {
    {{0.0, 1.0, 5.0}, 1.0, {0.9, 0.2, 0.2}, 0.3, 5},
    {{-2.2, 0.7, 6.0}, 0.7, {0.2, 0.9, 0.3}, 0.1, 3},
    {{2.0, 0.8, 4.2}, 0.8, {0.2, 0.3, 0.95}, 0.5, 6},
    {{0.8, 0.35, 2.8}, 0.35, {0.95, 0.85, 0.2}, 0.0, 2},
    {{-1.0, 2.6, 7.5}, 0.9, {0.9, 0.9, 0.9}, 0.8, 7},
    {{-0.9, 0.25, 3.2}, 0.25, {0.8, 0.3, 0.9}, 0.2, 4},
};

static const Light lights[LIGHTS] = {
    {{-4.0, 6.0, -1.0}, {0.8, 0.8, 0.75}},
    {{5.0, 4.0, 2.0}, {0.35, 0.35, 0.45}},
};

typedef struct {
    u32 rays;
} Stats;

// Distance along the ray to the nearest sphere (index in *which) or the floor y = 0 (*which = -1);
// NO_HIT if nothing.
static double intersect(Vec origin, Vec direction, int *which) {
    double nearest = NO_HIT;
    *which = -2;
    for (int i = 0; i < SPHERES; i++) {
        Vec oc = sub(origin, spheres[i].center);
        double b = dot(oc, direction);
        double c = dot(oc, oc) - spheres[i].radius * spheres[i].radius;
        double discriminant = b * b - c;
        if (discriminant <= 0) continue;
        double root = square_root(discriminant);
        double t = -b - root;
        if (t < 1e-6) t = -b + root;
        if (t > 1e-6 && t < nearest) {
            nearest = t;
            *which = i;
        }
    }
    if (direction.y < -1e-9) {
        double t = -origin.y / direction.y;
        if (t > 1e-6 && t < nearest) {
            nearest = t;
            *which = -1;
        }
    }
    return nearest;
}

static int in_shadow(Vec point, Vec to_light, double distance, Stats *stats) {
    int which;
    stats->rays++;
    double t = intersect(point, to_light, &which);
    return t < distance;
}

static Vec floor_color(Vec point) {
    // Checks of size 1; floor() without libm: shift into positive range first.
    long long cx = (long long)(point.x + 1000.0), cz = (long long)(point.z + 1000.0);
    return ((cx + cz) & 1) ? vec(0.85, 0.85, 0.85) : vec(0.15, 0.15, 0.18);
}

static Vec trace(Vec origin, Vec direction, int depth, Stats *stats) {
    stats->rays++;
    int which;
    double t = intersect(origin, direction, &which);
    if (which == -2) {
        // Sky: a vertical gradient.
        double k = 0.5 * (direction.y + 1.0);
        return add(scale(vec(1.0, 1.0, 1.0), 1.0 - k), scale(vec(0.4, 0.6, 1.0), k));
    }
    Vec point = add(origin, scale(direction, t));
    Vec normal, base;
    double reflectivity, shininess_steps;
    if (which >= 0) {
        const Sphere *s = &spheres[which];
        normal = scale(sub(point, s->center), 1.0 / s->radius);
        base = s->color;
        reflectivity = s->reflectivity;
        shininess_steps = s->shininess_steps;
    } else {
        normal = vec(0, 1, 0);
        base = floor_color(point);
        reflectivity = 0.15;
        shininess_steps = 2;
    }
    Vec color = scale(base, 0.08);  // ambient
    Vec lifted = add(point, scale(normal, 1e-4));
    for (int l = 0; l < LIGHTS; l++) {
        Vec to_light = sub(lights[l].position, point);
        double distance = square_root(dot(to_light, to_light));
        to_light = scale(to_light, 1.0 / distance);
        double lambert = dot(normal, to_light);
        if (lambert <= 0 || in_shadow(lifted, to_light, distance, stats)) continue;
        color = add(color, hadamard(scale(base, lambert), lights[l].color));
        Vec half = normalize(sub(to_light, direction));
        double specular = dot(normal, half);
        if (specular > 0) {
            for (int k = 0; k < (int)shininess_steps; k++) specular *= specular;
            color = add(color, scale(lights[l].color, specular * 0.6));
        }
    }
    if (reflectivity > 0 && depth < MAX_DEPTH) {
        Vec reflected = sub(direction, scale(normal, 2.0 * dot(direction, normal)));
        Vec bounce = trace(lifted, normalize(reflected), depth + 1, stats);
        color = add(scale(color, 1.0 - reflectivity), scale(bounce, reflectivity));
    }
    return color;
}

static u8 quantize(double channel) {
    if (!(channel > 0)) return 0;
    if (channel >= 1) return 255;
    return (u8)(channel * 255.0 + 0.5);
}

EXPORT(raytrace) u32 raytrace(u32 width) {
    if (width == 0 || width > 8192) return 0;
    u32 height = width * 3 / 4;
    if (height == 0) height = 1;
    u8 *image = scratch(width * height * 3 + 16);
    if (!image) return 0;
    Stats stats = {0};
    Vec eye = vec(0.0, 1.4, -1.5);
    double aspect = (double)width / (double)height;
    for (u32 y = 0; y < height; y++) {
        for (u32 x = 0; x < width; x++) {
            double u = ((double)x + 0.5) / (double)width * 2.0 - 1.0;
            double v = 1.0 - ((double)y + 0.5) / (double)height * 2.0;
            Vec direction = normalize(vec(u * aspect * 0.7, v * 0.7 - 0.12, 1.0));
            Vec color = trace(eye, direction, 0, &stats);
            u8 *pixel = image + (y * width + x) * 3;
            pixel[0] = quantize(color.x);
            pixel[1] = quantize(color.y);
            pixel[2] = quantize(color.z);
        }
    }
    return mix(fnv1a(FNV_OFFSET, image, width * height * 3), stats.rays);
}
