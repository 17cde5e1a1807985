#ifndef CFILESYNC_H
#define CFILESYNC_H

/// Flushes every written byte and name of the file system holding the open file `descriptor`
/// to the disk: Linux's `syncfs`, which Swift's Glibc module does not export; elsewhere `sync`,
/// which flushes every file system. Returns 0, or -1 with `errno` set.
int creditcast_sync_file_system(int descriptor);

#endif
