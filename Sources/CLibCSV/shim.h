// libcsv ships no pkg-config file; Debian's libcsv-dev puts the header in /usr/include.
#include <csv.h>
