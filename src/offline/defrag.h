// `defrag --data-dir`: rewrites a stopped member's bbolt file compactly. The new file
// is written beside the old one, synced, and renamed over it, so an interrupted run
// leaves the original in place.
#ifndef ECTL_OFFLINE_DEFRAG_H_
#define ECTL_OFFLINE_DEFRAG_H_

#include <string>

#include "offline/stop.h"

namespace ectl::offline {

// The db file of a data directory.
std::string DataDirDb(const std::string& data_dir);

// Defragments DataDirDb(data_dir); throws Error with the reason, Interrupted once stop
// says so (the temporary file removed, the original untouched).
void Defrag(const std::string& data_dir, const StopRequested& stop = {});

}  // namespace ectl::offline

#endif  // ECTL_OFFLINE_DEFRAG_H_
