// table: etcdctl renders tables only for cluster-level listings (member list, endpoint
// status, ...); for key-value results it refuses the format.
#include "output/table.h"

#include "output/printer.h"

namespace ectl::output {
namespace {

class TablePrinter final : public Printer {
 public:
  TablePrinter(std::ostream& out, bool hex) : Printer(out, "table", hex) {}

  // lease

  // watch

  // cluster and maintenance

  // auth


  // concurrency

 private:
  // etcdctl renders tables for cluster-level listings only.
  bool Supports(Result kind) const override {
    switch (kind) {
      case Result::kMemberList:
      case Result::kEndpointHealth:
      case Result::kEndpointStatus:
      case Result::kEndpointHashKV:
      case Result::kSnapshotStatus:
        return true;
      default:
        return false;
    }
  }
};

}  // namespace

std::unique_ptr<Printer> MakeTablePrinter(std::ostream& out, bool hex) {
  return std::make_unique<TablePrinter>(out, hex);
}

}  // namespace ectl::output
