/* The C side of the point-in-polygon benchmark: the same GEOS calls as
 * Territorio's PolygonLocator (STRtree query, prepared covers, lowest index
 * wins), so the ratio measures what Swift adds over calling GEOS from C.
 *
 *   point_in_polygon POLYGONS.wkb POINTS.xy REPEAT
 * POLYGONS.wkb: uint32 count, then per polygon uint32 size + WKB bytes.
 * POINTS.xy: raw little-endian doubles x0 y0 x1 y1 ...
 * Prints one JSON line like territorio-bench. */
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>

typedef struct { int32_t *items; size_t count, capacity; } Candidates;

static void collect(void *item, void *userdata) {
    Candidates *c = userdata;
    if (c->count == c->capacity) {
        c->capacity = c->capacity ? c->capacity * 2 : 64;
        c->items = realloc(c->items, c->capacity * sizeof(int32_t));
    }
    c->items[c->count++] = (int32_t)((intptr_t)item - 1);
}

static int compare_doubles(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void *read_file(const char *path, size_t *size) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(1); }
    fseek(f, 0, SEEK_END); *size = (size_t)ftell(f); fseek(f, 0, SEEK_SET);
    void *data = malloc(*size);
    if (fread(data, 1, *size, f) != *size) { perror(path); exit(1); }
    fclose(f);
    return data;
}

int main(int argc, char **argv) {
    if (argc < 4) { fprintf(stderr, "usage: %s POLYGONS.wkb POINTS.xy REPEAT\n", argv[0]); return 2; }
    GEOSContextHandle_t ctx = GEOS_init_r();
    size_t wkb_size, xy_size;
    unsigned char *wkb = read_file(argv[1], &wkb_size);
    double *xy = read_file(argv[2], &xy_size);
    size_t points = xy_size / (2 * sizeof(double));
    int repeat = atoi(argv[3]);

    uint32_t count; memcpy(&count, wkb, 4);
    GEOSGeometry **polygons = malloc(count * sizeof *polygons);
    const GEOSPreparedGeometry **prepared = malloc(count * sizeof *prepared);
    GEOSWKBReader *reader = GEOSWKBReader_create_r(ctx);
    size_t offset = 4;
    for (uint32_t i = 0; i < count; i++) {
        uint32_t size; memcpy(&size, wkb + offset, 4); offset += 4;
        polygons[i] = GEOSWKBReader_read_r(ctx, reader, wkb + offset, size); offset += size;
    }

    double runs[64];
    long long found_total = 0;
    for (int run = 0; run < repeat && run < 64; run++) {
        struct timespec start, end;
        clock_gettime(CLOCK_MONOTONIC, &start);
        /* Like PolygonLocator: prepare and index, then locate every point. */
        GEOSSTRtree *tree = GEOSSTRtree_create_r(ctx, 10);
        for (uint32_t i = 0; i < count; i++) {
            prepared[i] = GEOSPrepare_r(ctx, polygons[i]);
            GEOSSTRtree_insert_r(ctx, tree, polygons[i], (void *)(intptr_t)(i + 1));
        }
        Candidates candidates = {0};
        int32_t *located = malloc(points * sizeof(int32_t));
        long long found = 0;
        for (size_t p = 0; p < points; p++) {
            GEOSGeometry *point = GEOSGeom_createPointFromXY_r(ctx, xy[2 * p], xy[2 * p + 1]);
            candidates.count = 0;
            GEOSSTRtree_query_r(ctx, tree, point, collect, &candidates);
            int32_t best = INT32_MAX;
            for (size_t k = 0; k < candidates.count; k++) {
                int32_t candidate = candidates.items[k];
                if (candidate < best && GEOSPreparedCovers_r(ctx, prepared[candidate], point) == 1) best = candidate;
            }
            located[p] = best == INT32_MAX ? -1 : best;
            found += best != INT32_MAX;
            GEOSGeom_destroy_r(ctx, point);
        }
        GEOSSTRtree_destroy_r(ctx, tree);
        for (uint32_t i = 0; i < count; i++) GEOSPreparedGeom_destroy_r(ctx, prepared[i]);
        free(located);
        free(candidates.items);
        clock_gettime(CLOCK_MONOTONIC, &end);
        runs[run] = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
        found_total = found;
    }
    double sorted[64];
    memcpy(sorted, runs, sizeof(double) * (size_t)repeat);
    qsort(sorted, (size_t)repeat, sizeof(double), compare_doubles);
    struct rusage usage; getrusage(RUSAGE_SELF, &usage);
    printf("{\"task\":\"point-in-polygon\",\"tool\":\"C over GEOS %s\",\"median_seconds\":%.6f,\"runs\":[", GEOSversion(), sorted[repeat / 2]);
    for (int i = 0; i < repeat; i++) printf("%s%.6f", i ? "," : "", runs[i]);
    printf("],\"peak_rss_bytes\":%ld,\"points\":%zu,\"located\":%lld}\n", usage.ru_maxrss * 1024L, points, found_total);
    GEOS_finish_r(ctx);
    return 0;
}
