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
  bool Supports(Result kind) const override {
    switch (kind) {
      default:  // kinds no branch lists here: not supported
      case Result::kGet:
      case Result::kPut:
      case Result::kDelete:
      case Result::kTxn:
      // lease results
      case Result::kLeaseGrant:
      case Result::kLeaseRevoke:
      case Result::kLeaseTimeToLive:
      case Result::kLeaseList:
      case Result::kLeaseKeepAlive:
        return false;
      case Result::kMemberList:
      case Result::kEndpointHealth:
      case Result::kEndpointStatus:
      case Result::kEndpointHashKV:
      case Result::kSnapshotStatus:
        return true;
      default:
        return false;
    }
    return false;
  }
};

}  // namespace

std::unique_ptr<Printer> MakeTablePrinter(std::ostream& out, bool hex) {
  return std::make_unique<TablePrinter>(out, hex);
}

}  // namespace ectl::output
