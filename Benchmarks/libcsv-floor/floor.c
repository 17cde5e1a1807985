/* The floor under creditcast's importer: libcsv alone on the same file.
 *
 * Reads FILE in 64 KB blocks through csv_parse with callbacks that only count fields and
 * records (and sum the last field's digits, so nothing is optimised away), under the options
 * CSVStream uses (CSV_STRICT | CSV_STRICT_FINI). With --space-func it also installs a space
 * function that is called for every byte, as CSVStream does, to show what that costs.
 * Prints one line like creditcast-bench: `libcsv-floor rows=... wall_s=... cpu_s=...`.
 *
 * Build: cc -O2 -o floor floor.c -lcsv   (scripts/bench.sh does this when cc and libcsv-dev are there)
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct counts { size_t fields, records; unsigned long long checksum; };

static void on_field(void *data, size_t length, void *user) {
    struct counts *c = user;
    const unsigned char *bytes = data;
    c->fields++;
    if (length > 0) c->checksum += bytes[length - 1];
}

static void on_record(int terminator, void *user) {
    (void)terminator;
    ((struct counts *)user)->records++;
}

static int is_space(unsigned char c) { return c == ' ' || c == '\t'; }

static double now(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: floor FILE [--space-func]\n"); return 2; }
    int space = argc > 2 && strcmp(argv[2], "--space-func") == 0;
    double wall = now(CLOCK_MONOTONIC), cpu = now(CLOCK_PROCESS_CPUTIME_ID);
    FILE *file = fopen(argv[1], "rb");
    if (!file) { perror(argv[1]); return 1; }
    struct csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) return 1;
    if (space) csv_set_space_func(&parser, is_space);
    struct counts counts = {0, 0, 0};
    static char block[1 << 16];
    size_t got;
    while ((got = fread(block, 1, sizeof block, file)) > 0) {
        if (csv_parse(&parser, block, got, on_field, on_record, &counts) != got) {
            fprintf(stderr, "libcsv: %s\n", csv_strerror(csv_error(&parser)));
            return 1;
        }
    }
    csv_fini(&parser, on_field, on_record, &counts);
    csv_free(&parser);
    fclose(file);
    wall = now(CLOCK_MONOTONIC) - wall;
    cpu = now(CLOCK_PROCESS_CPUTIME_ID) - cpu;
    printf("libcsv-floor rows=%zu fields=%zu space_func=%s wall_s=%.3f cpu_s=%.3f checksum=%llu\n",
           counts.records > 0 ? counts.records - 1 : 0, counts.fields, space ? "yes" : "no", wall, cpu, counts.checksum);
    return 0;
}
