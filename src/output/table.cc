// table: etcdctl renders tables only for cluster-level listings (member list, endpoint
// status, ...); it refuses every other result.
#include "output/table.h"

#include "output/cluster_results.h"
#include "output/format.h"
#include "output/printer.h"
#include "output/rows.h"

namespace ectl::output {
namespace {

class TablePrinter final : public Printer {
 public:
  TablePrinter(std::ostream& out, bool hex) : Printer(out, "table", hex) {}

  // cluster and maintenance
  void MemberList(const MemberListResult& r) override { Table(MemberListRows(r.response)); }
  void EndpointHealth(const EndpointHealthResult& r) override {
    Table(EndpointHealthRows(r.list));
  }
  void EndpointStatus(const EndpointStatusResult& r) override {
    Table(EndpointStatusRows(r.list));
  }
  void EndpointHashKV(const EndpointHashKVResult& r) override {
    Table(EndpointHashKVRows(r.list));
  }
  void SnapshotStatus(const SnapshotStatusResult& r) override { Table(SnapshotStatusRows(r)); }

 private:
  bool Supports(Result kind) const override { return Overrides<TablePrinter>(kind); }

  void Table(const Rows& rows) {
    Write(RenderTable(rows, color()));
    Flush();
  }
};

}  // namespace

std::unique_ptr<Printer> MakeTablePrinter(std::ostream& out, bool hex) {
  return std::make_unique<TablePrinter>(out, hex);
}

}  // namespace ectl::output
