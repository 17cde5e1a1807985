// syncfs is a GNU extension: declared only with _GNU_SOURCE, which Swift's Glibc does not set.
#define _GNU_SOURCE
#include <unistd.h>

#include "CFileSync.h"

int creditcast_sync_file_system(int descriptor) {
#if defined(__linux__)
    return syncfs(descriptor);
#else
    (void)descriptor;
    sync();
    return 0;
#endif
}
