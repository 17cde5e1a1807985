// libcsv ships no pkg-config file; Debian's libcsv-dev puts the header in /usr/include.
#include <csv.h>

// libcsv trims tabs as spaces by default, which would eat empty tab-separated fields. This
// space test keeps only the blank; it is C so that libcsv's per-byte call stays cheap.
static inline int creditcast_csv_is_blank(unsigned char c) {
    return c == ' ';
}
